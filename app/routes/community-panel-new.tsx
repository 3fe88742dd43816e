import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/community-panel-new";
import { once } from "~/kernel/db/once";
import { invalid, parseForm } from "~/kernel/forms";
import { AppForm, ErrorSummary, Field, PageTitle, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { panelQuestionSchema } from "~/communities/schemas";
import { askPanel, panelCommunity } from "~/communities/service";
import { CommunityCrumbs } from "~/communities/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  return { community: await panelCommunity(s, params.communityId).catch(loaderFailure) };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await panelCommunity(s, params.communityId);
    const p = parseForm(fd, panelQuestionSchema);
    if (!p.ok) return invalid(p);
    const data = p.data;
    const location = await once(s.userId, fd, `panel-new:${params.communityId}`, async () => {
      const q = await askPanel(s, params.communityId, data);
      return `/communautes/${params.communityId}/panel/${q.id}?posee=1`;
    });
    return redirect(location);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function NewPanelQuestion() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const v = (k: string) => valueOf(a?.values, k);
  return (
    <Page>
      <PageTitle title={`Question au panel – ${d.community.name}`} error={!!a && !a.ok} />
      <CommunityCrumbs steps={[{ to: `/communautes/${d.community.id}`, label: d.community.name }, { label: "Question au panel" }]} />
      <h1>Poser une question au panel</h1>
      <p>
        Les membres de la communauté {d.community.name} sont prévenus dans l’application et répondent chacun une fois (ils peuvent modifier leur réponse jusqu’à la clôture). Vous lisez toutes les réponses et pouvez les exporter.
      </p>
      <AppForm>
        <ErrorSummary errors={a?.errors} formError={a?.formError} />
        <Field name="question" label="Question" hint={"Par exemple\u00a0: quels produits d’entretien vous manquent le plus au quotidien\u00a0?"} textarea rows={4} error={a?.errors?.question} defaultValue={v("question")} />
        <Field name="closesAt" label="Date de clôture (facultative)" hint="Les réponses sont reçues jusqu’à la fin de ce jour. Sans date, la question reste ouverte." type="date" error={a?.errors?.closesAt} defaultValue={v("closesAt")} />
        <SubmitButton>Envoyer la question</SubmitButton>
      </AppForm>
    </Page>
  );
}
