import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-roadmap-import";
import { once } from "~/kernel/db/once";
import { frenchSpaces } from "~/kernel/format";
import { AppForm, ErrorSummary, PageTitle, SubmitButton, type ActionResult } from "~/kernel/ui/forms";
import { importsPage, startImport } from "~/roadmaps";
import { RoadmapCrumbs } from "~/roadmaps/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return importsPage(viewer, params.labSlug, params.roadmapId).catch(loaderFailure);
}

/** The file is kept and its import queued; its page shows the progress. */
export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await importsPage(viewer, params.labSlug, params.roadmapId);
    const location = await once(viewer.userId, fd, `roadmap-import:${params.roadmapId}`, async () => {
      const id = await startImport(viewer, params.labSlug, params.roadmapId, fd.getAll("file"));
      return `/lab/${params.labSlug}/feuille-de-route/${params.roadmapId}/import/${id}`;
    });
    return redirect(location);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function RoadmapImport() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const base = `/lab/${d.lab.slug}/feuille-de-route/${d.roadmap.id}`;
  const fileError = a && !a.ok ? (a.errors?.file ?? a.formError) : undefined;
  return (
    <Page>
      <PageTitle title={`Importer – ${d.roadmap.title}`} error={!!a && !a.ok} />
      <RoadmapCrumbs steps={[{ to: `/lab/${d.lab.slug}/feuille-de-route`, label: "Feuille de route" }, { to: base, label: d.roadmap.title }, { label: "Importer" }]} />
      {a && !a.ok && <ErrorSummary errors={a.errors} formError={a.formError} />}
      <h1>Importer une feuille de route existante</h1>
      <p>
        Envoyez un tableau CSV ou XLSX (une ligne par élément, {d.maxRows}{"\u00a0"}lignes et {d.maxMegabytes}{"\u00a0"}Mo au plus). Ses éléments s’ajoutent à «{"\u00a0"}{d.roadmap.title}{"\u00a0"}», après ceux qui y sont déjà. L’import se fait en arrière-plan{"\u00a0"}: sa page montre où il en est, même si vous la rechargez. Si une ligne est fautive, rien n’est importé et le rapport dit quelle ligne, quelle colonne et pourquoi.
      </p>
      <p>
        L’export de la feuille de route (CSV ou XLSX) a les mêmes colonnes{"\u00a0"}: il se réimporte tel quel, par exemple dans une feuille de route vide. Ses dernières colonnes (avancement, explication, jalons franchis) sont calculées et ignorées à l’import.
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <a className="fr-btn fr-btn--secondary" href={`${base}/export/modele-import.csv`} download>
            Télécharger le modèle CSV
          </a>
        </li>
        <li>
          <a className="fr-btn fr-btn--secondary" href={`${base}/export/modele-import.xlsx`} download>
            Télécharger le modèle XLSX
          </a>
        </li>
      </ul>

      <section aria-labelledby="envoyer" className="fr-mt-4w">
        <h2 id="envoyer">Envoyer le fichier</h2>
        <AppForm encType="multipart/form-data" noValidate>
          <div className={`fr-upload-group fr-mb-3w${fileError ? " fr-upload-group--error" : ""}`}>
            <label className="fr-label" htmlFor="field-file">
              Fichier CSV ou XLSX
              <span className="fr-hint-text">CSV séparé par des points-virgules ou des virgules, en UTF-8 ou Windows-1252.</span>
            </label>
            <input className="fr-upload" type="file" id="field-file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby={fileError ? "field-file-error" : undefined} />
            {fileError && (
              <p className="fr-error-text" id="field-file-error">
                {frenchSpaces(fileError)}
              </p>
            )}
          </div>
          <SubmitButton>Importer</SubmitButton>
        </AppForm>
      </section>

      <section aria-labelledby="colonnes" className="fr-mt-4w">
        <h2 id="colonnes">Les colonnes attendues</h2>
        <p>La première ligne nomme les colonnes{"\u00a0"}; leur ordre est libre. Référence, Type et Titre sont obligatoires.</p>
        <div className="fr-table">
          <table>
            <caption className="fr-sr-only">Colonnes du fichier d’import</caption>
            <thead>
              <tr>
                <th scope="col">Colonne</th>
                <th scope="col">Ce qu’elle contient</th>
              </tr>
            </thead>
            <tbody>
              {d.columns.map((c) => (
                <tr key={c.name}>
                  <th scope="row">{c.name}</th>
                  <td>{c.help}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {d.imports.length > 0 && (
        <section aria-labelledby="derniers" className="fr-mt-4w">
          <h2 id="derniers">Derniers imports</h2>
          <ul>
            {d.imports.map((i) => (
              <li key={i.id}>
                <Link to={`${base}/import/${i.id}`}>{i.filename}</Link>, le {i.createdAt}{"\u00a0"}: {i.statusLabel.toLowerCase()}. {i.summary}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}
