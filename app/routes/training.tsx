import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/training";
import { formError, invalid, parseForm } from "~/kernel/forms";
import { Refusal } from "~/kernel/permissions";
import { frenchSpaces } from "~/kernel/format";
import { AppForm, ErrorSummary, Field, PageTitle, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { seatAction, trainingPage } from "~/trainings";
import { seatActionSchema } from "~/trainings/schemas";
import { StatusBadge, TrainingCrumbs } from "~/trainings/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

const done: Record<string, string> = {
  inscrit: "Votre inscription est confirmée.",
  attente: "La session est complète : vous êtes inscrit ou inscrite sur la liste d’attente. Si une place se libère, elle vous sera proposée par notification et par courriel.",
  accord: "Votre demande est envoyée à votre responsable : vous serez inscrit ou inscrite dès son accord.",
  annule: "Votre inscription est annulée.",
  confirme: "Votre place est confirmée.",
};

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const page = await trainingPage(viewer, params.trainingId).catch(loaderFailure);
  const fait = new URL(request.url).searchParams.get("fait") ?? "";
  return { ...page, done: done[fait] ? frenchSpaces(done[fait]) : null };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    // who may, before what was sent: the training must be seen, and registering open to the viewer's administration
    const page = await trainingPage(viewer, params.trainingId);
    if (fd.get("intent") === "register" && !page.rights.register) throw new Refusal("Cette formation n’est pas ouverte à votre administration.", 403);
    const p = parseForm(fd, seatActionSchema);
    if (!p.ok) return p.errors.managerEmail ? invalid(p) : formError(fd, "Action inconnue.");
    const result = await seatAction(viewer, params.trainingId, p.data);
    return redirect(`/formations/${params.trainingId}?fait=${result}`);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function TrainingPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const t = d.training;
  return (
    <Page>
      <PageTitle title={`${t.title} – Formations`} error={!!a && !a.ok} />
      <TrainingCrumbs steps={[{ to: "/formations", label: "Formations" }, { label: t.title }]} />
      <h1>{t.title}</h1>
      {d.done && (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <p>{d.done}</p>
        </div>
      )}
      {a && !a.ok && <ErrorSummary errors={a.errors} formError={a.formError} />}
      <p className="fr-text--lead">
        {d.lab.name} ({t.sideLabel}) · {t.format} · {t.duration}
      </p>
      <p>
        {t.openTo}.{" "}
        {d.through === "reciprocal" && <strong>Vous pouvez vous inscrire grâce à l’offre réciproque.</strong>}
        {!d.through && <>{d.viewerSide ? `Elle n’est pas ouverte aux agents de votre administration (${d.viewerSide}).` : "Votre organisation ne précise pas votre administration : vous ne pouvez pas vous inscrire."}</>}
      </p>
      {d.rights.manage && (
        <p>
          <Link to={`/lab/${d.lab.slug}/formations/${t.id}`}>Gérer la formation et ses sessions</Link>
        </p>
      )}
      {t.objectives && (
        <>
          <h2>Objectifs</h2>
          <p style={{ whiteSpace: "pre-line" }}>{frenchSpaces(t.objectives)}</p>
        </>
      )}
      {t.methods.length > 0 && (
        <>
          <h2>Méthodes enseignées</h2>
          <ul>
            {t.methods.map((m) => (
              <li key={m.name}>{m.sheetId ? <Link to={`/ressources/${m.sheetId}`}>{frenchSpaces(m.name)}</Link> : frenchSpaces(m.name)}</li>
            ))}
          </ul>
        </>
      )}
      {t.audience && (
        <>
          <h2>Public</h2>
          <p>{frenchSpaces(t.audience)}</p>
        </>
      )}
      <h2>Sessions</h2>
      <p className="fr-text--sm">
        Si une session est complète, inscrivez-vous sur sa liste d’attente{"\u00a0"}: quand une place se libère, elle est proposée à la première personne de la liste, qui a {t.confirmHours}
        {"\u00a0"}heures pour la confirmer. Vous pouvez être sur les listes de plusieurs sessions{"\u00a0"}; dès que votre place est confirmée dans l’une, vous quittez les autres.
        {t.managerApproval && " L’inscription demande l’accord de votre responsable, par un lien que nous lui envoyons."}
      </p>
      {d.sessions.length === 0 ? (
        <p>Aucune session n’est programmée pour l’instant.</p>
      ) : (
        <ul className="fr-raw-list">
          {d.sessions.map((s) => (
            <li key={s.id} className="fr-card fr-card--no-arrow fr-mb-3w" data-session={s.id}>
              <div className="fr-card__body">
                <div className="fr-card__content">
                  <h3 className="fr-card__title">Session du {s.when}</h3>
                  <div className="fr-card__desc">
                    <p className="fr-mb-1v">
                      {s.place || (s.hasLink ? "À distance" : "Lieu à préciser")}
                      {s.link && (
                        <>
                          {" · "}
                          <a href={s.link} rel="noopener noreferrer">
                            Lien de la visioconférence
                          </a>
                        </>
                      )}
                    </p>
                    <p className="fr-mb-1v">
                      {s.capacity}
                      {"\u00a0"}places · {s.free === 0 ? "complète" : `${s.free}\u00a0${s.free > 1 ? "places libres" : "place libre"}`}
                      {s.waiting > 0 && ` · ${s.waiting}\u00a0${s.waiting > 1 ? "personnes" : "personne"} en liste d’attente`}
                      {s.trainers.length > 0 && ` · animée par ${s.trainers.join(", ")}`}
                    </p>
                    {s.standing && (
                      <div className="fr-mb-1w">
                        <StatusBadge status={s.standing.status} label={s.standing.status === "waiting" && s.standing.position ? `Liste d’attente\u00a0: position ${s.standing.position}` : s.standing.statusLabel} />
                        {s.standing.offeredUntil && <p className="fr-mb-0"><strong>Une place vous est proposée{"\u00a0"}: confirmez-la avant le {s.standing.offeredUntil}.</strong></p>}
                      </div>
                    )}
                    {s.awaitingApproval && <p className="fr-mb-1v">En attente de l’accord de votre responsable.</p>}
                    {s.past && !s.standing && <p className="fr-mb-1v">Session passée.</p>}
                    {s.attestation && (
                      <p className="fr-mb-1v">
                        <a href={`/formations/${t.id}/sessions/${s.id}/attestation.pdf`} download>
                          Télécharger mon attestation (PDF)
                        </a>
                      </p>
                    )}
                    <div className="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
                      {s.standing?.status === "offered" && (
                        <AppForm>
                          <input type="hidden" name="sessionId" value={s.id} />
                          <SubmitButton name="intent" value="confirm">
                            Confirmer ma place
                          </SubmitButton>
                        </AppForm>
                      )}
                      {s.standing && !s.past && (
                        <AppForm>
                          <input type="hidden" name="sessionId" value={s.id} />
                          <SubmitButton name="intent" value="cancel" secondary>
                            {s.standing.status === "waiting" ? "Quitter la liste d’attente" : s.standing.status === "offered" ? "Refuser la place" : "Annuler mon inscription"}
                          </SubmitButton>
                        </AppForm>
                      )}
                      {s.mayRegister && (
                        <AppForm>
                          <input type="hidden" name="sessionId" value={s.id} />
                          {t.managerApproval && (
                            <Field name="managerEmail" id={valueOf(a?.values, "sessionId") === s.id ? undefined : `manager-${s.id}`} label="Adresse électronique de votre responsable" type="email" autoComplete="off" error={valueOf(a?.values, "sessionId") === s.id ? a?.errors?.managerEmail : undefined} defaultValue={valueOf(a?.values, "sessionId") === s.id ? valueOf(a?.values, "managerEmail") : ""} required />
                          )}
                          <SubmitButton name="intent" value="register">
                            {s.free === 0 ? "M’inscrire sur la liste d’attente" : t.managerApproval ? "Demander l’accord et m’inscrire" : "M’inscrire"}
                          </SubmitButton>
                        </AppForm>
                      )}
                    </div>
                  </div>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
