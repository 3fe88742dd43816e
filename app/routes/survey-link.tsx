import { data, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/survey-link";
import { formError, parseForm } from "~/kernel/forms";
import { PageTitle } from "~/kernel/ui/forms";
import { SuccessNotice } from "~/kernel/ui/page";
import { frenchSpaces } from "~/kernel/format";
import { parseCookies, serializeCookie } from "~/kernel/auth/sessions";
import { getSession } from "~/kernel/http/context";
import { browserCookieName, isBrowserToken, linkAnswerPage, linkAnswerStep, newBrowserToken, surveyIdOfLink, type AnswerState } from "~/surveys";
import { answerEnvelopeSchema, rawFromForm } from "~/surveys/schemas";
import { AnswerForm } from "~/surveys/ui";
import { Page } from "~/web/layout";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

const YEAR = 365 * 24 * 3600;

/**
 * The browser's random token for this questionnaire (a cookie tied to no account): read, or made
 * and sent back. Only its hash is stored, in a table that names no answer.
 */
async function browserToken(context: Route.LoaderArgs["context"], request: Request, token: string): Promise<string | undefined> {
  const surveyId = await surveyIdOfLink(token);
  if (!surveyId) return undefined;
  const name = browserCookieName(surveyId);
  const current = parseCookies(request.headers.get("cookie"))[name];
  if (isBrowserToken(current)) return current;
  const fresh = newBrowserToken();
  getSession(context).setCookies.push(serializeCookie(name, fresh, { maxAge: YEAR }));
  return fresh;
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const browser = await browserToken(context, request, params.token);
  const page = await linkAnswerPage(params.token, browser).catch(loaderFailure);
  return { page, thanks: new URL(request.url).searchParams.get("fait") === "merci" };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const fd = await readForm(request);
  try {
    const browser = await browserToken(context, request, params.token);
    await linkAnswerPage(params.token, browser);
    const p = parseForm(fd, answerEnvelopeSchema);
    if (!p.ok) return formError(fd, Object.values(p.errors)[0] ?? "Le formulaire est mal formé.");
    const r = await linkAnswerStep(params.token, browser!, p.data, rawFromForm(fd));
    if (r.done) return redirect(`/questionnaires/lien/${params.token}?fait=merci`);
    const failed = Object.keys(r.state.errors).length > 0;
    return data({ ok: !failed, state: r.state }, { status: failed ? 400 : 200 });
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function AnswerByLink() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<{ ok: boolean; state?: AnswerState; formError?: string }>();
  if ("answered" in d.page) {
    return (
      <Page>
        <PageTitle title={d.page.title} />
        <h1>{d.page.title}</h1>
        {d.thanks ? <SuccessNotice message="Merci, votre réponse anonyme est enregistrée." /> : <p>Vous avez déjà répondu à ce questionnaire depuis ce navigateur. Merci{"\u00a0"}!</p>}
      </Page>
    );
  }
  const state = a?.state ?? d.page;
  return (
    <Page>
      <PageTitle title={state.survey.title} error={!!a && (!a.ok || !!a.formError)} />
      <h1>{state.survey.title}</h1>
      {state.survey.description && <p>{frenchSpaces(state.survey.description)}</p>}
      <div className="fr-callout fr-mb-4w">
        <p className="fr-callout__text fr-text--sm">
          Questionnaire anonyme, ouvert {state.survey.window}{"\u00a0"}: ni compte ni adresse IP ne sont gardés avec vos réponses, seulement le jour. Un témoin tiré au hasard, sans lien avec vous ni avec vos réponses, évite de répondre deux fois depuis ce navigateur.
        </p>
      </div>
      <AnswerForm key={state.section} state={state} formError={a?.formError} />
    </Page>
  );
}
