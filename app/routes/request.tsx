import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/request";
import { invalid, parseForm } from "~/kernel/forms";
import { ErrorSummary, PageTitle, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb, SuccessNotice } from "~/kernel/ui/page";
import { formatDate, formatDateTime } from "~/kernel/format";
import {
  accept,
  acceptSchema,
  assign,
  assignSchema,
  confirmSponsor,
  decline,
  declineSchema,
  expertSchema,
  inviteExpert,
  messageSchema,
  noteSchema,
  opinionSchema,
  postMessage,
  postNote,
  postOpinion,
  proposeToSteering,
  qualify,
  qualifySchema,
  reorient,
  reorientSchema,
  requestPage,
  rightsOn,
  type RequestRights,
} from "~/requests";
import { AttachmentsField, frenchSpaces, Conversation, EventList, Field, IntentForm, Link, RadioGroup, SelectField, StatusBadge, fieldsOf } from "~/requests/client";
import { acceptAsProject, projectForRequest, projectSummaries } from "~/projects";
import { forbidden } from "~/kernel/permissions";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { formError } from "~/kernel/forms";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

const done: Record<string, string> = {
  envoyee: "Votre demande est envoyée au lab. Vous suivez ses suites ici et dans « Mes demandes ».",
  brouillon: "Brouillon enregistré. Il n’est pas encore envoyé au lab.",
  message: "Message envoyé.",
  note: "Note interne enregistrée.",
  opinion: "Votre avis est transmis à l’équipe du lab.",
  qualify: "La demande est en qualification.",
  accept: "La demande est acceptée.",
  decline: "La demande est déclinée.",
  reorient: "La demande est réorientée vers l’autre lab.",
  assign: "Responsable enregistré.",
  expert: "L’expert est sollicité : il voit cette demande et sa conversation.",
  confirmSponsor: "Merci : votre soutien à cette demande est confirmé.",
  proposeSteering: "La demande est proposée au comité de pilotage : elle attend sa prochaine réunion.",
};

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const page = await requestPage(viewer, params.requestId).catch(loaderFailure);
  // the project born from the request, if the projects module lets this viewer see it
  const project = page.request.projectId ? ((await projectSummaries(viewer, [page.request.projectId])).get(page.request.projectId) ?? null) : null;
  const url = new URL(request.url);
  const flag = [...url.searchParams.keys()].find((k) => Object.hasOwn(done, k)) ?? url.searchParams.get("fait");
  return { ...page, project, notice: flag && Object.hasOwn(done, flag) ? done[flag] : null };
}

/** The right each intent needs, checked before the form is read. */
const needs: Record<string, keyof RequestRights> = {
  message: "mayConverse",
  note: "mayWriteNote",
  opinion: "mayGiveOpinion",
  qualify: "mayManage",
  accept: "mayManage",
  decline: "mayManage",
  reorient: "mayManage",
  assign: "mayManage",
  expert: "mayManage",
  createProject: "mayManage",
  proposeSteering: "mayManage",
  confirmSponsor: "mayConfirmSponsor",
};

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const rights = await rightsOn(viewer, params.requestId).catch(loaderFailure);
  const fd = await readForm(request);
  const intent = String(fd.get("intent") ?? "");
  if (!Object.hasOwn(needs, intent)) return formError(fd, "Action inconnue.");
  if (!rights[needs[intent]]) forbidden("Vous ne pouvez pas faire cela sur cette demande.");
  const id = params.requestId;
  const back = () => redirect(`/demandes/${id}?fait=${intent}`);
  try {
    switch (intent) {
      case "message": {
        const p = parseForm(fd, messageSchema);
        if (!p.ok) return invalid(p);
        await postMessage(viewer, id, p.data.body, fd.getAll("attachments"));
        return back();
      }
      case "note": {
        const p = parseForm(fd, noteSchema);
        if (!p.ok) return invalid(p);
        await postNote(viewer, id, p.data.note);
        return back();
      }
      case "opinion": {
        const p = parseForm(fd, opinionSchema);
        if (!p.ok) return invalid(p);
        await postOpinion(viewer, id, p.data.opinion);
        return back();
      }
      case "qualify": {
        const p = parseForm(fd, qualifySchema);
        if (!p.ok) return invalid(p);
        await qualify(viewer, id, p.data.question);
        return back();
      }
      case "accept": {
        const p = parseForm(fd, acceptSchema);
        if (!p.ok) return invalid(p);
        if (p.data.outcome === "project") {
          // « Accepter et créer le projet »: the acceptance and the project's birth, one use case
          const project = await acceptAsProject(viewer, id, p.data.acceptMessage);
          return redirect(`/projets/${project.id}?depuis-demande`);
        }
        await accept(viewer, id, p.data.outcome, p.data.acceptMessage);
        return back();
      }
      case "decline": {
        const p = parseForm(fd, declineSchema);
        if (!p.ok) return invalid(p);
        await decline(viewer, id, p.data.reason);
        return back();
      }
      case "reorient": {
        const p = parseForm(fd, reorientSchema);
        if (!p.ok) return invalid(p);
        await reorient(viewer, id, p.data.toLabId, p.data.reorientMessage);
        return back();
      }
      case "assign": {
        const p = parseForm(fd, assignSchema);
        if (!p.ok) return invalid(p);
        await assign(viewer, id, p.data.assigneeId);
        return back();
      }
      case "expert": {
        const p = parseForm(fd, expertSchema);
        if (!p.ok) return invalid(p);
        await inviteExpert(viewer, id, p.data.email);
        return back();
      }
      case "confirmSponsor":
        await confirmSponsor(viewer, id);
        return back();
      case "proposeSteering":
        await proposeToSteering(viewer, id);
        return back();
      case "createProject": {
        const project = await projectForRequest(viewer, id);
        return redirect(`/projets/${project.id}?depuis-demande`);
      }
    }
    return formError(fd, "Action inconnue.");
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="fr-text--bold fr-mb-0">{label}</dt>
      <dd className="fr-ml-0 fr-mb-2w">{children}</dd>
    </>
  );
}

export default function RequestPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const r = d.request;
  const f = (intent: string) => fieldsOf(a, intent);
  return (
    <Page>
      <PageTitle title={`Demande – ${r.title}`} error={!!a && !a.ok} />
      <Breadcrumb items={r.mine ? [{ label: "Mes demandes", to: "/mes-demandes" }] : d.rights.mayManage ? [{ label: "Espace lab", to: "/lab" }, { label: `Guichet – ${r.lab.name}`, to: `/lab/${r.lab.slug}/guichet` }] : [{ label: "Guichet unique", to: "/guichet" }]} current={r.title} />
      <SuccessNotice message={d.notice} />
      {a && !a.ok && !Object.hasOwn(needs, valueOf(a.values, "intent")) && <ErrorSummary errors={a.errors} formError={a.formError} />}
      <h1>{frenchSpaces(r.title)}</h1>
      <StatusBadge status={r.status} label={r.statusLabel} />
      <p className="fr-mt-2w">{frenchSpaces(r.sentence)}</p>
      {r.overdue && <p className="fr-badge fr-badge--warning">Délai de réponse dépassé (promesse{"\u00a0"}: {r.answerDays}{"\u00a0"}jours ouvrés)</p>}
      {d.project && (
        <p>
          <Link to={`/projets/${d.project.id}`}>
            Projet {"\u00ab\u00a0"}
            {frenchSpaces(d.project.title)}
            {"\u00a0\u00bb"}
          </Link>{" "}
          – étape{"\u00a0"}: {d.project.stageLabel.toLowerCase()}
        </p>
      )}
      {d.rights.mayManage && r.status === "accepted" && r.outcomeKey === "project" && !r.projectId && (
        <IntentForm intent="createProject" a={a} submit="Créer le projet">
          <p>La demande est acceptée pour un projet{"\u202f"}: créez-le, ses champs sont repris de la demande.</p>
        </IntentForm>
      )}
      {r.continuationId && (
        <p>
          <Link to={`/demandes/${r.continuationId}`}>Voir la suite de la demande auprès de {r.reorientedTo?.name}</Link>
        </p>
      )}
      {d.rights.mayEdit && (
        <p>
          <Link className="fr-btn" to={`/demandes/${r.id}/modifier`}>
            Modifier et envoyer le brouillon
          </Link>
        </p>
      )}
      {d.rights.mayConfirmSponsor && (
        <div className="fr-callout fr-mb-4w">
          <p className="fr-callout__text">{r.requester} vous indique comme commanditaire de cette demande. Confirmez-vous votre soutien{"\u202f"}?</p>
          <IntentForm intent="confirmSponsor" a={a} submit="Je confirme mon soutien" />
        </div>
      )}
      <dl className="fr-mb-4w">
        <Fact label="Lab">{r.lab.name}</Fact>
        <Fact label="Type d’aide">{r.kindLabel}</Fact>
        <Fact label="Demandeur">
          {r.requester}
          {r.organization ? `, ${r.organization}` : ""}
        </Fact>
        <Fact label="Commanditaire">{r.sponsor ? `${r.sponsor}${r.sponsorConfirmedAt ? ` – soutien confirmé le ${formatDate(r.sponsorConfirmedAt)}` : " – soutien pas encore confirmé"}` : "Non indiqué"}</Fact>
        {r.submittedAt && <Fact label="Déposée le">{formatDateTime(r.submittedAt)}</Fact>}
        {r.dueAt && r.status !== "draft" && <Fact label="Réponse promise avant le">{formatDate(new Date(new Date(r.dueAt).getTime() - 1))}</Fact>}
        {r.firstAnswerAt && <Fact label="Première réponse du lab">{formatDateTime(r.firstAnswerAt)}</Fact>}
        {r.proposedToSteeringAt && <Fact label="Proposée au comité de pilotage">{formatDate(r.proposedToSteeringAt)}</Fact>}
        {r.decidedAt && <Fact label="Décision">{formatDateTime(r.decidedAt)}</Fact>}
        {r.assignee && <Fact label="Suivie au lab par">{r.assignee}</Fact>}
        {r.experts.length > 0 && d.rights.mayReadOpinions && <Fact label="Experts sollicités">{r.experts.join(", ")}</Fact>}
      </dl>
      <h2>La demande</h2>
      <h3 className="fr-h6">Contexte et problème</h3>
      <p>{r.context ? frenchSpaces(r.context) : "–"}</p>
      <h3 className="fr-h6">Qui est concerné</h3>
      <p>{r.affected ? frenchSpaces(r.affected) : "–"}</p>
      <h3 className="fr-h6">Ce que serait une réussite</h3>
      <p>{r.success ? frenchSpaces(r.success) : "–"}</p>
      {r.timing && (
        <>
          <h3 className="fr-h6">Calendrier souhaité</h3>
          <p>{frenchSpaces(r.timing)}</p>
        </>
      )}
      {r.otherAdministrations && (
        <>
          <h3 className="fr-h6">Autres administrations concernées</h3>
          <p>{frenchSpaces(r.otherAdministrations)}</p>
        </>
      )}
      {d.history.attachments.length > 0 && (
        <>
          <h3 className="fr-h6">Pièces jointes</h3>
          <ul>
            {d.history.attachments.map((att) => (
              <li key={att.id}>
                <a href={`/demandes/${r.id}/pieces/${att.id}`} download>
                  {att.filename}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}

      {d.origin && (
        <section className="fr-mb-4w">
          <h2>Historique auprès de {d.origin.lab}</h2>
          <EventList events={d.origin.events} />
          {d.origin.attachments.length > 0 && (
            <ul>
              {d.origin.attachments.map((att) => (
                <li key={att.id}>
                  <a href={`/demandes/${r.id}/pieces/${att.id}`} download>
                    {att.filename}
                  </a>
                </li>
              ))}
            </ul>
          )}
          <Conversation requestId={r.id} messages={d.origin.messages} title={<h3 className="fr-h5">Conversation et notes avec {d.origin.lab}</h3>} />
        </section>
      )}

      {r.status !== "draft" && (
        <Conversation
          requestId={r.id}
          messages={d.history.messages}
          title={<h2>{d.rights.mayReadNotes ? "Conversation, notes internes et avis" : d.rights.mayReadOpinions ? "Conversation et avis" : "Conversation avec le lab"}</h2>}
        />
      )}

      {d.rights.mayConverse && (
        <IntentForm intent="message" a={a} submit="Envoyer le message" multipart>
          <Field name="body" label={r.mine ? "Écrire au lab" : "Écrire au demandeur"} textarea rows={4} error={f("message").e.body} defaultValue={f("message").v("body")} />
          <AttachmentsField error={f("message").e.attachments} maxMb={d.maxMb} />
        </IntentForm>
      )}
      {d.rights.mayGiveOpinion && (
        <IntentForm intent="opinion" a={a} submit="Donner mon avis">
          <Field name="opinion" label="Votre avis d’expert (lu par l’équipe du lab)" textarea rows={4} error={f("opinion").e.opinion} defaultValue={f("opinion").v("opinion")} />
        </IntentForm>
      )}

      {d.rights.mayManage && (
        <section className="fr-mt-6w">
          <h2>Pour l’équipe du lab</h2>
          <IntentForm intent="note" a={a} submit="Enregistrer la note" secondary>
            <Field name="note" label="Note interne (seule l’équipe du lab la lit)" textarea rows={3} error={f("note").e.note} defaultValue={f("note").v("note")} />
          </IntentForm>
          <IntentForm intent="assign" a={a} submit="Confier la demande" secondary>
            <SelectField name="assigneeId" label="Responsable au lab" error={f("assign").e.assigneeId} defaultValue={r.assigneeId ?? ""} placeholder="Personne" options={d.team} />
          </IntentForm>
          <IntentForm intent="expert" a={a} submit="Demander l’avis" secondary>
            <Field name="email" type="email" label="Demander l’avis d’un expert (adresse électronique d’un agent)" hint="L’expert voit cette demande et sa conversation, jamais les notes internes." error={f("expert").e.email} defaultValue={f("expert").v("email")} />
          </IntentForm>
          {d.rights.mayDecide && (
            <>
              <h3>Faire avancer la demande</h3>
              <IntentForm intent="qualify" a={a} submit="Passer en qualification">
                <Field name="question" label="Question au demandeur (facultative)" textarea rows={3} error={f("qualify").e.question} defaultValue={f("qualify").v("question")} />
              </IntentForm>
              {!r.proposedToSteeringAt && (
                <IntentForm intent="proposeSteering" a={a} submit="Proposer au comité de pilotage" secondary>
                  <p className="fr-text--sm">Le comité de pilotage du lab décidera{"\u202f"}: adoptée, la demande devient un projet{"\u202f"}; sinon, elle est déclinée avec les termes de sa décision.</p>
                </IntentForm>
              )}
              <IntentForm intent="accept" a={a} submit="Accepter la demande">
                <RadioGroup
                  name="outcome"
                  legend="Suite donnée"
                  error={f("accept").e.outcome}
                  defaultValue={f("accept").v("outcome")}
                  options={[
                    { value: "project", label: "Le lab accompagne un projet (le projet est créé, en exploration)" },
                    { value: "workshop", label: "Atelier ponctuel réalisé" },
                  ]}
                />
                <Field name="acceptMessage" label="Message au demandeur (facultatif)" textarea rows={2} error={f("accept").e.acceptMessage} defaultValue={f("accept").v("acceptMessage")} />
              </IntentForm>
              {d.labs.length > 0 && (
                <IntentForm intent="reorient" a={a} submit="Réorienter la demande" secondary>
                  <SelectField name="toLabId" label="Réorienter vers un autre lab" hint={"L’autre lab reçoit la demande avec tout son historique\u202f; la trace reste ici."} error={f("reorient").e.toLabId} defaultValue={f("reorient").v("toLabId")} placeholder="Choisir un lab" options={d.labs} />
                  <Field name="reorientMessage" label="Message au demandeur (facultatif)" textarea rows={2} error={f("reorient").e.reorientMessage} defaultValue={f("reorient").v("reorientMessage")} />
                </IntentForm>
              )}
              <IntentForm intent="decline" a={a} submit="Décliner la demande" secondary>
                <Field name="reason" label="Motif (obligatoire, lu par le demandeur)" textarea rows={2} error={f("decline").e.reason} defaultValue={f("decline").v("reason")} />
              </IntentForm>
            </>
          )}
        </section>
      )}

      <h2>Historique</h2>
      <EventList events={d.history.events} />
    </Page>
  );
}
