import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/idea-new";
import { once } from "~/kernel/db/once";
import { getCampaign } from "~/campaigns/campaigns";
import { notFound } from "~/kernel/permissions";
import { runtime } from "~/kernel/runtime";
import { formValues, invalid, parseForm } from "~/kernel/forms";
import { PageTitle } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { createIdeaFor, requireCanSubmit, submissionBlocker, similarIdeasFor } from "~/ideas/service";
import { ideaFormSchema, similarFormSchema } from "~/ideas/schemas";
import { IdeaForm, type IdeaFormResult } from "~/ideas/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const c = await getCampaign(params.campaignId);
  if (!c || c.state === "draft") notFound("Cette campagne n’existe pas.");
  return { campaign: { id: c.id, title: c.title }, blocker: await submissionBlocker(c, s), maxMb: Math.round(runtime().config.uploadMaxBytes / 1024 / 1024) };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  await requireCanSubmit(s, params.campaignId).catch(loaderFailure);
  if (fd.get("intent") === "similar") {
    // « Vérifier les idées proches »: nothing is saved, the form comes back as typed with the list
    const p = parseForm(fd, similarFormSchema);
    if (!p.ok) return invalid(p);
    return { ok: true, values: formValues(fd), similar: await similarIdeasFor(s, p.data, undefined) ?? [] };
  }
  const parsed = parseForm(fd, ideaFormSchema);
  if (!parsed.ok) return invalid(parsed);
  try {
    // once per rendered form: a resent submission gets the first idea, never a duplicate
    const location = await once(s.userId, fd, `idea-new:${params.campaignId}`, async () => {
      const idea = await createIdeaFor(s, params.campaignId, parsed.data, fd.getAll("attachments"));
      return `/idees/${idea.id}?${parsed.data.submit ? "deposee=1" : "brouillon=1"}`;
    });
    return redirect(location);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function NewIdea() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<IdeaFormResult>();
  return (
    <Page>
      <PageTitle title={`Déposer une idée – ${d.campaign.title}`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Campagnes", to: "/campagnes" }, { label: d.campaign.title, to: `/campagnes/${d.campaign.id}` }]} current="Déposer une idée" />
      <h1>Déposer une idée</h1>
      {d.blocker ? (
        <div className="fr-alert fr-alert--info">
          <p>{d.blocker}</p>
        </div>
      ) : (
        <div className="fr-grid-row">
          <div className="fr-col-12 fr-col-lg-8">
            <p>Pour déposer, renseignez le titre, le problème, la proposition et les bénéficiaires{"\u202f"}; un brouillon n’a besoin que d’un titre.</p>
            <IdeaForm a={a} maxMb={d.maxMb} isDraft />
          </div>
        </div>
      )}
    </Page>
  );
}
