import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/committee-meeting";
import { formError, invalid, parseForm } from "~/kernel/forms";
import { formatDate, formatDateTime, frenchSpaces, plural } from "~/kernel/format";
import { Refusal } from "~/kernel/permissions";
import { AppForm, CheckboxGroup, ErrorSummary, Field, PageTitle, SelectField, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { addAgendaItem, castVote, conveneMeeting, meetingPage, moveAgendaItem, recordAttendance, recordDecision, recordSecretCounts, removeAgendaItem, setAgendaItemSecret } from "~/committees";
import { itemKindLabels } from "~/committees/labels";
import { meetingActionSchema } from "~/committees/schemas";
import { CommitteeCrumbs, TallyTable, VoteForm, tallyText } from "~/committees/client";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const page = await meetingPage(s, params.labSlug, params.committeeId, params.meetingId).catch(loaderFailure);
  const url = new URL(request.url);
  const done = url.searchParams.get("fait");
  const flash = url.searchParams.has("planifiee") ? "La réunion est planifiée : composez son ordre du jour, puis envoyez la convocation." : done && done in messages ? messages[done] : null;
  return { ...page, me: s.userId, flash };
}

const messages: Record<string, string> = {
  addItem: "Le point est ajouté à l’ordre du jour.",
  addAwaiting: "Le dossier est inscrit à l’ordre du jour.",
  attendance: "Les présences sont enregistrées.",
  vote: "Votre vote est enregistré.",
  secretCounts: "Le décompte du vote à bulletin secret est enregistré.",
  decide: "La décision est enregistrée.",
  moveItem: "L’ordre du jour est réordonné.",
  removeItem: "Le point est retiré de l’ordre du jour.",
  setSecret: "Le mode de vote du point est changé.",
};

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    const page = await meetingPage(s, params.labSlug, params.committeeId, params.meetingId);
    const intent = fd.get("intent");
    // who may act, before what they sent: members vote, the lab team prepares and records
    if (intent === "vote") {
      if (!page.members.some((m) => m.userId === s.userId)) throw new Refusal("Seuls les membres du comité votent.", 403);
    } else if (!page.rights.mayManage) throw new Refusal("Seule l’équipe du lab prépare les réunions du comité.", 403);
    const p = parseForm(fd, meetingActionSchema);
    if (!p.ok) return intent === "addItem" || intent === "vote" || intent === "secretCounts" || intent === "decide" ? invalid(p) : formError(fd, Object.values(p.errors)[0] ?? "Action inconnue.");
    const at = [params.labSlug, params.committeeId, params.meetingId] as const;
    const input = p.data;
    switch (input.intent) {
      case "addItem":
        await addAgendaItem(s, ...at, { kind: input.kind, title: input.title, summary: input.summary, secret: input.secret === "on" });
        break;
      case "addAwaiting":
        await addAgendaItem(s, ...at, { kind: input.kind, subjectId: input.subjectId, title: "", summary: "", secret: input.secret === "on" });
        break;
      case "convene": {
        const r = await conveneMeeting(s, ...at);
        return { ok: true, message: `La convocation est envoyée à ${plural(r.mails, "membre", "membres")}, avec l’invitation à ajouter à leur agenda.` };
      }
      case "attendance":
        await recordAttendance(s, ...at, input.present);
        break;
      case "vote":
        await castVote(s, ...at, input.itemId, input.choice);
        break;
      case "secretCounts":
        await recordSecretCounts(s, ...at, input.itemId, {
          state: { for: input.state_for, against: input.state_against, abstain: input.state_abstain },
          region: { for: input.region_for, against: input.region_against, abstain: input.region_abstain },
          all: { for: input.all_for, against: input.all_against, abstain: input.all_abstain },
        });
        break;
      case "decide":
        await recordDecision(s, ...at, input.itemId, input.wording);
        break;
      case "moveItem":
        await moveAgendaItem(s, ...at, input.itemId, input.direction);
        break;
      case "removeItem":
        await removeAgendaItem(s, ...at, input.itemId);
        break;
      case "setSecret":
        await setAgendaItemSecret(s, ...at, input.itemId, input.secret === "on");
        break;
    }
    const here = new URL(request.url).pathname;
    if (input.intent === "vote" || input.intent === "decide" || input.intent === "secretCounts" || input.intent === "moveItem" || input.intent === "setSecret") return redirect(`${here}?fait=${input.intent}#point-${input.itemId}`);
    return redirect(`${here}?fait=${input.intent}`);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function MeetingPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const v = (k: string, fallback = "") => valueOf(a?.values, k, fallback);
  const intent = v("intent");
  const title = `${d.committee.name} – réunion du ${formatDate(d.meeting.startsAt)}`;
  const me = d.members.find((m) => m.userId === d.me);
  const base = d.paths.meeting;
  const itemError = (itemId: string, ...keys: string[]) => (a && !a.ok && v("itemId") === itemId ? (keys.map((k) => a.errors?.[k]).find(Boolean) ?? a.formError) : undefined);
  return (
    <Page>
      <PageTitle title={title} error={!!a && !a.ok} />
      <CommitteeCrumbs labSlug={d.lab.slug} steps={[{ to: d.paths.committee, label: d.committee.name }, { label: `Réunion du ${formatDate(d.meeting.startsAt)}` }]} />
      <h1>{title}</h1>
      {((a?.ok && a.message) || d.flash) && (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <p>{frenchSpaces((a?.ok && a.message) || d.flash || "")}</p>
        </div>
      )}
      {a && !a.ok && intent !== "addItem" && <ErrorSummary errors={a.errors} formError={a.formError} />}
      <ul>
        <li>Le {formatDateTime(d.meeting.startsAt)}, jusqu’à {formatDateTime(d.meeting.endsAt).split(" à ")[1]}</li>
        {d.meeting.place && <li>Lieu : {d.meeting.place}</li>}
        {d.meeting.videoUrl && (
          <li style={{ overflowWrap: "anywhere" }}>
            Visioconférence : <a href={d.meeting.videoUrl}>{d.meeting.videoUrl}</a>
          </li>
        )}
        <li>{d.meeting.convenedAt ? `Convocation envoyée le ${formatDate(d.meeting.convenedAt)}` : "Convocation pas encore envoyée"}</li>
        {me && <li>Vous siégez{me.sideLabel ? ` pour ${me.side === "state" ? "l’État" : "la Région"}` : ""} ; {me.present ? "vous êtes noté présent ou présente." : "vous n’êtes pas noté présent ou présente."}</li>}
      </ul>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-mb-3w">
        <li>
          <a className="fr-btn fr-btn--secondary" href={`${base}/invitation.ics`} download>
            Ajouter à mon agenda (.ics)
          </a>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary" to={`${base}/dossiers`}>
            Dossiers imprimables
          </Link>
        </li>
        {(d.minutes?.validatedAt || d.rights.mayManage || d.rights.mayValidateMinutes) && (
          <li>
            <Link className="fr-btn fr-btn--secondary" to={`${base}/compte-rendu`}>
              {d.minutes?.validatedAt ? "Compte rendu" : "Compte rendu (projet)"}
            </Link>
          </li>
        )}
      </ul>
      {d.previous && (
        <p>
          Réunion précédente : {formatDate(d.previous.startsAt)}
          {d.previous.minutes === "validated" ? (
            <>
              {" "}– <Link to={`${d.paths.committee}/reunions/${d.previous.id}/compte-rendu`}>son compte rendu validé</Link>
            </>
          ) : (
            " – compte rendu pas encore validé"
          )}
          .
        </p>
      )}

      <section aria-labelledby="quorum" className={`fr-callout ${d.quorum.met ? "" : "fr-callout--orange-terre-battue"} fr-mb-4w`}>
        <h2 id="quorum" className="fr-callout__title fr-h5">
          Quorum {d.quorum.met ? "atteint" : "non atteint"}
        </h2>
        <p className="fr-callout__text fr-text--md">
          Règle : {d.quorum.rule}.{" "}
          {d.quorum.groups.map((g) => `${g.sideLabel} : ${g.present} présents sur ${g.members} (${g.needed} requis)`).join(" ; ")}.
          {!d.quorum.met && " Sans quorum, la réunion ne prend aucune décision."}
        </p>
      </section>

      <section aria-labelledby="agenda">
        <h2 id="agenda">Ordre du jour</h2>
        {d.items.length === 0 && <p>Aucun point pour l’instant.</p>}
        {d.items.map((i) => (
          <article key={i.id} id={`point-${i.id}`} className="fr-mb-5w" aria-labelledby={`point-${i.id}-title`}>
            <h3 id={`point-${i.id}-title`} className="fr-h5">
              {i.position}. {frenchSpaces(i.title)}
            </h3>
            <p className="fr-mb-1w">
              <span className="fr-badge fr-badge--sm fr-badge--info fr-mr-1w">{i.kindLabel}</span>
              {i.secret && <span className="fr-badge fr-badge--sm">Vote à bulletin secret</span>}
            </p>
            {d.rights.mayManage && !d.minutes?.validatedAt && <ItemTools item={i} first={i.position === 1} last={i.position === d.items.length} />}
            {i.summary && (
              <details className="fr-mb-2w">
                <summary>Dossier</summary>
                <p className="germoir-prewrap">{frenchSpaces(i.summary)}</p>
              </details>
            )}
            {(i.decision || i.tally.some((t) => t.for + t.against + t.abstain > 0)) && <TallyTable tally={i.tally} caption={`Décompte des votes sur « ${i.title} »`} />}
            {i.decision ? (
              <p className={`fr-badge ${i.decision.adopted ? "fr-badge--success" : "fr-badge--error"} fr-mb-1w`}>{i.decision.adopted ? "Adopté" : "Non adopté"}</p>
            ) : null}
            {i.decision && <p>{frenchSpaces(i.decision.wording)}</p>}
            {i.voters.length > 0 && (
              <details className="fr-mb-2w">
                <summary>Votes nominatifs ({i.voters.length})</summary>
                <ul>
                  {i.voters.map((x, k) => (
                    <li key={k}>
                      {x.name}
                      {x.sideLabel ? ` (${x.sideLabel})` : ""} : {x.choice.toLowerCase()}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {me && <VoteForm itemId={i.id} title={i.title} myVote={i.myVote} blocked={i.voteBlocked} error={intent === "vote" ? itemError(i.id, "choice") : undefined} />}
            {d.rights.mayManage && !d.minutes?.validatedAt && d.quorum.met && (
              <>
                {i.secret && (
                  <AppForm className="fr-mb-2w">
                    <input type="hidden" name="intent" value="secretCounts" />
                    <input type="hidden" name="itemId" value={i.id} />
                    <fieldset className="fr-fieldset" aria-labelledby={`secret-${i.id}`}>
                      <legend id={`secret-${i.id}`} className="fr-fieldset__legend fr-text--regular">
                        Décompte des bulletins<span className="fr-sr-only"> sur « {i.title} »</span>
                      </legend>
                      {(d.committee.paritary ? (["state", "region"] as const) : (["all"] as const)).map((side) => (
                        <div key={side} className="fr-fieldset__element">
                          <p className="fr-mb-1w">{side === "state" ? "État" : side === "region" ? "Région" : "Membres"}</p>
                          <div className="fr-grid-row fr-grid-row--gutters">
                            {(["for", "against", "abstain"] as const).map((c) => (
                              <div key={c} className="fr-col-4">
                                <Field
                                  id={intent === "secretCounts" && a?.errors?.[`${side}_${c}`] && v("itemId") === i.id ? `field-${side}_${c}` : `${i.id}-${side}_${c}`}
                                  error={intent === "secretCounts" && v("itemId") === i.id ? a?.errors?.[`${side}_${c}`] : undefined}
                                  name={`${side}_${c}`}
                                  type="number"
                                  min={0}
                                  label={`${c === "for" ? "Pour" : c === "against" ? "Contre" : "Abstentions"}${side === "all" ? "" : ` (${side === "state" ? "État" : "Région"})`}`}
                                  defaultValue={String(i.tally.find((t) => (t.side ?? "all") === side)?.[c] ?? 0)}
                                />
                              </div>
                            ))}
                          </div>
                        </div>
                      ))}
                    </fieldset>
                    <SubmitButton secondary>
                      Enregistrer le décompte<span className="fr-sr-only"> de « {i.title} »</span>
                    </SubmitButton>
                  </AppForm>
                )}
                <AppForm className="fr-mb-2w">
                  <input type="hidden" name="intent" value="decide" />
                  <input type="hidden" name="itemId" value={i.id} />
                  <p className="fr-text--sm fr-mb-1w">
                    Selon le décompte actuel : {i.provisional.adopted ? "adopté" : `non adopté (${i.provisional.reason})`}. {i.tally.map(tallyText).join(" ; ")}.
                  </p>
                  <Field
                    id={intent === "decide" && itemError(i.id, "wording") ? "field-wording" : `wording-${i.id}`}
                    name="wording"
                    label={<>Décision (facultatif)<span className="fr-sr-only"> sur « {i.title} »</span></>}
                    hint="Sans texte : « Adopté. » ou « Non adopté » avec la raison."
                    error={intent === "decide" ? itemError(i.id, "wording") : undefined}
                    defaultValue={i.decision?.wording ?? ""}
                    maxLength={2000}
                  />
                  <SubmitButton secondary>
                    {i.decision ? "Enregistrer de nouveau la décision" : "Clore le vote et enregistrer la décision"}
                    <span className="fr-sr-only"> sur « {i.title} »</span>
                  </SubmitButton>
                </AppForm>
              </>
            )}
          </article>
        ))}
      </section>

      {d.rights.mayManage && !d.minutes?.validatedAt && (
        <>
          <section aria-labelledby="add-item" className="fr-mt-4w">
            <h2 id="add-item">Ajouter un point</h2>
            <AppForm>
              <input type="hidden" name="intent" value="addItem" />
              {intent === "addItem" && <ErrorSummary errors={a?.errors} formError={a?.formError} />}
              <SelectField
                name="kind"
                label="Type de point"
                error={intent === "addItem" ? a?.errors?.kind : undefined}
                defaultValue={intent === "addItem" ? v("kind", "free") : "free"}
                options={Object.entries(itemKindLabels).map(([value, label]) => ({ value, label }))}
              />
              <Field name="title" label="Titre" hint="Pour un dossier (projet, demande), son titre." error={intent === "addItem" ? a?.errors?.title : undefined} defaultValue={intent === "addItem" ? v("title") : ""} maxLength={200} />
              <Field name="summary" textarea rows={4} label="Dossier (facultatif)" hint="Une page de synthèse, envoyée avec la convocation." error={intent === "addItem" ? a?.errors?.summary : undefined} defaultValue={intent === "addItem" ? v("summary") : ""} />
              <div className="fr-checkbox-group fr-mb-3w">
                <input type="checkbox" id="secret" name="secret" defaultChecked={intent === "addItem" && v("secret") === "on"} />
                <label className="fr-label" htmlFor="secret">
                  Vote à bulletin secret (seuls les décomptes sont enregistrés)
                </label>
              </div>
              <SubmitButton>Ajouter le point</SubmitButton>
            </AppForm>
          </section>
          {d.awaiting.length > 0 && (
            <section aria-labelledby="awaiting" className="fr-mt-4w">
              <h2 id="awaiting">En attente du comité</h2>
              <ul>
                {d.awaiting.map((x) => (
                  <li key={`${x.kind}-${x.subjectId}`} className="fr-mb-2w">
                    {frenchSpaces(x.title)} <span className="fr-text--sm">({x.kindLabel.toLowerCase()})</span>
                    <AppForm>
                      <input type="hidden" name="intent" value="addAwaiting" />
                      <input type="hidden" name="kind" value={x.kind} />
                      <input type="hidden" name="subjectId" value={x.subjectId} />
                      <SubmitButton secondary className="fr-btn--sm">
                        Inscrire à l’ordre du jour<span className="fr-sr-only"> : {x.title}</span>
                      </SubmitButton>
                    </AppForm>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="attendance" className="fr-mt-4w">
            <h2 id="attendance">Présences</h2>
            <AppForm>
              <input type="hidden" name="intent" value="attendance" />
              <CheckboxGroup
                name="present"
                legend="Membres présents"
                defaultValues={d.members.filter((m) => m.present).map((m) => m.userId)}
                options={d.members.map((m) => ({ value: m.userId, label: `${m.name}${m.sideLabel ? ` – ${m.sideLabel}` : ""}` }))}
              />
              <SubmitButton secondary>Enregistrer les présences</SubmitButton>
            </AppForm>
          </section>
          <section aria-labelledby="convene" className="fr-mt-4w">
            <h2 id="convene">Convocation</h2>
            <p>Chaque membre reçoit par courriel l’ordre du jour, les dossiers et l’invitation à ajouter à son agenda (.ics).</p>
            <AppForm>
              <input type="hidden" name="intent" value="convene" />
              <SubmitButton secondary>{d.meeting.convenedAt ? "Envoyer de nouveau la convocation" : "Envoyer la convocation"}</SubmitButton>
            </AppForm>
          </section>
        </>
      )}
    </Page>
  );
}

/** The lab team's tools on one agenda item: move it, take it off, choose how it is voted (the last two only before any vote). */
function ItemTools({ item, first, last }: { item: { id: string; title: string; secret: boolean; untouched: boolean }; first: boolean; last: boolean }) {
  const about = <span className="fr-sr-only"> «&nbsp;{item.title}&nbsp;»</span>;
  const tool = (intent: string, label: string, extra?: [string, string]) => (
    <AppForm className="fr-mr-1w fr-mb-1w">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="itemId" value={item.id} />
      {extra && <input type="hidden" name={extra[0]} value={extra[1]} />}
      <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary">
        {label}
        {about}
      </button>
    </AppForm>
  );
  return (
    <div className="germoir-item-tools fr-mb-2w">
      {!first && tool("moveItem", "Monter", ["direction", "up"])}
      {!last && tool("moveItem", "Descendre", ["direction", "down"])}
      {item.untouched && tool("setSecret", item.secret ? "Voter à main levée" : "Voter à bulletin secret", ["secret", item.secret ? "off" : "on"])}
      {item.untouched && tool("removeItem", "Retirer de l’ordre du jour")}
    </div>
  );
}
