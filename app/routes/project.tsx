import { Link, redirect, useActionData, useLoaderData } from "react-router";
import { FindPeopleLink } from "~/skills/ui";
import type { Route } from "./+types/project";
import { Refusal } from "~/kernel/permissions";
import { once } from "~/kernel/db/once";
import { formError, invalid, parseForm } from "~/kernel/forms";
import { frenchSpaces } from "~/kernel/format";
import { AppForm, ErrorSummary, Field, PageTitle, RadioGroup, SelectField, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { projectAction, projectPage, type ProjectRights } from "~/projects";
import { projectActionSchema } from "~/projects/schemas";
import { deliverableKinds, gateOutcomes, type Stage } from "~/projects/stages";
import { ProjectCrumbs, StageBadge } from "~/projects/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

const done: Record<string, string> = {
  cree: "Le projet est créé.",
  modifie: "Le projet est modifié.",
  deliverable: "Le livrable est enregistré.",
  journal: "L’entrée est ajoutée au journal.",
  indicator: "L’indicateur est ajouté.",
  measure: "La mesure est enregistrée.",
  attach: "La pièce jointe est ajoutée.",
  requestGate: "Le passage à l’étape suivante est demandé au comité.",
  outcome: "La décision du comité est enregistrée.",
  conditionMet: "La condition est marquée comme remplie.",
  pause: "Le projet est en pause.",
  stop: "Le projet est arrêté.",
  resume: "Le projet reprend.",
  proposeNetwork: "Le projet est proposé au comité de pilotage de l’autre lab\u00a0: il attend sa prochaine réunion.",
};

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const page = await projectPage(viewer, params.projectId).catch(loaderFailure);
  const url = new URL(request.url);
  const key = url.searchParams.has("cree") ? "cree" : url.searchParams.has("modifie") ? "modifie" : (url.searchParams.get("fait") ?? "");
  return { ...page, message: done[key] ?? null };
}

/** The right each form needs, checked before its fields are read. */
const needs: Record<string, keyof ProjectRights> = {
  deliverable: "edit",
  attach: "edit",
  indicator: "edit",
  conditionMet: "edit",
  requestGate: "requestGate",
  journal: "contribute",
  measure: "contribute",
  outcome: "manage",
  pause: "manage",
  stop: "manage",
  resume: "manage",
  proposeNetwork: "manage",
};

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    const { rights } = await projectPage(viewer, params.projectId);
    if (!rights.contribute) throw new Refusal("Vous n’avez pas ce droit sur ce projet.", 403);
    const intent = String(fd.get("intent") ?? "");
    const right = needs[intent];
    if (right && !rights[right]) throw new Refusal("Vous n’avez pas ce droit sur ce projet.", 403);
    const p = parseForm(fd, projectActionSchema);
    if (!p.ok) return right ? invalid(p) : formError(fd, "Action inconnue.");
    const act = p.data;
    const uploads = [...fd.getAll("file"), ...fd.getAll("files")];
    const location = await once(viewer.userId, fd, `project:${params.projectId}:${act.intent}`, async () => {
      await projectAction(viewer, params.projectId, act, uploads);
      return `/projets/${params.projectId}?fait=${act.intent}`;
    });
    return redirect(location);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

/** Ids of a repeated form's fields: the failed form keeps the default ids (the error summary links to them). */
function idsFor(a: ActionResult | undefined, key: string) {
  const failed = !!a && !a.ok && formKeyOf(a) === key;
  return {
    failed,
    // an id holds no space (a deliverable's label does): each other character is spelt by its code point
    id: (name: string) => (failed ? undefined : `${key.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`)}-${name}`),
    error: (name: string) => (failed ? a?.errors?.[name] : undefined),
    value: (name: string, fallback = "") => (failed ? valueOf(a?.values, name, fallback) : fallback),
  };
}
function formKeyOf(a: ActionResult): string {
  const intent = String(a.values?.intent ?? "");
  if (intent === "deliverable") return `deliverable-${String(a.values?.label ?? "")}`;
  return intent;
}

export default function ProjectPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const p = d.project;
  const x = d.details;
  const r = d.rights;
  return (
    <Page>
      <PageTitle title={`${p.title} – Projet`} error={!!a && !a.ok} />
      <ProjectCrumbs root={r.manage ? { to: `/lab/${p.lab.slug}/projets`, label: "Projets du lab" } : { to: "/mes-projets", label: "Mes projets" }} steps={[{ label: p.title }]} />
      {d.message && (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <p>{d.message}</p>
        </div>
      )}
      {a && !a.ok && <ErrorSummary errors={a.errors} formError={a.formError} />}
      <h1>{p.title}</h1>
      <ul className="fr-badges-group">
        <li>
          <StageBadge stage={p.stage as Stage} />
        </li>
        {p.confidential && (
          <li>
            <p className="fr-badge fr-badge--sm fr-badge--no-icon">Confidentiel</p>
          </li>
        )}
      </ul>
      <p>
        {p.deployed ? "Déployé" : `À l’étape ${p.stageLabel.toLowerCase()}`} depuis le {p.stageSince} ({p.timeInStage}) · {p.lab.name} · origine{"\u00a0"}: {p.origin.toLowerCase()}
      </p>
      {p.statusReason && (
        <p>
          <strong>Motif{"\u00a0"}:</strong> {frenchSpaces(p.statusReason)}
          {p.resumeStage && <> (reprendra en {p.resumeStage.toLowerCase()})</>}
        </p>
      )}
      <h2>Le projet</h2>
      <p style={{ whiteSpace: "pre-line" }}>{frenchSpaces(p.problem)}</p>
      {p.users && (
        <p>
          <strong>Pour{"\u00a0"}:</strong> {frenchSpaces(p.users)}
        </p>
      )}
      {p.organizations.length > 0 && (
        <p>
          <strong>Administrations porteuses{"\u00a0"}:</strong> {p.organizations.map((o) => `${o.name} (${o.kind})`).join(", ")}
        </p>
      )}
      {x && (
        <>
          <ul className="fr-mb-2w">
            <li>Chef ou cheffe de projet{"\u00a0"}: {x.lead ?? "à désigner"}</li>
            <li>Équipe du lab{"\u00a0"}: {x.staff.length ? x.staff.join(", ") : "à désigner"}</li>
            {x.experts.length > 0 && <li>Experts{"\u00a0"}: {x.experts.join(", ")}</li>}
            <li>
              Budget{"\u00a0"}: {x.budgetRequested !== null ? `${x.budgetRequested.toLocaleString("fr-FR")}\u00a0€ demandés` : "non chiffré"}
              {x.budgetGranted !== null && `, ${x.budgetGranted.toLocaleString("fr-FR")}\u00a0€ accordés`}
              {x.fundingSource && ` (${x.fundingSource})`}
            </li>
            {(x.startsOn || x.endsOn) && (
              <li>
                Dates{"\u00a0"}: {x.startsOn ? `du ${x.startsOn}` : ""} {x.endsOn ? `au ${x.endsOn}` : ""}
              </li>
            )}
          </ul>
          {r.edit && (
            <p>
              <Link className="fr-btn fr-btn--secondary" to={`/projets/${p.id}/modifier`}>
                Modifier le projet
              </Link>
            </p>
          )}

          <h2>Étapes</h2>
          <div className="fr-table fr-table--no-caption">
            <div className="fr-table__wrapper">
              <div className="fr-table__container">
                <div className="fr-table__content">
                  <table>
                    <caption>Étapes du projet, prévues et réelles</caption>
                    <thead>
                      <tr>
                        <th scope="col">Étape</th>
                        <th scope="col">Prévue</th>
                        <th scope="col">Réelle</th>
                        <th scope="col">Durée</th>
                      </tr>
                    </thead>
                    <tbody>
                      {x.stages.map((s) => (
                        <tr key={s.stage} aria-current={s.current ? "step" : undefined}>
                          <th scope="row">
                            {s.label}
                            {s.current && " (étape actuelle)"}
                          </th>
                          <td>{s.plannedStart || s.plannedEnd ? `${s.plannedStart || "?"} → ${s.plannedEnd || "?"}` : "—"}</td>
                          <td>{s.enteredAt ? `${s.enteredAt} → ${s.leftAt || "en cours"}` : "—"}</td>
                          <td>
                            {s.days ?? "—"}
                            {s.overdue && " (en retard)"}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            </div>
          </div>

          {x.currentStage && (
            <section aria-labelledby="deliverables-title">
              <h2 id="deliverables-title">Livrables attendus en {x.currentStageLabel?.toLowerCase()}</h2>
              <ul className="fr-raw-list">
                {x.expected.map((dv) => {
                  const f = idsFor(a, `deliverable-${dv.label}`);
                  return (
                    <li key={dv.label} className="fr-mb-3w">
                      <h3 className="fr-h6 fr-mb-1w">
                        {dv.label} {dv.done ? <span className="fr-badge fr-badge--sm fr-badge--success fr-badge--no-icon">{dv.kind === "not_required" ? "Non requis" : "Déposé"}</span> : <span className="fr-badge fr-badge--sm fr-badge--warning fr-badge--no-icon">À déposer</span>}
                      </h3>
                      {dv.done && (
                        <p className="fr-text--sm">
                          {dv.kindLabel} · {dv.updated}
                          {dv.url && (
                            <>
                              {" · "}
                              <a href={dv.url} rel="noopener noreferrer">
                                {dv.url}
                              </a>
                            </>
                          )}
                          {dv.file && (
                            <>
                              {" · "}
                              <a href={`/projets/${p.id}/fichiers/${dv.file.id}`}>{dv.file.name}</a>
                            </>
                          )}
                          {dv.body && (
                            <>
                              <br />
                              {frenchSpaces(dv.body)}
                            </>
                          )}
                        </p>
                      )}
                      {r.edit && (
                        <details open={f.failed || undefined}>
                          <summary>{`${dv.done ? "Remplacer" : "Déposer"} le livrable «\u00a0${dv.label}\u00a0»`}</summary>
                          <AppForm encType="multipart/form-data" noValidate>
                            <input type="hidden" name="intent" value="deliverable" />
                            <input type="hidden" name="stage" value={dv.stage} />
                            <input type="hidden" name="label" value={dv.label} />
                            <RadioGroup
                              name="kind"
                              id={f.id("kind") ?? undefined}
                              legend="Forme du livrable"
                              inline
                              error={f.error("kind")}
                              defaultValue={f.value("kind", "text")}
                              options={Object.entries(deliverableKinds).map(([value, label]) => ({ value, label }))}
                            />
                            <Field name="body" id={f.id("body")} label="Texte, ou motif si non requis" textarea rows={3} error={f.error("body")} defaultValue={f.value("body")} />
                            <Field name="url" id={f.id("url")} type="url" label="Lien (https://…)" error={f.error("url")} defaultValue={f.value("url")} />
                            <div className={`fr-upload-group fr-mb-3w${f.error("file") ? " fr-upload-group--error" : ""}`}>
                              <label className="fr-label" htmlFor={f.id("file") ?? "field-file"}>
                                Fichier (PDF ou image, 10{"\u00a0"}Mo au plus)
                              </label>
                              <input className="fr-upload" type="file" id={f.id("file") ?? "field-file"} name="file" accept="application/pdf,image/*" />
                              {f.error("file") && <p className="fr-error-text">{frenchSpaces(f.error("file")!)}</p>}
                            </div>
                            <SubmitButton secondary>Enregistrer le livrable</SubmitButton>
                          </AppForm>
                        </details>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          )}

          <section aria-labelledby="gate-title">
            <h2 id="gate-title">Passage d’étape</h2>
            {x.pendingReview ? (
              <p>
                Passage à l’étape {x.pendingReview.to.toLowerCase()} demandé le {x.pendingReview.requestedOn}{"\u00a0"}: il attend la décision du {x.pendingReview.committee.toLowerCase()}.
              </p>
            ) : x.nextStageLabel && x.currentStage && p.stage === x.currentStage ? (
              <>
                <p>
                  Prochaine étape{"\u00a0"}: {x.nextStageLabel.toLowerCase()}. La demande ira au {x.nextIsStrategic ? "comité de pilotage (passage stratégique)" : "comité de projet"}, une fois tous les livrables déposés.
                </p>
                {r.requestGate && (
                  <AppForm>
                    <SubmitButton name="intent" value="requestGate">
                      Demander le passage à l’étape {x.nextStageLabel.toLowerCase()}
                    </SubmitButton>
                  </AppForm>
                )}
              </>
            ) : (
              <p>{p.deployed ? "Le projet est déployé\u00a0: il n’y a plus d’étape à franchir." : "Aucun passage d’étape possible pour l’instant."}</p>
            )}
            {x.pendingReview && r.manage && x.pendingReview.recordable && <OutcomeForm a={a} reviewId={x.pendingReview.id} />}
            {x.pendingReview && r.manage && !x.pendingReview.recordable && (
              <p>
                Passage stratégique{"\u00a0"}: inscrivez-le à l’ordre du jour d’une réunion du comité de pilotage (<Link to={`/lab/${p.lab.slug}/comites`}>comités du lab</Link>). Sa décision s’appliquera d’elle-même quand le compte rendu sera validé.
              </p>
            )}
            {x.conditions.length > 0 && (
              <>
                <h3>Conditions à remplir</h3>
                <ul>
                  {x.conditions.map((c) => (
                    <li key={c.id}>
                      {frenchSpaces(c.label)} — {c.met ? `remplie le ${c.metOn}` : "à remplir"}
                      {!c.met && r.edit && (
                        <AppForm className="fr-mt-1w">
                          <input type="hidden" name="conditionId" value={c.id} />
                          <SubmitButton name="intent" value="conditionMet" secondary className="fr-btn--sm">
                            Marquer comme remplie<span className="fr-sr-only">{`\u00a0: ${c.label}`}</span>
                          </SubmitButton>
                        </AppForm>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {x.reviews.length > 0 && (
              <>
                <h3>Décisions des comités</h3>
                <ul>
                  {x.reviews.map((rv) => (
                    <li key={rv.id}>
                      {rv.decidedOn}, {rv.committee.toLowerCase()}, {rv.gate}{"\u00a0"}: {rv.outcome.toLowerCase()}
                      {rv.missing && ` — ce qui manque\u00a0: ${frenchSpaces(rv.missing)}`}
                      {rv.reason && ` — motif\u00a0: ${frenchSpaces(rv.reason)}`}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>

          <section aria-labelledby="indicators-title">
            <h2 id="indicators-title">Indicateurs</h2>
            {x.indicators.length === 0 ? (
              <p>Aucun indicateur pour l’instant.</p>
            ) : (
              <ul>
                {x.indicators.map((i) => (
                  <li key={i.id}>
                    <strong>{i.name}</strong>
                    {i.unit && ` (${i.unit})`}
                    {"\u00a0"}: départ {i.baseline ?? "—"}, cible {i.target ?? "—"}
                    {i.measurements.length > 0 && <> ; mesures{"\u00a0"}: {i.measurements.map((m) => `${m.value.toLocaleString("fr-FR")} le ${m.date}`).join(", ")}</>}
                  </li>
                ))}
              </ul>
            )}
            {x.indicators.length > 0 && <MeasureForm a={a} indicators={x.indicators} />}
            {r.edit && <IndicatorForm a={a} />}
          </section>

          <section aria-labelledby="journal-title">
            <h2 id="journal-title">Journal</h2>
            <JournalForm a={a} />
            <ul>
              {x.journal.map((j) => (
                <li key={j.id}>
                  <strong>{j.date}</strong>
                  {j.author && ` (${j.author})`}
                  {"\u00a0"}: {frenchSpaces(j.body)}
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="files-title">
            <h2 id="files-title">Pièces jointes</h2>
            {x.files.length === 0 ? (
              <p>Aucune pièce jointe.</p>
            ) : (
              <ul>
                {x.files.map((f) => (
                  <li key={f.id}>
                    <a href={`/projets/${p.id}/fichiers/${f.id}`}>{f.name}</a> ({Math.max(1, Math.round(f.size / 1024))}{"\u00a0"}Ko, {f.date})
                  </li>
                ))}
              </ul>
            )}
            {r.edit && (
              <AppForm encType="multipart/form-data" noValidate>
                <input type="hidden" name="intent" value="attach" />
                <div className={`fr-upload-group fr-mb-2w${a && !a.ok && a.errors?.files ? " fr-upload-group--error" : ""}`}>
                  <label className="fr-label" htmlFor="field-files">
                    Ajouter des pièces jointes
                    <span className="fr-hint-text">PDF ou images, 10{"\u00a0"}Mo au plus chacune, 5 à la fois.</span>
                  </label>
                  <input className="fr-upload" type="file" id="field-files" name="files" multiple accept="application/pdf,image/*" />
                  {a && !a.ok && a.errors?.files && <p className="fr-error-text">{frenchSpaces(a.errors.files)}</p>}
                </div>
                <SubmitButton secondary>Ajouter</SubmitButton>
              </AppForm>
            )}
          </section>

          {(x.network.proposals.length > 0 || x.network.labs.length > 0) && <NetworkSection a={a} network={x.network} />}

          {r.manage && <FindPeopleLink />}

          {r.manage && <StatusForms a={a} stage={p.stage} />}
        </>
      )}
    </Page>
  );
}

/** The project proposed to other labs' steering committees (the network of labs), and the form to propose it. */
function NetworkSection({ a, network }: { a?: ActionResult; network: { proposals: { id: string; lab: string; on: string; status: string; decidedOn: string | null; wording: string }[]; labs: { slug: string; name: string }[] } }) {
  const f = idsFor(a, "proposeNetwork");
  return (
    <section aria-labelledby="network-title">
      <h2 id="network-title">Réseau des labs</h2>
      {network.proposals.length > 0 ? (
        <ul>
          {network.proposals.map((x) => (
            <li key={x.id}>
              Proposé le {x.on} au comité de pilotage de {x.lab}{"\u00a0"}: {x.status.toLowerCase()}
              {x.decidedOn && ` (${x.decidedOn})`}
              {x.wording && <>{"\u00a0"}– {frenchSpaces(x.wording)}</>}
            </li>
          ))}
        </ul>
      ) : (
        <p>Ce projet n’a pas encore été proposé à un autre lab.</p>
      )}
      {network.labs.length > 0 && (
        <AppForm noValidate className="fr-mb-4w">
          <input type="hidden" name="intent" value="proposeNetwork" />
          <SelectField name="labSlug" label="Proposer le projet au comité de pilotage de" placeholder="Choisir un lab" error={f.error("labSlug")} defaultValue={f.value("labSlug")} options={network.labs.map((l) => ({ value: l.slug, label: l.name }))} />
          <Field name="message" id={f.id("message")} label="Message au comité (facultatif)" hint={"Pourquoi ce projet intéresse ce lab\u00a0: le reproduire, s’y associer, le soutenir."} textarea rows={3} error={f.error("message")} defaultValue={f.value("message")} />
          <SubmitButton secondary>Proposer au réseau</SubmitButton>
        </AppForm>
      )}
    </section>
  );
}

function OutcomeForm({ a, reviewId }: { a?: ActionResult; reviewId: string }) {
  const f = idsFor(a, "outcome");
  return (
    <AppForm noValidate className="fr-mb-4w">
      <h3>Enregistrer la décision du comité</h3>
      <input type="hidden" name="intent" value="outcome" />
      <input type="hidden" name="reviewId" value={reviewId} />
      <RadioGroup name="outcome" id={f.id("outcome")} legend="Décision" error={f.error("outcome")} defaultValue={f.value("outcome")} options={Object.entries(gateOutcomes).map(([value, label]) => ({ value, label }))} />
      <Field name="conditions" id={f.id("conditions")} label="Conditions (go avec conditions), une par ligne" textarea rows={3} error={f.error("conditions")} defaultValue={f.value("conditions")} />
      <Field name="missing" id={f.id("missing")} label="Ce qui manque (à retravailler)" textarea rows={2} error={f.error("missing")} defaultValue={f.value("missing")} />
      <Field name="reason" id={f.id("reason")} label="Motif (arrêt)" textarea rows={2} error={f.error("reason")} defaultValue={f.value("reason")} />
      <SubmitButton>Enregistrer la décision du comité</SubmitButton>
    </AppForm>
  );
}

function MeasureForm({ a, indicators }: { a?: ActionResult; indicators: { id: string; name: string }[] }) {
  const f = idsFor(a, "measure");
  const id = f.id("indicatorId") ?? "field-indicatorId";
  return (
    <details open={f.failed || undefined} className="fr-mb-2w">
      <summary>Enregistrer une mesure</summary>
      <AppForm noValidate>
        <input type="hidden" name="intent" value="measure" />
        <div className={`fr-select-group${f.error("indicatorId") ? " fr-select-group--error" : ""}`}>
          <label className="fr-label" htmlFor={id}>
            Indicateur
          </label>
          <select className="fr-select" id={id} name="indicatorId" defaultValue={f.value("indicatorId", indicators[0]?.id)}>
            {indicators.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </div>
        <Field name="measuredOn" id={f.id("measuredOn")} type="date" label="Date de la mesure" error={f.error("measuredOn")} defaultValue={f.value("measuredOn")} />
        <Field name="value" id={f.id("value")} label="Valeur mesurée" inputMode="text" error={f.error("value")} defaultValue={f.value("value")} />
        <SubmitButton secondary>Enregistrer la mesure</SubmitButton>
      </AppForm>
    </details>
  );
}

function IndicatorForm({ a }: { a?: ActionResult }) {
  const f = idsFor(a, "indicator");
  return (
    <details open={f.failed || undefined} className="fr-mb-2w">
      <summary>Ajouter un indicateur</summary>
      <AppForm noValidate>
        <input type="hidden" name="intent" value="indicator" />
        <Field name="name" id={f.id("name")} label="Nom de l’indicateur" error={f.error("name")} defaultValue={f.value("name")} />
        <Field name="unit" id={f.id("unit")} label="Unité (facultative)" error={f.error("unit")} defaultValue={f.value("unit")} />
        <Field name="baseline" id={f.id("baseline")} label="Valeur de départ (facultative)" error={f.error("baseline")} defaultValue={f.value("baseline")} />
        <Field name="target" id={f.id("target")} label="Cible (facultative)" error={f.error("target")} defaultValue={f.value("target")} />
        <SubmitButton secondary>Ajouter l’indicateur</SubmitButton>
      </AppForm>
    </details>
  );
}

function JournalForm({ a }: { a?: ActionResult }) {
  const f = idsFor(a, "journal");
  return (
    <details open={f.failed || undefined} className="fr-mb-2w">
      <summary>Écrire dans le journal</summary>
      <AppForm noValidate>
        <input type="hidden" name="intent" value="journal" />
        <Field name="entryOn" id={f.id("entryOn")} type="date" label="Date" error={f.error("entryOn")} defaultValue={f.value("entryOn")} />
        <Field name="body" id={f.id("body")} label="Entrée du journal" textarea rows={3} error={f.error("body")} defaultValue={f.value("body")} />
        <SubmitButton secondary>Ajouter au journal</SubmitButton>
      </AppForm>
    </details>
  );
}

function StatusForms({ a, stage }: { a?: ActionResult; stage: string }) {
  if (stage === "stopped") return null;
  const pause = idsFor(a, "pause");
  const stop = idsFor(a, "stop");
  return (
    <section aria-labelledby="status-title">
      <h2 id="status-title">Mettre en pause, arrêter</h2>
      {stage === "paused" ? (
        <AppForm className="fr-mb-2w">
          <SubmitButton name="intent" value="resume" secondary>
            Reprendre le projet
          </SubmitButton>
        </AppForm>
      ) : (
        <details open={pause.failed || undefined} className="fr-mb-2w">
          <summary>Mettre le projet en pause</summary>
          <AppForm noValidate>
            <input type="hidden" name="intent" value="pause" />
            <Field name="reason" id={pause.id("reason")} label="Motif de la pause" textarea rows={2} error={pause.error("reason")} defaultValue={pause.value("reason")} />
            <SubmitButton secondary>Mettre en pause</SubmitButton>
          </AppForm>
        </details>
      )}
      <details open={stop.failed || undefined}>
        <summary>Arrêter le projet</summary>
        <AppForm noValidate>
          <input type="hidden" name="intent" value="stop" />
          <Field name="reason" id={stop.id("reason")} label="Motif de l’arrêt" textarea rows={2} error={stop.error("reason")} defaultValue={stop.value("reason")} />
          <SubmitButton secondary>Arrêter le projet</SubmitButton>
        </AppForm>
      </details>
    </section>
  );
}
