import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-roadmap-item";
import { formError, invalid, parseForm } from "~/kernel/forms";
import { once } from "~/kernel/db/once";
import { isoDay } from "~/kernel/format";
import { AppForm, ErrorSummary, Field, PageTitle, SelectField, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { frenchSpaces } from "~/kernel/format";
import { itemAction, itemPage } from "~/roadmaps";
import { formOf, itemForms } from "~/roadmaps/schemas";
import { HistoryChart, ProgressBar, RoadmapCrumbs, Why } from "~/roadmaps/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

const done: Record<string, string> = {
  update: "L’élément est modifié.",
  move: "L’élément est déplacé.",
  editMilestone: "Le jalon est modifié.",
  addMilestone: "Le jalon est ajouté.",
  milestoneDone: "Le jalon est marqué franchi.",
  milestoneUndone: "Le jalon est rouvert.",
  deleteMilestone: "Le jalon est supprimé.",
};

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const page = await itemPage(viewer, params.labSlug, params.roadmapId, params.itemId).catch(loaderFailure);
  return { ...page, message: done[new URL(request.url).searchParams.get("fait") ?? ""] ?? null };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await itemPage(viewer, params.labSlug, params.roadmapId, params.itemId);
    const schema = formOf(itemForms, fd.get("intent"));
    if (!schema) return formError(fd, "Action inconnue.");
    const p = parseForm(fd, schema);
    if (!p.ok) return invalid(p);
    const input = p.data;
    const roadmap = `/lab/${params.labSlug}/feuille-de-route/${params.roadmapId}`;
    // a resent form adds its milestone once
    const location = await once(viewer.userId, fd, `roadmap-item:${params.itemId}:${input.intent}`, async () => {
      const what = await itemAction(viewer, params.labSlug, params.roadmapId, params.itemId, input, new Date(), fd.getAll("evidenceFile"));
      return what === "delete" ? `${roadmap}?fait=delete` : `${roadmap}/elements/${params.itemId}?fait=${what}`;
    });
    return redirect(location);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function RoadmapItemPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const i = d.item;
  const base = `/lab/${d.lab.slug}/feuille-de-route/${d.roadmap.id}`;
  const failedKey = a && !a.ok ? `${String(a.values?.intent ?? "")}${a.values?.milestoneId ? `-${String(a.values.milestoneId)}` : ""}` : "";
  const failed = (key: string) => failedKey === key;
  const err = (key: string, name: string) => (failed(key) ? a?.errors?.[name] : undefined);
  const val = (key: string, name: string, fallback = "") => (failed(key) ? valueOf(a?.values, name, fallback) : fallback);
  const checked = (key: string, name: string, fallback: boolean) => (failed(key) ? valueOf(a?.values, name) === "on" : fallback);
  return (
    <Page>
      <PageTitle title={`${i.title} – ${d.roadmap.title}`} error={!!a && !a.ok} />
      <RoadmapCrumbs steps={[{ to: `/lab/${d.lab.slug}/feuille-de-route`, label: "Feuille de route" }, { to: base, label: d.roadmap.title }, ...d.path.map((p) => ({ to: `${base}/elements/${p.id}`, label: p.title })), { label: i.title }]} />
      {d.message && (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <p>{d.message}</p>
        </div>
      )}
      {a && !a.ok && <ErrorSummary errors={a.errors} formError={a.formError} />}
      <p className="fr-text--sm fr-mb-1v">
        {i.kindLabel}
        {i.transversal ? " transversal" : ""} · {i.statusLabel}
        {!i.public && " · interne"}
      </p>
      <h1>{i.title}</h1>
      {i.project && (
        <p>
          Projet du lab{"\u00a0"}: <Link to={`/projets/${i.project.id}`}>{i.project.title}</Link>
          {i.project.confidential && " (confidentiel)"}
        </p>
      )}
      <ProgressBar percent={i.percent} label={`Avancement\u00a0: ${i.percentLabel}`} />
      <Why text={i.why} />

      {d.children.length > 0 && (
        <section aria-labelledby="rattaches" className="fr-mt-4w">
          <h2 id="rattaches">Éléments rattachés</h2>
          <ul>
            {d.children.map((c) => (
              <li key={c.id}>
                <Link to={`${base}/elements/${c.id}`}>{c.title}</Link> ({c.kindLabel.toLowerCase()}, {c.percentLabel})
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="jalons" className="fr-mt-4w">
        <h2 id="jalons">Jalons</h2>
        {d.milestones.length === 0 ? (
          <p>Aucun jalon.</p>
        ) : (
          <ul className="fr-raw-list">
            {d.milestones.map((m) => {
              const key = `milestoneDone-${m.id}`;
              return (
                <li key={m.id} className="fr-mb-3w">
                  <p className="fr-mb-1v">
                    <strong>{m.title}</strong>
                    {m.plannedOn && ` · prévu le ${m.plannedOn}`}
                    {m.doneOn ? ` · franchi le ${m.doneOn}` : " · pas encore franchi"}
                  </p>
                  {m.evidence && (
                    <p className="fr-text--sm fr-mb-1v">
                      Preuve{"\u00a0"}:{" "}
                      {m.evidenceUrl ? (
                        <a href={m.evidenceUrl}>{m.evidence}</a>
                      ) : m.file ? (
                        <a href={m.file.href} download>
                          Télécharger {m.evidence}
                        </a>
                      ) : (
                        m.evidence
                      )}
                    </p>
                  )}
                  {m.doneOn ? (
                    <AppForm>
                      <input type="hidden" name="intent" value="milestoneUndone" />
                      <input type="hidden" name="milestoneId" value={m.id} />
                      <button type="submit" className="fr-btn fr-btn--tertiary fr-btn--sm">
                        Rouvrir le jalon «{"\u00a0"}{m.title}{"\u00a0"}»
                      </button>
                    </AppForm>
                  ) : (
                    <AppForm noValidate>
                      <input type="hidden" name="intent" value="milestoneDone" />
                      <input type="hidden" name="milestoneId" value={m.id} />
                      <div className="fr-grid-row fr-grid-row--gutters">
                        <div className="fr-col-12 fr-col-md-4">
                          <Field id={failed(key) ? undefined : `done-${m.id}`} name="doneOn" type="date" label="Franchi le" hint={"Vide\u00a0: aujourd’hui."} error={err(key, "doneOn")} defaultValue={val(key, "doneOn")} />
                        </div>
                        <div className="fr-col-12 fr-col-md-8">
                          <Field id={failed(key) ? undefined : `proof-${m.id}`} name="proof" label="Preuve" hint="Un lien (https://…) ou quelques mots." error={err(key, "proof")} defaultValue={val(key, "proof")} />
                        </div>
                      </div>
                      <SubmitButton secondary>Marquer «{"\u00a0"}{m.title}{"\u00a0"}» franchi</SubmitButton>
                    </AppForm>
                  )}
                  <details className="fr-mb-1w" open={failed(`editMilestone-${m.id}`) || undefined}>
                    <summary>Modifier le jalon «{"\u00a0"}{m.title}{"\u00a0"}»</summary>
                    <MilestoneForm intent="editMilestone" milestone={m} evidenceKinds={d.options.evidenceKinds} stages={d.options.stages} failed={failed(`editMilestone-${m.id}`)} err={(n) => err(`editMilestone-${m.id}`, n)} val={(n, f) => val(`editMilestone-${m.id}`, n, f)} />
                  </details>
                  <AppForm>
                    <input type="hidden" name="intent" value="deleteMilestone" />
                    <input type="hidden" name="milestoneId" value={m.id} />
                    <button type="submit" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm">
                      Supprimer le jalon «{"\u00a0"}{m.title}{"\u00a0"}»
                    </button>
                  </AppForm>
                </li>
              );
            })}
          </ul>
        )}
        <h3>Ajouter un jalon</h3>
        <MilestoneForm intent="addMilestone" evidenceKinds={d.options.evidenceKinds} stages={d.options.stages} failed={failed("addMilestone")} err={(n) => err("addMilestone", n)} val={(n, f) => val("addMilestone", n, f)} />
      </section>

      <section aria-labelledby="historique" className="fr-mt-4w">
        <h2 id="historique">Historique</h2>
        <HistoryChart id="history-item" title={`Avancement de «\u00a0${i.title}\u00a0»`} points={d.history} />
      </section>

      <section aria-labelledby="modifier" className="fr-mt-4w">
        <h2 id="modifier">Modifier l’élément</h2>
        <AppForm noValidate>
          <input type="hidden" name="intent" value="update" />
          <Field name="title" label="Titre" error={err("update", "title")} defaultValue={val("update", "title", i.title)} required />
          {i.kind === "project" && <SelectField name="projectId" label="Projet du lab" options={d.options.projects} error={err("update", "projectId")} defaultValue={val("update", "projectId", i.projectId)} />}
          <Field name="description" label="Description" textarea rows={3} error={err("update", "description")} defaultValue={val("update", "description", i.description)} />
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-6">
              <Field name="ownerName" label="Porteur ou porteuse (nom)" error={err("update", "ownerName")} defaultValue={val("update", "ownerName", i.ownerName)} />
            </div>
            <div className="fr-col-12 fr-col-md-6">
              <Field name="ownerRole" label="Porteur ou porteuse (fonction ou service)" error={err("update", "ownerRole")} defaultValue={val("update", "ownerRole", i.ownerRole)} />
            </div>
          </div>
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-4">
              <Field name="startsOn" type="date" label="Début" error={err("update", "startsOn")} defaultValue={val("update", "startsOn", i.startsOn ? isoDay(i.startsOn) : "")} />
            </div>
            <div className="fr-col-12 fr-col-md-4">
              <Field name="endsOn" type="date" label="Fin" error={err("update", "endsOn")} defaultValue={val("update", "endsOn", i.endsOn ? isoDay(i.endsOn) : "")} />
            </div>
            <div className="fr-col-12 fr-col-md-4">
              <Field name="weight" label="Poids" hint={"Vide\u00a0: compte comme ses voisins."} error={err("update", "weight")} defaultValue={val("update", "weight", i.weight === null ? "" : String(i.weight).replace(".", ","))} />
            </div>
          </div>
          <Field name="calendar" label="Calendrier prévisionnel" error={err("update", "calendar")} defaultValue={val("update", "calendar", i.calendar)} />
          <SelectField name="status" label="Statut" hint={"Terminé\u00a0: compte pour 100 %. Arrêté\u00a0: suit la règle de la feuille de route."} options={d.options.statuses} error={err("update", "status")} defaultValue={val("update", "status", i.status)} />
          {i.kind === "axis" && (
            <div className="fr-checkbox-group fr-mb-2w">
              <input type="checkbox" id="field-transversal" name="transversal" defaultChecked={checked("update", "transversal", i.transversal)} />
              <label className="fr-label" htmlFor="field-transversal">
                Axe transversal
              </label>
            </div>
          )}
          <div className="fr-checkbox-group fr-mb-2w">
            <input type="checkbox" id="field-public" name="public" defaultChecked={checked("update", "public", i.public)} />
            <label className="fr-label" htmlFor="field-public">
              Public (montré sur le traceur)
            </label>
          </div>
          <div className="fr-checkbox-group fr-mb-2w">
            <input type="checkbox" id="field-ownerNamePublic" name="ownerNamePublic" defaultChecked={checked("update", "ownerNamePublic", i.ownerNamePublic)} />
            <label className="fr-label" htmlFor="field-ownerNamePublic">
              Le porteur ou la porteuse accepte d’être nommé sur le traceur
            </label>
          </div>
          <SubmitButton>Enregistrer</SubmitButton>
        </AppForm>
      </section>

      {d.moveTo.length > 0 && (
        <section aria-labelledby="deplacer" className="fr-mt-4w">
          <h2 id="deplacer">Déplacer l’élément</h2>
          <AppForm noValidate>
            <input type="hidden" name="intent" value="move" />
            <SelectField name="parentId" label="Nouveau rattachement" hint={`Un élément de type «\u00a0${i.kindLabel.toLowerCase()}\u00a0» se rattache à un élément du niveau au-dessus. Ce qui lui est rattaché le suit.`} placeholder="Choisir" options={d.moveTo} error={err("move", "parentId")} defaultValue={val("move", "parentId")} />
            <SubmitButton secondary>Déplacer</SubmitButton>
          </AppForm>
        </section>
      )}

      <section aria-labelledby="supprimer" className="fr-mt-4w">
        <h2 id="supprimer">Supprimer l’élément</h2>
        <AppForm noValidate>
          <input type="hidden" name="intent" value="delete" />
          <div className={`fr-checkbox-group fr-mb-2w${err("delete", "confirm") ? " fr-checkbox-group--error" : ""}`}>
            <input type="checkbox" id="field-confirm" name="confirm" aria-describedby={err("delete", "confirm") ? "field-confirm-error" : undefined} />
            <label className="fr-label" htmlFor="field-confirm">
              Supprimer «{"\u00a0"}{i.title}{"\u00a0"}» et tout ce qui lui est rattaché
            </label>
            {err("delete", "confirm") && (
              <p className="fr-error-text" id="field-confirm-error">
                {err("delete", "confirm")}
              </p>
            )}
          </div>
          <SubmitButton secondary>Supprimer</SubmitButton>
        </AppForm>
      </section>
    </Page>
  );
}

type Option = { value: string; label: string };
type MilestoneView = Awaited<ReturnType<typeof loader>>["milestones"][number];

/** Adding a milestone, or editing one: its words, its dates, what proves it (a file comes with the form). */
function MilestoneForm(p: { intent: "addMilestone" | "editMilestone"; milestone?: MilestoneView; evidenceKinds: Option[]; stages: Option[]; failed: boolean; err: (name: string) => string | undefined; val: (name: string, fallback?: string) => string }) {
  const m = p.milestone;
  // each form of the page has its own field ids; a failed form takes the default ones (the error summary links there)
  const id = (name: string) => (p.failed ? undefined : `${name}-${m?.id ?? "new"}`);
  const fileId = id("evidenceFile") ?? "field-evidenceFile";
  const fileError = p.err("evidenceFile");
  return (
    <AppForm encType="multipart/form-data" noValidate>
      <input type="hidden" name="intent" value={p.intent} />
      {m && <input type="hidden" name="milestoneId" value={m.id} />}
      <Field id={id("milestoneTitle")} name="milestoneTitle" label="Jalon" error={p.err("milestoneTitle")} defaultValue={p.val("milestoneTitle", m?.rawTitle ?? "")} />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Field id={id("plannedOn")} name="plannedOn" type="date" label="Date prévue" error={p.err("plannedOn")} defaultValue={p.val("plannedOn", m?.plannedDay ?? "")} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          {m ? (
            <Field id={id("doneOn")} name="doneOn" type="date" label="Franchi le" hint={"Vide\u00a0: pas encore franchi."} error={p.err("doneOn")} defaultValue={p.val("doneOn", m.doneDay)} />
          ) : (
            <Field id={id("alreadyDoneOn")} name="alreadyDoneOn" type="date" label="Déjà franchi le" hint="Facultatif." error={p.err("alreadyDoneOn")} defaultValue={p.val("alreadyDoneOn")} />
          )}
        </div>
      </div>
      <SelectField id={id("evidenceKind")} name="evidenceKind" label="Ce qui le prouve" placeholder="À préciser plus tard" options={p.evidenceKinds} error={p.err("evidenceKind")} defaultValue={p.val("evidenceKind", m?.evidenceKind ?? "")} />
      <Field id={id("evidenceUrl")} name="evidenceUrl" type="url" label="Lien de la preuve" error={p.err("evidenceUrl")} defaultValue={p.val("evidenceUrl", m?.evidenceUrlValue ?? "")} />
      <Field id={id("evidenceText")} name="evidenceText" label="Preuve (texte)" error={p.err("evidenceText")} defaultValue={p.val("evidenceText", m?.evidenceText ?? "")} />
      <div className={`fr-upload-group fr-mb-3w${fileError ? " fr-upload-group--error" : ""}`}>
        <label className="fr-label" htmlFor={fileId}>
          Fichier de la preuve
          <span className="fr-hint-text">{m?.file ? `PDF ou image, 10\u00a0Mo au plus. Vide\u00a0: garde «\u00a0${m.file.name}\u00a0».` : "PDF ou image, 10\u00a0Mo au plus."}</span>
        </label>
        <input className="fr-upload" type="file" id={fileId} name="evidenceFile" accept="application/pdf,image/*" aria-describedby={fileError ? `${fileId}-error` : undefined} />
        {fileError && (
          <p className="fr-error-text" id={`${fileId}-error`}>
            {frenchSpaces(fileError)}
          </p>
        )}
      </div>
      <SelectField id={id("evidenceStage")} name="evidenceStage" label="Étape du projet qui prouve le jalon" hint={"Pour un projet connexe\u00a0: le jalon est franchi quand le projet entre dans cette étape."} placeholder="Aucune" options={p.stages} error={p.err("evidenceStage")} defaultValue={p.val("evidenceStage", m?.evidenceStage ?? "")} />
      <SubmitButton secondary>{m ? `Enregistrer le jalon «\u00a0${m.title}\u00a0»` : "Ajouter le jalon"}</SubmitButton>
    </AppForm>
  );
}
