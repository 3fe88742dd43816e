import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-campaign-edit";
import { invalid, parseForm } from "~/kernel/forms";
import { isoDay } from "~/kernel/format";
import { PageTitle, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { getCriteria, getEligibleOrganizationIds, updateCampaign } from "~/campaigns/campaigns";
import { campaignFormSchema, campaignFormShape } from "~/campaigns/schemas";
import { CampaignForm } from "~/campaigns/ui";
import { listOrganizations } from "~/organizations/organizations";
import { requireLabCampaign } from "~/jury/service";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const c = await requireLabCampaign(params.campaignId, s).catch(loaderFailure);
  const [criteria, eligible, orgs] = await Promise.all([getCriteria(c.id), getEligibleOrganizationIds(c.id), listOrganizations()]);
  return {
    id: c.id,
    locked: c.state !== "draft",
    organizations: orgs.map((o) => ({ value: o.id, label: o.name })),
    initial: {
      title: c.title,
      summary: c.summary,
      description: c.description,
      rules: c.rules,
      opensAt: isoDay(c.opens_at),
      closesAt: isoDay(c.closes_at),
      scaleMax: String(c.scale_max),
      organizationIds: eligible,
      criteria: criteria.map((cr) => ({ label: cr.label, weight: String(cr.weight) })),
    },
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    const c = await requireLabCampaign(params.campaignId, s);
    if (c.state !== "draft") {
      // The grid is locked once published: validate against the stored one.
      fd.set("scaleMax", String(c.scale_max));
      (await getCriteria(c.id)).forEach((cr, i) => {
        fd.set(`criteria.${i}.label`, cr.label);
        fd.set(`criteria.${i}.weight`, String(cr.weight));
      });
    }
    const p = parseForm(fd, campaignFormSchema, campaignFormShape);
    if (!p.ok) return invalid(p);
    await updateCampaign(c.id, p.data);
    return redirect(`/lab/campagnes/${c.id}?modifiee=1`);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function EditCampaign() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  return (
    <Page>
      <PageTitle title={`Modifier «\u00a0${d.initial.title}\u00a0»`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Espace lab", to: "/lab" }, { label: d.initial.title, to: `/lab/campagnes/${d.id}` }]} current="Modifier" />
      <h1>Modifier la campagne</h1>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-9">
          <CampaignForm a={a} initial={d.initial} organizations={d.organizations} locked={d.locked} submitLabel="Enregistrer" />
        </div>
      </div>
    </Page>
  );
}
