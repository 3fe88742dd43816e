import { data, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/survey";
import { formError, parseForm } from "~/kernel/forms";
import { PageTitle } from "~/kernel/ui/forms";
import { SuccessNotice } from "~/kernel/ui/page";
import { frenchSpaces } from "~/kernel/format";
import { agentAnswerPage, agentAnswerStep, type AnswerState } from "~/surveys";
import { answerEnvelopeSchema, rawFromForm } from "~/surveys/schemas";
import { AnswerForm, SurveyCrumbs } from "~/surveys/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const state = await agentAnswerPage(viewer, params.surveyId).catch(loaderFailure);
  return { state, thanks: new URL(request.url).searchParams.get("fait") === "merci" };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await agentAnswerPage(viewer, params.surveyId);
    const p = parseForm(fd, answerEnvelopeSchema);
    if (!p.ok) return formError(fd, Object.values(p.errors)[0] ?? "Le formulaire est mal formé.");
    const r = await agentAnswerStep(viewer, params.surveyId, p.data, rawFromForm(fd));
    if (r.done) return redirect(`/questionnaires/${params.surveyId}?fait=merci`);
    const failed = Object.keys(r.state.errors).length > 0;
    return data({ ok: !failed, state: r.state }, { status: failed ? 400 : 200 });
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function AnswerSurvey() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<{ ok: boolean; state?: AnswerState; formError?: string }>();
  const state = a?.state ?? d.state;
  const failed = !!a && (!a.ok || !!a.formError);
  return (
    <Page>
      <PageTitle title={state.survey.title} error={failed} />
      <SurveyCrumbs steps={[{ to: "/questionnaires", label: "Mes questionnaires" }, { label: state.survey.title }]} />
      <h1>{state.survey.title}</h1>
      {d.thanks && !a ? (
        <SuccessNotice message="Merci, votre réponse est enregistrée. Vous pouvez la modifier ci-dessous jusqu’à la clôture du questionnaire." />
      ) : (
        state.survey.description && <p>{frenchSpaces(state.survey.description)}</p>
      )}
      <p className="fr-text--sm">Ouvert {state.survey.window}. Votre organisation est gardée avec vos réponses pour les résultats par organisation, qui ne montrent jamais un groupe de moins de 5 personnes.</p>
      <AnswerForm key={state.section} state={state} formError={a?.formError} />
    </Page>
  );
}
