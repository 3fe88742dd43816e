import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/community-panel";
import { invalid, parseForm } from "~/kernel/forms";
import { formatDate, formatDateTime, frenchSpaces, plural } from "~/kernel/format";
import { AppForm, ErrorSummary, Field, PageTitle, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { panelAnswerSchema } from "~/communities/schemas";
import { answerPanel, panelQuestionPage } from "~/communities/service";
import { CommunityCrumbs } from "~/communities/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const page = await panelQuestionPage(s, params.communityId, params.questionId).catch(loaderFailure);
  const url = new URL(request.url);
  return { ...page, asked: url.searchParams.has("posee"), saved: url.searchParams.has("enregistree") };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await panelQuestionPage(s, params.communityId, params.questionId);
    const p = parseForm(fd, panelAnswerSchema);
    if (!p.ok) return invalid(p);
    await answerPanel(s, params.communityId, params.questionId, p.data.body);
    return redirect(`/communautes/${params.communityId}/panel/${params.questionId}?enregistree=1`);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function PanelQuestion() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const q = d.question;
  const lastDay = q.closesAt ? formatDate(new Date(new Date(q.closesAt).getTime() - 1)) : null;
  return (
    <Page>
      <PageTitle title={`Question au panel – ${d.community.name}`} error={!!a && !a.ok} />
      <CommunityCrumbs steps={[{ to: `/communautes/${d.community.id}`, label: d.community.name }, { label: "Question au panel" }]} />
      {(d.asked || d.saved) && (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <p>{d.asked ? "Votre question est envoyée aux membres de la communauté." : "Votre réponse est enregistrée."}</p>
        </div>
      )}
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <h1>Question au panel</h1>
      <blockquote className="fr-text--lead">{frenchSpaces(q.question)}</blockquote>
      <p className="fr-text--sm">
        Posée par {q.askedBy} le {formatDate(q.askedAt)} ·{" "}
        {q.open ? (lastDay ? `réponses attendues jusqu’au ${lastDay} inclus` : "ouverte, sans date de clôture") : `close depuis le ${lastDay ? formatDate(q.closesAt) : ""}`}
      </p>

      {d.access.member && (
        <section aria-labelledby="answer-title" className="fr-mb-6w">
          <h2 id="answer-title">Votre réponse</h2>
          {d.myAnswer && (
            <p className="fr-text--sm">
              Enregistrée le {formatDateTime(d.myAnswer.updatedAt)}
              {d.canAnswer ? "\u00a0; vous pouvez la modifier jusqu’à la clôture." : "."}
            </p>
          )}
          {d.canAnswer ? (
            <AppForm>
              <Field name="body" label={d.myAnswer ? "Modifier votre réponse" : "Votre réponse"} hint="Seules la direction qui pose la question et l’équipe du lab lisent les réponses." textarea rows={5} error={a?.errors?.body} defaultValue={valueOf(a?.values, "body", d.myAnswer?.body ?? "")} />
              <SubmitButton>{d.myAnswer ? "Modifier ma réponse" : "Envoyer ma réponse"}</SubmitButton>
            </AppForm>
          ) : d.myAnswer ? (
            <p style={{ whiteSpace: "pre-line" }}>{frenchSpaces(d.myAnswer.body)}</p>
          ) : (
            <p>Cette question est close&nbsp;: vous n’y avez pas répondu.</p>
          )}
        </section>
      )}

      {d.access.canReadAnswers && (
        <section aria-labelledby="answers-title">
          <h2 id="answers-title">
            Réponses&nbsp;: {d.answerCount} sur {plural(d.memberCount, "membre", "membres")}
          </h2>
          <p>
            <Link className="fr-link fr-icon-download-line fr-link--icon-left" to={`/communautes/${d.community.id}/panel/${q.id}/reponses.csv`} reloadDocument download>
              Exporter les réponses (CSV)
            </Link>
          </p>
          {d.answers.length === 0 ? (
            <p>Pas encore de réponse.</p>
          ) : (
            <ul>
              {d.answers.map((r) => (
                <li key={r.userId} className="fr-mb-2w">
                  <p className="fr-text--sm fr-mb-1v">
                    <strong>{r.name}</strong>
                    {r.job ? `, ${r.job}` : ""}
                    {r.site ? ` – ${r.site}` : ""} · le {formatDateTime(r.updatedAt)}
                  </p>
                  <p style={{ whiteSpace: "pre-line" }}>{frenchSpaces(r.body)}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </Page>
  );
}
