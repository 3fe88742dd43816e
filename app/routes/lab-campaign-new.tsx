import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-campaign-new";
import { once } from "~/kernel/db/once";
import { invalid, parseForm } from "~/kernel/forms";
import { isoDay } from "~/kernel/format";
import { PageTitle, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { createCampaign } from "~/campaigns/campaigns";
import { campaignFormSchema, campaignFormShape } from "~/campaigns/schemas";
import { CampaignForm, defaultCriteria } from "~/campaigns/ui";
import { listOrganizations } from "~/organizations/organizations";
import { requireLabRole } from "~/labs/service";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const lab = await requireLabRole(params.labSlug, s.principal, "lab_team").catch(loaderFailure);
  const orgs = await listOrganizations();
  const now = new Date();
  return {
    lab: { slug: lab.slug, name: lab.name },
    organizations: orgs.map((o) => ({ value: o.id, label: o.name })),
    initial: {
      title: "",
      summary: "",
      description: "",
      rules: "",
      opensAt: isoDay(now),
      closesAt: isoDay(new Date(now.getTime() + 42 * 86400_000)),
      scaleMax: "5",
      organizationIds: [] as string[],
      criteria: defaultCriteria,
    },
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    const lab = await requireLabRole(params.labSlug, s.principal, "lab_team");
    const p = parseForm(fd, campaignFormSchema, campaignFormShape);
    if (!p.ok) return invalid(p);
    const data = p.data;
    const location = await once(s.userId, fd, `campaign-new:${lab.id}`, async () => {
      const c = await createCampaign({ ...data, labId: lab.id, createdBy: s.user.id });
      return `/lab/campagnes/${c.id}?creee=1`;
    });
    return redirect(location);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function NewCampaign() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  return (
    <Page>
      <PageTitle title="Nouvelle campagne" error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Espace lab", to: "/lab" }]} current="Nouvelle campagne" />
      <h1>Nouvelle campagne – {d.lab.name}</h1>
      <p>La campagne est créée en brouillon{"\u00a0"}: vous pourrez la prévisualiser avant de la publier.</p>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-9">
          <CampaignForm a={a} initial={d.initial} organizations={d.organizations} locked={false} submitLabel="Créer le brouillon" />
        </div>
      </div>
    </Page>
  );
}
