import { Link, useActionData, useLoaderData, useSearchParams } from "react-router";
import type { Route } from "./+types/lab-resource";
import { formError, invalid, parseForm } from "~/kernel/forms";
import { frenchSpaces } from "~/kernel/format";
import { AppForm, ErrorSummary, Field, PageTitle, RadioGroup, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb, SuccessNotice } from "~/kernel/ui/page";
import { resourceAction, resourceEditPage } from "~/resources";
import { kindFields, visibilities } from "~/resources/db/schema";
import { resourceActionSchema } from "~/resources/schemas";
import { SessionsBadge, fileSize } from "~/resources/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return resourceEditPage(viewer, params.labSlug, params.resourceId).catch(loaderFailure);
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await resourceEditPage(viewer, params.labSlug, params.resourceId);
    const p = parseForm(fd, resourceActionSchema, (f) => Object.fromEntries([...new Set(f.keys())].filter((k) => k !== "files").map((k) => [k, f.get(k)])));
    if (!p.ok) {
      if (p.errors.intent) return formError(fd, "Action inconnue.");
      return invalid(p);
    }
    const message = await resourceAction(viewer, params.labSlug, params.resourceId, p.data, fd.getAll("files"));
    return { ok: true, message };
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

const labels: Record<string, { label: string; hint?: string; rows?: number; short?: boolean }> = {
  objective: { label: "Objectif", rows: 3 },
  when_to_use: { label: "Quand l’utiliser", rows: 3 },
  duration: { label: "Durée", hint: "Par exemple\u00a0: 2 heures, une demi-journée.", short: true },
  group_size: { label: "Taille du groupe", hint: "Par exemple\u00a0: 6 à 12 personnes.", short: true },
  material: { label: "Matériel", rows: 3 },
  steps: { label: "Déroulé", hint: "Une étape par ligne.", rows: 8 },
  variants: { label: "Variantes", rows: 4 },
  body: { label: "Description", rows: 8 },
  problem: { label: "Le problème", rows: 4 },
  result: { label: "Résultat", rows: 4 },
  indicators: { label: "Indicateurs", hint: "Un indicateur par ligne.", rows: 4 },
};

export default function LabResource() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const [params] = useSearchParams();
  const r = d.resource;
  const failed = !!a && !a.ok;
  const saving = failed && valueOf(a?.values, "intent") === "save";
  const value = (key: string, current: string) => (saving ? valueOf(a?.values, key) : current);
  const fields = kindFields[r.kind];
  return (
    <Page>
      <PageTitle title={frenchSpaces(`${r.title} – Ressources du lab`)} error={failed} />
      <Breadcrumb
        items={[
          { label: "Espace lab", to: "/lab" },
          { label: "Ressources", to: `/lab/${d.lab.slug}/ressources` },
        ]}
        current={frenchSpaces(r.title)}
      />
      <h1>{frenchSpaces(r.title)}</h1>
      <p>
        <span className="fr-badge fr-badge--no-icon">{r.kindLabel}</span> <span className="fr-badge fr-badge--no-icon">{r.archived ? "Archivée" : r.draft ? "Brouillon" : "Publiée"}</span> <SessionsBadge n={d.sessions} />
      </p>
      <SuccessNotice message={a?.ok ? a.message : params.get("fait") === "cree" ? "La fiche est créée : complétez-la, puis publiez-la." : null} />
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      {!r.draft && !r.archived && (
        <p>
          <Link to={`/ressources/${r.id}`}>Voir la fiche publiée</Link>
        </p>
      )}
      <div className="fr-btns-group fr-btns-group--inline fr-mb-4w">
        <AppForm>
          <SubmitButton name="intent" value={r.draft ? "publish" : "unpublish"} secondary={!r.draft}>
            {r.draft ? "Publier la fiche" : "Repasser en brouillon"}
          </SubmitButton>
        </AppForm>
        <AppForm>
          <SubmitButton name="intent" value={r.archived ? "restore" : "archive"} secondary>
            {r.archived ? "Sortir des archives" : "Archiver la fiche"}
          </SubmitButton>
        </AppForm>
      </div>
      <h2>Contenu de la fiche</h2>
      <AppForm noValidate>
        <input type="hidden" name="intent" value="save" />
        <Field name="title" label="Titre" required maxLength={200} defaultValue={value("title", r.title)} error={saving ? a?.errors?.title : undefined} />
        <Field name="summary" label="En bref" hint="Une ou deux phrases, montrées dans la liste." textarea rows={2} maxLength={1000} defaultValue={value("summary", r.summary)} error={saving ? a?.errors?.summary : undefined} />
        {fields.map((k) => {
          const l = labels[k];
          return (
            <Field
              key={k}
              name={k}
              label={r.kind === "case_study" && k === "body" ? "La méthode" : l.label}
              hint={l.hint}
              textarea={!l.short}
              rows={l.rows}
              defaultValue={value(k, String(r[k as keyof typeof r] ?? ""))}
              error={saving ? a?.errors?.[k] : undefined}
            />
          );
        })}
        <Field name="tags" label="Étiquettes" hint="Séparées par des virgules, 12 au plus." defaultValue={value("tags", r.tags.join(", "))} error={saving ? a?.errors?.tags : undefined} />
        <RadioGroup name="visibility" legend="Qui peut la lire une fois publiée" options={Object.entries(visibilities).map(([v, label]) => ({ value: v, label }))} defaultValue={value("visibility", r.visibility)} error={saving ? a?.errors?.visibility : undefined} />
        <SubmitButton>Enregistrer la fiche</SubmitButton>
      </AppForm>
      <h2 className="fr-mt-4w">Modèles joints</h2>
      {d.files.length === 0 ? (
        <p>Aucun fichier joint.</p>
      ) : (
        <ul>
          {d.files.map((f) => (
            <li key={f.id} className="fr-mb-1w">
              <a className="fr-link fr-link--download" download href={`/ressources/${r.id}/fichiers/${f.id}`}>
                {f.filename} <span className="fr-link__detail">{fileSize(f.size)}</span>
              </a>{" "}
              <AppForm style={{ display: "inline" }}>
                <input type="hidden" name="fileId" value={f.id} />
                <button type="submit" name="intent" value="removeFile" className="fr-btn fr-btn--sm fr-btn--tertiary">
                  Retirer<span className="fr-sr-only"> {f.filename}</span>
                </button>
              </AppForm>
            </li>
          ))}
        </ul>
      )}
      <AppForm encType="multipart/form-data" noValidate>
        <input type="hidden" name="intent" value="upload" />
        <div className={`fr-upload-group${a?.errors?.files ? " fr-upload-group--error" : ""}`}>
          <label className="fr-label" htmlFor="field-files">
            Joindre des modèles
            <span className="fr-hint-text">PDF ou images, 10 Mo au plus chacun, 5 à la fois.</span>
          </label>
          <input className="fr-upload" type="file" id="field-files" name="files" multiple accept="application/pdf,image/png,image/jpeg,image/gif,image/webp" aria-describedby={a?.errors?.files ? "field-files-error" : undefined} />
          {a?.errors?.files && (
            <p className="fr-error-text" id="field-files-error">
              {a.errors.files}
            </p>
          )}
        </div>
        <SubmitButton secondary>Joindre</SubmitButton>
      </AppForm>
    </Page>
  );
}
