import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-theme";
import { formError, invalid, parseForm } from "~/kernel/forms";
import { formatNumber, frenchSpaces, plural } from "~/kernel/format";
import { AppForm, ErrorSummary, Field, PageTitle, SelectField, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb, SuccessNotice } from "~/kernel/ui/page";
import { authorizeAnalysis, mergeThemes, moveIdea, renameTheme, splitTheme, themePage, validateTheme } from "~/themes";
import { mergeSchema, moveSchema, renameSchema, themeIntentSchema } from "~/themes/schemas";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  return themePage(s, params.analysisId, params.themeKey).catch(loaderFailure);
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  const back = `/lab/analyses/${params.analysisId}`;
  try {
    await authorizeAnalysis(s, params.analysisId);
    switch (fd.get("intent")) {
      case "rename": {
        const p = parseForm(fd, renameSchema);
        if (!p.ok) return invalid(p);
        await renameTheme(s, p.data.themeId, p.data.label);
        return { ok: true, message: "Le thème est renommé." };
      }
      case "merge": {
        const p = parseForm(fd, mergeSchema);
        if (!p.ok) return invalid(p);
        await mergeThemes(s, p.data.themeId, p.data.otherId);
        return { ok: true, message: "Les deux thèmes sont fusionnés." };
      }
      case "move": {
        const p = parseForm(fd, moveSchema);
        if (!p.ok) return invalid(p);
        await moveIdea(s, params.analysisId, p.data.ideaId, p.data.target);
        return { ok: true, message: "L’idée est déplacée\u202f; les prochaines analyses la laisseront là." };
      }
      case "validate":
      case "unvalidate":
      case "split": {
        const p = parseForm(fd, themeIntentSchema);
        if (!p.ok) return invalid(p);
        if (p.data.intent === "split") {
          await splitTheme(s, p.data.themeId);
          return redirect(back);
        }
        await validateTheme(s, p.data.themeId, p.data.intent === "validate");
        return { ok: true, message: p.data.intent === "validate" ? "Le thème est validé." : "La validation est retirée." };
      }
      default:
        return formError(fd, "Action inconnue.");
    }
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function LabTheme() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const title = d.theme ? d.theme.label : "À classer";
  const targets = [...(d.theme ? [{ value: "a-classer", label: "À classer" }] : []), ...d.others.map((o) => ({ value: o.id, label: o.label }))];
  return (
    <Page>
      <PageTitle title={`${title} – ${d.analysis.title}`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Espace lab", to: "/lab" }, { label: d.analysis.title, to: `/lab/analyses/${d.analysis.id}` }]} current={title} />
      <h1>
        {title}
        {d.theme?.validated && <span className="fr-badge fr-badge--success fr-ml-2w">Validé</span>}
      </h1>
      {d.theme && <p>Mots clés&nbsp;: {d.theme.terms.join(", ")}</p>}
      <SuccessNotice message={a?.ok ? a.message : null} />
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      {d.running && (
        <div className="fr-alert fr-alert--info fr-mb-4w">
          <p>
            Une analyse est en cours&nbsp;: attendez sa fin pour organiser les thèmes. <Link to={`/lab/analyses/${d.analysis.id}`}>Suivre son avancement</Link>
          </p>
        </div>
      )}

      {d.theme && (
        <div className="fr-grid-row fr-grid-row--gutters fr-mb-4w">
          <div className="fr-col-12 fr-col-md-6">
            <h2 className="fr-h4">Renommer</h2>
            <AppForm>
              <input type="hidden" name="intent" value="rename" />
              <input type="hidden" name="themeId" value={d.theme.id} />
              <Field name="label" label="Nouveau nom" error={a?.errors?.label} defaultValue={valueOf(a?.values, "label", d.theme.label)} maxLength={120} />
              <SubmitButton secondary>Renommer</SubmitButton>
            </AppForm>
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <h2 className="fr-h4">Fusionner</h2>
            {d.others.length === 0 ? (
              <p>Il n’y a pas d’autre thème.</p>
            ) : (
              <AppForm>
                <input type="hidden" name="intent" value="merge" />
                <input type="hidden" name="themeId" value={d.theme.id} />
                <SelectField
                  name="otherId"
                  label="Thème à fusionner dans celui-ci"
                  hint="Ses idées rejoignent ce thème, qui garde son nom."
                  options={d.others.map((o) => ({ value: o.id, label: o.label }))}
                  placeholder="Choisir un thème"
                  error={a?.errors?.otherId}
                />
                <SubmitButton secondary>Fusionner</SubmitButton>
              </AppForm>
            )}
          </div>
          <div className="fr-col-12">
            <ul className="fr-btns-group fr-btns-group--inline-md">
              <li>
                <AppForm>
                  <input type="hidden" name="themeId" value={d.theme.id} />
                  <button type="submit" name="intent" value={d.theme.validated ? "unvalidate" : "validate"} className="fr-btn">
                    {d.theme.validated ? "Retirer la validation" : "Valider ce thème"}
                  </button>
                </AppForm>
              </li>
              <li>
                <AppForm>
                  <input type="hidden" name="themeId" value={d.theme.id} />
                  <button type="submit" name="intent" value="split" className="fr-btn fr-btn--secondary" disabled={d.ideas.length < 4}>
                    Scinder (réanalyser ses idées seules)
                  </button>
                </AppForm>
              </li>
            </ul>
          </div>
        </div>
      )}

      <h2>{plural(d.ideas.length, "idée", "idées")}</h2>
      {d.ideas.length === 0 ? (
        <p>Aucune idée ici.</p>
      ) : (
        <ul className="germoir-card-list">
          {d.ideas.map((i) => (
            <li key={i.id}>
              <div className="fr-card fr-card--no-arrow fr-card--sm">
                <div className="fr-card__body">
                  <div className="fr-card__content">
                    <h3 className="fr-card__title">
                      <Link to={`/idees/${i.id}`}>{frenchSpaces(i.title)}</Link>
                    </h3>
                    <p className="fr-card__desc">{frenchSpaces(i.excerpt)}</p>
                    <p className="fr-card__detail">
                      {i.author}
                      {i.similarity !== null && ` · proximité ${formatNumber(Math.max(0, i.similarity) * 100)}\u00a0%`}
                      {i.moved && " · placée à la main"}
                      {i.reason && ` · ${i.reason}`}
                    </p>
                  </div>
                  {targets.length > 0 && (
                    <div className="fr-card__footer">
                      <AppForm className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
                        <input type="hidden" name="intent" value="move" />
                        <input type="hidden" name="ideaId" value={i.id} />
                        <div className="fr-col-12 fr-col-md-8">
                          <label className="fr-label" htmlFor={`target-${i.id}`}>
                            Déplacer «&nbsp;{frenchSpaces(i.title)}&nbsp;» vers
                          </label>
                          <select className="fr-select" id={`target-${i.id}`} name="target" defaultValue="">
                            <option value="" disabled>
                              Choisir un thème
                            </option>
                            {targets.map((t) => (
                              <option key={t.value} value={t.value}>
                                {t.label}
                              </option>
                            ))}
                          </select>
                        </div>
                        <div className="fr-col-12 fr-col-md-4">
                          <SubmitButton secondary>
                            Déplacer<span className="fr-sr-only"> cette idée</span>
                          </SubmitButton>
                        </div>
                      </AppForm>
                    </div>
                  )}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
