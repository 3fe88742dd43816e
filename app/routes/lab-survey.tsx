import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-survey";
import { formError, invalid, parseForm } from "~/kernel/forms";
import { once } from "~/kernel/db/once";
import { AppForm, CheckboxGroup, ErrorSummary, Field, PageTitle, RadioGroup, SelectField, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { SuccessNotice } from "~/kernel/ui/page";
import { plural } from "~/kernel/format";
import { surveyAction, surveyPage } from "~/surveys";
import { builderForms, formOf } from "~/surveys/schemas";
import { SurveyCrumbs } from "~/surveys/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

const done: Record<string, string> = {
  cree: "Le questionnaire est créé. Ajoutez ses sections, puis ses questions, et publiez-le.",
  version: "Une nouvelle version est créée, en brouillon : modifiez ses questions, puis publiez-la (la précédente sera close).",
  settings: "Les réglages sont enregistrés.",
  addSection: "La section est ajoutée.",
  deleteSection: "La section est supprimée, avec ses questions.",
  addQuestion: "La question est ajoutée.",
  deleteQuestion: "La question est supprimée.",
  publish: "Le questionnaire est publié.",
  close: "Le questionnaire est clos.",
};

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const page = await surveyPage(viewer, params.labSlug, params.surveyId).catch(loaderFailure);
  return { ...page, message: done[new URL(request.url).searchParams.get("fait") ?? ""] ?? null, origin: new URL(request.url).origin };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await surveyPage(viewer, params.labSlug, params.surveyId);
    const schema = formOf(builderForms, fd.get("intent"));
    if (!schema) return formError(fd, "Action inconnue.");
    const p = parseForm(fd, schema);
    if (!p.ok) return invalid(p);
    const input = p.data;
    const location = await once(viewer.userId, fd, `survey:${params.surveyId}:${input.intent}`, async () => {
      const r = await surveyAction(viewer, params.labSlug, params.surveyId, input);
      return r.redirectTo ?? `/lab/${params.labSlug}/questionnaires/${params.surveyId}?fait=${input.intent}`;
    });
    return redirect(location);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function LabSurvey() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult & { values?: Record<string, string | string[]> }>();
  const s = d.survey;
  const intent = valueOf(a?.values, "intent");
  const errorsFor = (i: string) => (intent === i ? a : undefined);
  const settings = errorsFor("settings");
  const val = (name: string, fallback: string) => valueOf(settings?.values, name, settings?.values ? "" : fallback);
  const q = errorsFor("addQuestion");
  const sec = errorsFor("addSection");
  const base = `/lab/${d.lab.slug}/questionnaires/${s.id}`;
  return (
    <Page>
      <PageTitle title={`${s.title} – questionnaire`} error={!!a && !a.ok} />
      <SurveyCrumbs steps={[{ to: "/lab", label: "Espace lab" }, { to: `/lab/${d.lab.slug}/questionnaires`, label: "Questionnaires" }, { label: s.title }]} />
      <h1>
        {s.title}
        {s.version > 1 && <span className="fr-text--lg"> (version {s.version})</span>}
      </h1>
      <SuccessNotice message={d.message} />
      {a && !a.ok && !["settings", "addQuestion", "addSection"].includes(intent) && <ErrorSummary errors={a.errors} formError={a.formError} />}
      <p>
        <span className="fr-badge fr-badge--no-icon">{s.statusLabel}</span> {s.audienceLabel}
        {s.organizations.length > 0 && <> ({s.organizations.join(", ")})</>}
        {s.audience === "agents" && <> ({plural(s.recipients, "agent", "agents")})</>} · {s.window} · {plural(s.responses, "réponse", "réponses")}
      </p>
      {s.link && (
        <p>
          Lien anonyme à diffuser{"\u00a0"}: <code data-survey-link>{`${d.origin}${s.link}`}</code>
        </p>
      )}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
        <li>
          <Link className="fr-btn fr-btn--secondary" to={`${base}/resultats`}>
            Résultats
          </Link>
        </li>
        {s.status !== "open" && (
          <li>
            <AppForm>
              <input type="hidden" name="intent" value="publish" />
              <SubmitButton>{s.status === "closed" ? "Rouvrir le questionnaire" : "Publier le questionnaire"}</SubmitButton>
            </AppForm>
          </li>
        )}
        {s.status === "open" && (
          <li>
            <AppForm>
              <input type="hidden" name="intent" value="close" />
              <SubmitButton secondary>Clore le questionnaire</SubmitButton>
            </AppForm>
          </li>
        )}
        {s.audience === "anonymous" && s.responses >= 5 && (
          <li>
            <AppForm>
              <input type="hidden" name="intent" value={s.openData ? "closeData" : "openData"} />
              <SubmitButton secondary>{s.openData ? "Retirer les résultats des données ouvertes" : "Publier les résultats en données ouvertes"}</SubmitButton>
            </AppForm>
          </li>
        )}
        {s.locked && (
          <li>
            <AppForm>
              <input type="hidden" name="intent" value="newVersion" />
              <SubmitButton secondary>Créer une nouvelle version pour changer les questions</SubmitButton>
            </AppForm>
          </li>
        )}
      </ul>
      {s.openData && (
        <p className="fr-text--sm">
          Les résultats de ce questionnaire sont publiés en données ouvertes (<a href="/donnees">jeu «{"\u00a0"}Résultats des questionnaires anonymes{"\u00a0"}»</a>){"\u00a0"}: nombre de personnes par réponse proposée, jamais un groupe de moins de 5, ni texte libre.
        </p>
      )}
      {s.locked && <p className="fr-text--sm">Des réponses sont arrivées{"\u00a0"}: les questions ne changent plus (les résultats resteraient comparables). Une nouvelle version part de celles-ci, en brouillon.</p>}

      <h2 id="questions">Questions</h2>
      {d.sections.length === 0 && <p>Ajoutez une première section (une page du questionnaire), puis ses questions.</p>}
      {d.sections.map((section, i) => (
        <section key={section.id} className="fr-mb-4w" aria-labelledby={`section-${section.id}`}>
          <h3 id={`section-${section.id}`} className="fr-h5">
            Section {i + 1}{"\u00a0"}: {section.title}
          </h3>
          {section.description && <p>{section.description}</p>}
          {section.questions.length === 0 && <p className="fr-text--sm">Aucune question dans cette section.</p>}
          <ol className="fr-mb-2w" start={section.questions[0]?.number ?? 1}>
            {section.questions.map((question) => (
              <li key={question.id} className="fr-mb-2w" data-question={question.id}>
                <p className="fr-mb-1v">
                  <strong>{question.label}</strong> <span className="fr-text--sm">({question.kind}{question.required ? ", obligatoire" : ""}{question.maxChoices ? `, ${question.maxChoices}\u00a0réponses au plus` : ""})</span>
                </p>
                {question.condition && <p className="fr-text--sm fr-mb-1v">Affichée {question.condition}</p>}
                {question.options.length > 0 && <p className="fr-text--sm fr-mb-1v">{question.options.map((o, k) => `${k + 1}. ${o}`).join(" · ")}</p>}
                {question.rows.length > 0 && (
                  <p className="fr-text--sm fr-mb-1v">
                    Lignes{"\u00a0"}: {question.rows.join(" · ")}. Colonnes{"\u00a0"}: {question.columns.join(" · ")}.
                  </p>
                )}
                {!s.locked && (
                  <AppForm>
                    <input type="hidden" name="intent" value="deleteQuestion" />
                    <input type="hidden" name="questionId" value={question.id} />
                    <button type="submit" className="fr-btn fr-btn--tertiary fr-btn--sm">
                      Supprimer la question {question.number}
                    </button>
                  </AppForm>
                )}
              </li>
            ))}
          </ol>
          {!s.locked && (
            <AppForm>
              <input type="hidden" name="intent" value="deleteSection" />
              <input type="hidden" name="sectionId" value={section.id} />
              <button type="submit" className="fr-btn fr-btn--tertiary fr-btn--sm">
                Supprimer la section {i + 1} et ses questions
              </button>
            </AppForm>
          )}
        </section>
      ))}

      {!s.locked && d.sections.length > 0 && (
        <>
          <h2 id="ajouter-question">Ajouter une question</h2>
          <AppForm noValidate>
            <ErrorSummary errors={q?.errors} formError={q?.formError} />
            <input type="hidden" name="intent" value="addQuestion" />
            <SelectField name="sectionId" label="Section" options={d.options.sections} error={q?.errors?.sectionId} defaultValue={valueOf(q?.values, "sectionId", d.options.sections[d.options.sections.length - 1]?.value)} />
            <SelectField name="kind" label="Type de question" options={d.options.kinds} error={q?.errors?.kind} defaultValue={valueOf(q?.values, "kind", "single")} />
            <Field name="label" label="Question" error={q?.errors?.label} defaultValue={valueOf(q?.values, "label")} required />
            <Field name="help" label="Aide" hint="Facultatif." error={q?.errors?.help} defaultValue={valueOf(q?.values, "help")} />
            <div className="fr-checkbox-group fr-mb-2w">
              <input type="checkbox" id="field-required" name="required" defaultChecked={valueOf(q?.values, "required") === "on"} />
              <label className="fr-label" htmlFor="field-required">
                Réponse obligatoire
              </label>
            </div>
            <Field name="options" label="Réponses proposées (ou colonnes d’une matrice)" hint="Une par ligne : choix unique, choix multiple, classement, matrice." textarea rows={4} error={q?.errors?.options} defaultValue={valueOf(q?.values, "options")} />
            <Field name="rows" label="Lignes de la matrice" hint="Une par ligne, pour une matrice seulement." textarea rows={3} error={q?.errors?.rows} defaultValue={valueOf(q?.values, "rows")} />
            <Field name="maxChoices" label="Nombre de réponses au plus" hint="Facultatif, pour un choix multiple." inputMode="numeric" error={q?.errors?.maxChoices} defaultValue={valueOf(q?.values, "maxChoices")} />
            <SelectField name="conditionQuestion" label="Afficher selon la réponse à" hint="Facultatif : une question d’une section précédente (lue en passant à la section suivante, sans JavaScript)." placeholder="Toujours afficher" options={d.options.conditionQuestions} error={q?.errors?.conditionQuestion} defaultValue={valueOf(q?.values, "conditionQuestion")} />
            <Field name="conditionValues" label="Réponses qui affichent la question" hint="Leurs numéros, séparés par des virgules (1 pour la première réponse) ; pour une échelle, ses valeurs." error={q?.errors?.conditionValues} defaultValue={valueOf(q?.values, "conditionValues")} />
            <SubmitButton>Ajouter la question</SubmitButton>
          </AppForm>
        </>
      )}
      {!s.locked && (
        <>
          <h2 id="ajouter-section">Ajouter une section</h2>
          <AppForm noValidate>
            <ErrorSummary errors={sec?.errors} formError={sec?.formError} />
            <input type="hidden" name="intent" value="addSection" />
            <Field name="sectionTitle" label="Titre de la section" error={sec?.errors?.sectionTitle} defaultValue={valueOf(sec?.values, "sectionTitle")} required />
            <Field name="sectionDescription" label="Présentation de la section" hint="Facultatif." textarea rows={2} error={sec?.errors?.sectionDescription} defaultValue={valueOf(sec?.values, "sectionDescription")} />
            <SubmitButton>Ajouter la section</SubmitButton>
          </AppForm>
        </>
      )}

      <h2 id="reglages">Réglages</h2>
      <AppForm noValidate>
        <ErrorSummary errors={settings?.errors} formError={settings?.formError} />
        <input type="hidden" name="intent" value="settings" />
        <Field name="title" label="Titre" error={settings?.errors?.title} defaultValue={val("title", s.title)} required />
        <Field name="description" label="Présentation" textarea rows={3} error={settings?.errors?.description} defaultValue={val("description", s.description)} />
        {s.audience === "agents" ? (
          <input type="hidden" name="audience" value="organizations" />
        ) : (
          <>
            <RadioGroup
              name="audience"
              legend="Qui répond ?"
              options={[
                { value: "organizations", label: "Les agents des organisations choisies" },
                { value: "anonymous", label: "Toute personne qui a le lien, anonymement" },
              ]}
              error={settings?.errors?.audience}
              defaultValue={val("audience", s.audience)}
            />
            <details className="fr-mb-3w">
              <summary>Organisations ({s.organizations.length} choisies)</summary>
              <CheckboxGroup name="organizationIds" legend="Organisations dont les agents répondent" options={d.options.organizations} error={settings?.errors?.organizationIds} defaultValues={s.organizationIds} />
            </details>
          </>
        )}
        <Field name="opensOn" type="date" label="Ouverture" error={settings?.errors?.opensOn} defaultValue={val("opensOn", s.opensOn)} />
        <Field name="closesOn" type="date" label="Dernier jour pour répondre" error={settings?.errors?.closesOn} defaultValue={val("closesOn", s.closesOn)} />
        <SubmitButton>Enregistrer les réglages</SubmitButton>
      </AppForm>
    </Page>
  );
}
