import { Form, Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-survey-results";
import { formError, invalid, parseForm } from "~/kernel/forms";
import { AppForm, ErrorSummary, PageTitle, SelectField, SubmitButton, type ActionResult } from "~/kernel/ui/forms";
import { SuccessNotice } from "~/kernel/ui/page";
import { formatNumber, frenchSpaces, plural } from "~/kernel/format";
import { resultsPage, startThemes } from "~/surveys";
import { formOf, resultsForms, resultsQuerySchema } from "~/surveys/schemas";
import { SimpleTable, SurveyCrumbs } from "~/surveys/ui";
import { BarChart } from "~/kernel/ui/charts";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const url = new URL(request.url);
  const query = resultsQuerySchema.parse(Object.fromEntries(url.searchParams));
  const page = await resultsPage(viewer, params.labSlug, params.surveyId, query).catch(loaderFailure);
  return { ...page, message: url.searchParams.get("fait") === "themes" ? "La recherche de thèmes est lancée : son avancement s’affiche ici (rechargez la page)." : null };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await resultsPage(viewer, params.labSlug, params.surveyId, { question: null, par: null });
    const schema = formOf(resultsForms, fd.get("intent"));
    if (!schema) return formError(fd, "Action inconnue.");
    const p = parseForm(fd, schema);
    if (!p.ok) return invalid(p);
    await startThemes(viewer, params.labSlug, params.surveyId, p.data.questionId);
    return redirect(`/lab/${params.labSlug}/questionnaires/${params.surveyId}/resultats?fait=themes#question-${p.data.questionId}`);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function SurveyResults() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const base = `/lab/${d.lab.slug}/questionnaires/${d.survey.id}`;
  return (
    <Page>
      <PageTitle title={`Résultats – ${d.survey.title}`} error={!!a && !a.ok} />
      <SurveyCrumbs steps={[{ to: "/lab", label: "Espace lab" }, { to: `/lab/${d.lab.slug}/questionnaires`, label: "Questionnaires" }, { to: base, label: d.survey.title }, { label: "Résultats" }]} />
      <h1>Résultats{"\u00a0"}: {d.survey.title}</h1>
      <SuccessNotice message={d.message} />
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <p>
        <strong data-total>{plural(d.total, "réponse", "réponses")}</strong> · {d.survey.status} · {d.survey.window}. Les pourcentages se lisent par réponse proposée, sur les personnes qui ont répondu à la question (une personne peut en choisir plusieurs).
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
        <li>
          <a className="fr-btn fr-btn--secondary" href={`${base}/export/reponses.csv`} download>
            Exporter les réponses (CSV)
          </a>
        </li>
        <li>
          <a className="fr-btn fr-btn--secondary" href={`${base}/export/reponses.xlsx`} download>
            Exporter les réponses (XLSX)
          </a>
        </li>
      </ul>
      {!d.enough ? (
        <p className="fr-callout">Moins de {d.minGroup}{"\u00a0"}réponses{"\u00a0"}: les résultats s’afficheront à partir de {d.minGroup}, pour que personne ne soit reconnu.</p>
      ) : (
        <>
          <h2 id="croisement">Croiser les réponses</h2>
          <Form method="get" className="fr-mb-4w">
            <SelectField name="question" label="Question" placeholder="Choisir une question" options={d.crossOptions.targets} defaultValue={d.crossOptions.question} />
            <SelectField name="par" label="Selon" placeholder="Choisir" options={d.crossOptions.by} defaultValue={d.crossOptions.par} />
            <button type="submit" className="fr-btn fr-btn--secondary">
              Croiser
            </button>
          </Form>
          {d.cross && (
            <section className="fr-mb-6w" aria-labelledby="cross-title" data-cross>
              <h3 id="cross-title" className="fr-h5">
                {d.cross.caption}
              </h3>
              <p className="fr-text--sm">
                Aucun groupe de moins de {d.minGroup}{"\u00a0"}personnes n’est montré{"\u00a0"}: sa case indique «{"\u00a0"}moins de 5{"\u00a0"}».
                {d.cross.hiddenGroups > 0 && <> {plural(d.cross.hiddenGroups, "groupe est masqué", "groupes sont masqués")}.</>}
              </p>
              <SimpleTable caption={d.cross.caption} columns={["Réponse", ...d.cross.columns.map((c) => c.label)]} rows={[["Personnes du groupe", ...d.cross.columns.map((c) => c.total)], ...d.cross.rows.map((r) => [r.label, ...r.cells])]} />
            </section>
          )}
          <h2>Question par question</h2>
          {d.results.map((r, i) => (
            <section key={r.id} id={`question-${r.id}`} className="fr-mb-6w" aria-labelledby={`q-title-${r.id}`}>
              <h3 id={`q-title-${r.id}`} className="fr-h5">
                {i + 1}. {frenchSpaces(r.label)}
              </h3>
              <p className="fr-text--sm">
                {plural(r.answered, "personne a répondu", "personnes ont répondu")}
                {r.mean && <> · moyenne {r.mean}</>}
              </p>
              {r.options.length > 0 && (
                <>
                  <BarChart unit="personnes" bars={r.options.map((o) => ({ label: o.label, value: o.count }))} />
                  <SimpleTable caption={`Réponses à «\u00a0${r.label}\u00a0»`} columns={["Réponse", "Personnes", "Part"]} rows={r.options.map((o) => [o.label, o.count, o.percent])} />
                </>
              )}
              {r.ranking.length > 0 && <SimpleTable caption={`Classement\u00a0: ${r.label}`} columns={["Réponse", "Rang moyen", "Classée première"]} rows={r.ranking.map((o) => [o.label, o.meanRank, o.first])} />}
              {r.matrix.length > 0 && <SimpleTable caption={r.label} columns={["Ligne", ...r.columns]} rows={r.matrix.map((m) => [m.row, ...m.cells])} />}
              {r.text && (
                <div data-themes={r.id}>
                  {r.run && (
                    <p className="fr-text--sm" data-run-status={r.run.status}>
                      Recherche de thèmes {r.run.statusLabel}
                      {r.run.status === "running" && (
                        <>
                          {" "}({r.run.stage}, {formatNumber(r.run.percent)}{"\u00a0"}%) <Link to={`?#question-${r.id}`}>actualiser</Link>
                        </>
                      )}
                      {r.run.status === "done" && <> le {r.run.finishedOn}, sur {plural(r.run.answers, "réponse", "réponses")}</>}
                      {r.run.error && <> — {r.run.error}</>}
                    </p>
                  )}
                  {r.themes.length > 0 && (
                    <ol>
                      {r.themes.map((t, k) => (
                        <li key={k} className="fr-mb-2w">
                          <strong>{t.label}</strong> ({plural(t.size, "réponse", "réponses")})
                          <ul className="fr-text--sm">
                            {t.representatives.map((text, j) => (
                              <li key={j}>
                                <q>{text}</q>
                              </li>
                            ))}
                          </ul>
                        </li>
                      ))}
                    </ol>
                  )}
                  {r.run?.status !== "queued" && r.run?.status !== "running" && (
                    <AppForm>
                      <input type="hidden" name="intent" value="themes" />
                      <input type="hidden" name="questionId" value={r.id} />
                      <SubmitButton secondary>{r.themes.length ? "Relancer la recherche de thèmes" : "Chercher les thèmes des réponses"}</SubmitButton>
                    </AppForm>
                  )}
                </div>
              )}
            </section>
          ))}
        </>
      )}
    </Page>
  );
}
