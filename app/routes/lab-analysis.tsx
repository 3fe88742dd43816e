import { Link, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/lab-analysis";
import { formError, invalid, parseForm, uuidField } from "~/kernel/forms";
import { formatDateTime, formatNumber, frenchSpaces, plural } from "~/kernel/format";
import { AppForm, ErrorSummary, Field, PageTitle, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb, SuccessNotice } from "~/kernel/ui/page";
import { useLiveRevalidation } from "~/kernel/ui/live";
import { analysisPage, authorizeAnalysis, cancelRun, publishAnalysis, rerun, validateTheme } from "~/themes";
import { rerunSchema } from "~/themes/schemas";
import { RunProgress } from "~/themes/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  return analysisPage(s, params.analysisId).catch(loaderFailure);
}

const validateSchema = z.object({ intent: z.enum(["validate", "unvalidate"]), themeId: uuidField("Thème") });

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    // Authorization before anything is read from the form.
    await authorizeAnalysis(s, params.analysisId);
    const intent = fd.get("intent");
    if (intent === "rerun") {
      const p = parseForm(fd, rerunSchema);
      if (!p.ok) return invalid(p);
      await rerun(s, params.analysisId, p.data.k);
      return { ok: true, message: "L’analyse est relancée." };
    }
    if (intent === "cancel") {
      const done = await cancelRun(s, params.analysisId);
      return { ok: true, message: done ? "L’analyse est annulée." : "Aucune analyse n’était en cours." };
    }
    if (intent === "publish" || intent === "unpublish") {
      await publishAnalysis(s, params.analysisId, intent === "publish");
      return { ok: true, message: intent === "publish" ? "Les thèmes sont publiés\u00a0: chaque auteur voit la problématique de son idée." : "La publication est retirée." };
    }
    if (intent === "validate" || intent === "unvalidate") {
      const p = parseForm(fd, validateSchema);
      if (!p.ok) return invalid(p);
      await validateTheme(s, p.data.themeId, intent === "validate");
      return { ok: true, message: intent === "validate" ? "Le thème est validé\u00a0: les prochaines analyses le garderont." : "La validation est retirée." };
    }
    return formError(fd, "Action inconnue.");
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function LabAnalysis() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  useLiveRevalidation(1000, !!d.active);
  const best = d.quality.length ? Math.max(...d.quality.map((q) => q.score)) : 0;
  return (
    <Page>
      <PageTitle title={`${d.analysis.title} – Problématiques`} error={!!a && !a.ok} />
      <Breadcrumb
        items={[{ label: "Espace lab", to: "/lab" }, ...(d.lab ? [{ label: "Problématiques", to: `/lab/${d.lab.slug}/problematiques` }] : [])]}
        current={d.analysis.title}
      />
      <h1>{d.analysis.title}</h1>
      <p>
        {d.analysis.scope} de {d.analysis.campaigns.join(", ")} · {plural(d.total, "idée analysée", "idées analysées")} ·{" "}
        {d.analysis.publishedAt ? `publiée le ${formatDateTime(d.analysis.publishedAt)}` : "non publiée"}
      </p>
      <SuccessNotice message={a?.ok ? a.message : null} />
      <ErrorSummary errors={a?.errors} formError={a?.formError} />

      {d.active ? (
        <section className="fr-callout fr-mb-4w" aria-labelledby="run-title">
          <h2 id="run-title" className="fr-callout__title">
            {d.active.kind === "split" ? "Scission en cours" : "Analyse en cours"}
          </h2>
          <RunProgress stage={d.active.stage} percent={d.active.percent} status={d.active.status} cancelRequested={d.active.cancelRequested} />
          <p className="fr-text--sm">Vous pouvez quitter cette page&nbsp;: l’analyse continue et son avancement s’affiche à votre retour.</p>
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Link className="fr-btn fr-btn--tertiary" to={`/lab/analyses/${d.analysis.id}`}>
                Actualiser l’avancement
              </Link>
            </li>
            <li>
              <AppForm>
                <input type="hidden" name="intent" value="cancel" />
                <SubmitButton secondary>Annuler l’analyse</SubmitButton>
              </AppForm>
            </li>
          </ul>
        </section>
      ) : (
        d.runs[0]?.status === "failed" && (
          <div className="fr-alert fr-alert--error fr-mb-4w">
            <h2 className="fr-alert__title">La dernière exécution a échoué</h2>
            <p>{frenchSpaces(d.runs[0].error ?? "")}</p>
          </div>
        )
      )}

      <h2>Thèmes proposés</h2>
      {d.themes.length === 0 ? (
        <p>{d.active ? "Les thèmes s’afficheront à la fin de l’analyse." : "Aucun thème pour l’instant."}</p>
      ) : (
        <>
          <p>
            {plural(d.themes.length, "thème", "thèmes")} · {plural(d.unclassified.count, "idée", "idées")} à classer.{" "}
            <Link to={`/problematiques/${d.analysis.id}`}>Voir la carte des idées</Link>
          </p>
          <ul className="germoir-card-list">
            {d.themes.map((t) => (
              <li key={t.id}>
                <section className="fr-card fr-card--no-arrow" aria-labelledby={`theme-${t.id}`}>
                  <div className="fr-card__body">
                    <div className="fr-card__content">
                      <h3 className="fr-card__title" id={`theme-${t.id}`}>
                        <Link to={`/lab/analyses/${d.analysis.id}/themes/${t.id}`}>{t.label}</Link>
                      </h3>
                      <p className="fr-card__desc">
                        {plural(t.size, "idée", "idées")} · mots clés&nbsp;: {t.terms.slice(0, 6).join(", ")}
                      </p>
                      {t.representatives.length > 0 && (
                        <>
                          <p className="fr-text--sm fr-mb-1v">Idées les plus représentatives&nbsp;:</p>
                          <ul className="fr-text--sm">
                            {t.representatives.map((r) => (
                              <li key={r.id}>
                                <Link to={`/idees/${r.id}`}>{frenchSpaces(r.title)}</Link> ({r.author})
                              </li>
                            ))}
                          </ul>
                        </>
                      )}
                      <div className="fr-card__start">
                        {t.validated ? <p className="fr-badge fr-badge--success fr-badge--sm">Validé</p> : <p className="fr-badge fr-badge--sm">Proposé</p>}
                      </div>
                    </div>
                    <div className="fr-card__footer">
                      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
                        <li>
                          <Link className="fr-btn fr-btn--secondary fr-btn--sm" to={`/lab/analyses/${d.analysis.id}/themes/${t.id}`}>
                            Organiser<span className="fr-sr-only"> le thème {t.label}</span>
                          </Link>
                        </li>
                        {/* no validation while a run is under way: its result would replace the theme */}
                        {!d.active && (
                          <li>
                            <AppForm>
                              <input type="hidden" name="themeId" value={t.id} />
                              <button type="submit" name="intent" value={t.validated ? "unvalidate" : "validate"} className="fr-btn fr-btn--tertiary fr-btn--sm">
                                {t.validated ? "Retirer la validation" : "Valider"}
                                <span className="fr-sr-only"> le thème {t.label}</span>
                              </button>
                            </AppForm>
                          </li>
                        )}
                      </ul>
                    </div>
                  </div>
                </section>
              </li>
            ))}
          </ul>
          <section className="fr-mb-4w" aria-labelledby="unclassified-title">
            <h3 id="unclassified-title">À classer ({formatNumber(d.unclassified.count)})</h3>
            {d.unclassified.count === 0 ? (
              <p>Toutes les idées ont trouvé un thème.</p>
            ) : (
              <>
                <ul>
                  {d.unclassified.sample.map((u) => (
                    <li key={u.id}>
                      <Link to={`/idees/${u.id}`}>{frenchSpaces(u.title ?? "")}</Link> ({u.author}) – {u.reason}
                    </li>
                  ))}
                </ul>
                <Link to={`/lab/analyses/${d.analysis.id}/themes/a-classer`}>Classer ces idées</Link>
              </>
            )}
          </section>
        </>
      )}

      {d.quality.length > 0 && (
        <section className="fr-mb-4w" aria-labelledby="quality-title">
          <h2 id="quality-title">{`Pourquoi ${d.chosenK}\u00a0thèmes\u00a0?`}</h2>
          <p>
            {d.quality.some((q) => q.silhouette !== undefined)
              ? "Pour chaque nombre de thèmes possible (d’environ √n\u00a0/\u00a05 à √n pour n idées, 30 au plus), Germoir regroupe les idées plusieurs fois en partant de points différents. Il mesure si les thèmes séparent bien les idées (silhouette, de −1 à 1\u00a0: chaque idée est-elle plus proche de son thème que du thème voisin\u00a0?) et si les regroupements se ressemblent d’un départ à l’autre (reproductibilité, de 0 à 1). Parmi les nombres dont la silhouette est à moins de 5\u00a0% de la meilleure, il retient le plus reproductible."
              : "Pour chaque nombre de thèmes possible, Germoir regroupe les idées plusieurs fois en partant de points différents et mesure si les regroupements se ressemblent (reproductibilité, de 0 à 1). Il retient le plus grand nombre de thèmes dont la reproductibilité reste à moins d’une erreur-type de la meilleure."}
          </p>
          <div className="fr-table">
            <table>
              <caption>Qualité par nombre de thèmes</caption>
              <thead>
                <tr>
                  <th scope="col">Nombre de thèmes</th>
                  <th scope="col">Silhouette</th>
                  <th scope="col">Reproductibilité</th>
                  <th scope="col">Erreur-type</th>
                  <th scope="col">Cohésion moyenne</th>
                  <th scope="col">Plus petit thème</th>
                </tr>
              </thead>
              <tbody>
                {d.quality.map((q) => (
                  <tr key={q.k}>
                    <th scope="row">
                      {q.k}
                      {q.k === d.chosenK ? " (retenu)" : q.score === best ? " (le plus reproductible)" : ""}
                    </th>
                    <td>{q.silhouette === undefined ? "–" : formatNumber(q.silhouette, 3)}</td>
                    <td>{formatNumber(q.score, 3)}</td>
                    <td>{formatNumber(q.error, 3)}</td>
                    <td>{formatNumber(q.cohesion, 3)}</td>
                    <td>{plural(q.smallest, "idée", "idées")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {!d.active && (
        <section className="fr-mb-4w" aria-labelledby="rerun-title">
          <h2 id="rerun-title">Relancer l’analyse</h2>
          <p>Les thèmes validés et les idées déplacées à la main restent comme vous les avez laissés{"\u202f"}; les autres thèmes sont recalculés.</p>
          <AppForm>
            <input type="hidden" name="intent" value="rerun" />
            <Field
              name="k"
              label="Nombre de nouveaux thèmes"
              hint="Laissez vide pour que Germoir le choisisse, ou un nombre entre 2 et 30."
              inputMode="numeric"
              error={a?.errors?.k}
              defaultValue={valueOf(a?.values, "k", d.analysis.k ? String(d.analysis.k) : "")}
            />
            <SubmitButton secondary>Relancer l’analyse</SubmitButton>
          </AppForm>
        </section>
      )}

      {d.themes.length > 0 && !d.active && (
        <section className="fr-mb-4w" aria-labelledby="publish-title">
          <h2 id="publish-title">Publication</h2>
          <p>
            Une fois publiés, les thèmes apparaissent sur la page de chaque idée et dans «&nbsp;Mes idées&nbsp;» de leurs auteurs, avec les autres idées du même
            thème.
          </p>
          <AppForm>
            <input type="hidden" name="intent" value={d.analysis.publishedAt ? "unpublish" : "publish"} />
            <SubmitButton secondary={!!d.analysis.publishedAt}>{d.analysis.publishedAt ? "Retirer la publication" : "Publier les thèmes"}</SubmitButton>
          </AppForm>
        </section>
      )}

      <section className="fr-mb-4w" aria-labelledby="log-title">
        <h2 id="log-title">Journal</h2>
        {d.log.length === 0 ? (
          <p>Aucune action pour l’instant.</p>
        ) : (
          <ol className="germoir-timeline">
            {d.log.map((e) => (
              <li key={e.id}>
                <p className="fr-text--sm fr-mb-0">{formatDateTime(e.at)}</p>
                <p className="fr-mb-0">
                  {e.who} {frenchSpaces(e.what)}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <div className="fr-table">
        <table>
          <caption>Exécutions</caption>
          <thead>
            <tr>
              <th scope="col">Demandée le</th>
              <th scope="col">Par</th>
              <th scope="col">Type</th>
              <th scope="col">État</th>
              <th scope="col">Idées</th>
              <th scope="col">Durée</th>
            </tr>
          </thead>
          <tbody>
            {d.runs.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.createdAt)}</td>
                <td>{r.by}</td>
                <td>{r.kind === "split" ? "Scission" : "Analyse"}</td>
                <td>{r.statusLabel}</td>
                <td>{r.ideas ?? "—"}</td>
                <td>{r.seconds === null ? "—" : `${formatNumber(r.seconds, 1)}\u00a0s`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Page>
  );
}
