import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/committee-minutes";
import { formError, formValues, invalid, parseForm } from "~/kernel/forms";
import { formatDate, formatDateTime, frenchSpaces } from "~/kernel/format";
import { Refusal } from "~/kernel/permissions";
import { AppForm, ErrorSummary, Field, PageTitle, RadioGroup, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { correctDecision, minutesPage, saveMinutesFor, validateMinutes } from "~/committees";
import { discussionsOf, minutesActionSchema } from "~/committees/schemas";
import { CommitteeCrumbs, TallyTable } from "~/committees/client";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

const messages: Record<string, string> = {
  save: "Le compte rendu est enregistré.",
  validate: "Le compte rendu est validé et publié aux membres ; ses décisions s’appliquent.",
  approveNext: "Le compte rendu est approuvé en premier point de la réunion suivante et publié aux membres.",
  correct: "La correction est enregistrée comme une nouvelle décision.",
};

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const page = await minutesPage(s, params.labSlug, params.committeeId, params.meetingId).catch(loaderFailure);
  const done = new URL(request.url).searchParams.get("fait");
  return { ...page, flash: done && done in messages ? messages[done] : null };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    const page = await minutesPage(s, params.labSlug, params.committeeId, params.meetingId);
    const intent = fd.get("intent");
    if (intent === "validate") {
      if (!page.rights.mayValidateMinutes) throw new Refusal("Seul le président ou la présidente du comité valide le compte rendu.", 403);
    } else if (!page.rights.mayManage) throw new Refusal("Seule l’équipe du lab rédige le compte rendu.", 403);
    const p = parseForm(fd, minutesActionSchema);
    if (!p.ok) return intent === "save" || intent === "correct" ? invalid(p) : formError(fd, "Action inconnue.");
    const at = [params.labSlug, params.committeeId, params.meetingId] as const;
    const input = p.data;
    switch (input.intent) {
      case "save": {
        const discussions = discussionsOf(fd);
        if (!discussions.ok) return invalid({ errors: { [discussions.field]: "Discussion : 10 000 caractères au maximum, sans caractère nul." }, values: formValues(fd) });
        await saveMinutesFor(s, ...at, { body: input.body, discussions: discussions.value });
        break;
      }
      case "validate":
        await validateMinutes(s, ...at, "chair");
        break;
      case "approveNext":
        await validateMinutes(s, ...at, "next_meeting");
        break;
      case "correct":
        await correctDecision(s, ...at, input.decisionId, { adopted: input.adopted === "yes", wording: input.wording });
        break;
    }
    return redirect(`${new URL(request.url).pathname}?fait=${input.intent}`);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function Minutes() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const v = (k: string, fallback = "") => valueOf(a?.values, k, fallback);
  const intent = v("intent");
  const validated = !!d.minutes?.validatedAt;
  const editable = d.rights.mayManage && !validated;
  const title = `Compte rendu – ${d.committee.name} du ${formatDate(d.meeting.startsAt)}`;
  const present = d.members.filter((m) => m.present);
  const absent = d.members.filter((m) => !m.present);
  const who = (list: typeof present) => (list.length ? list.map((m) => `${m.name}${m.sideLabel ? ` (${m.sideLabel})` : ""}`).join(", ") : "aucun");
  return (
    <Page>
      <PageTitle title={title} error={!!a && !a.ok} />
      <CommitteeCrumbs
        labSlug={d.lab.slug}
        steps={[{ to: d.paths.committee, label: d.committee.name }, { to: d.paths.meeting, label: `Réunion du ${formatDate(d.meeting.startsAt)}` }, { label: "Compte rendu" }]}
      />
      <h1>{title}</h1>
      {d.flash && (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <p>{frenchSpaces(d.flash)}</p>
        </div>
      )}
      {a && !a.ok && <ErrorSummary errors={a.errors} formError={a.formError} />}
      <p>
        {validated ? (
          <span className="fr-badge fr-badge--success">
            Validé le {formatDate(d.minutes!.validatedAt)}
            {d.minutes!.validatedHow === "chair" ? ` par ${d.minutes!.validatedBy}` : " en premier point de la réunion suivante"}
          </span>
        ) : (
          <span className="fr-badge fr-badge--warning">{d.minutes ? "Projet, non validé" : "Pas encore rédigé"}</span>
        )}
      </p>
      <p className="germoir-no-print">
        <a href={`${d.paths.meeting}/compte-rendu.pdf`} download>
          Télécharger le compte rendu (PDF)
        </a>{" "}
        · Imprimez cette page avec la commande d’impression de votre navigateur.
      </p>
      <p>
        {d.lab.name} · {formatDateTime(d.meeting.startsAt)}
        {d.meeting.place ? ` · ${d.meeting.place}` : ""}
        {d.committee.chair ? ` · présidence : ${d.committee.chair}` : ""}
      </p>

      <h2>Présences et quorum</h2>
      <p>Présents : {who(present)}.</p>
      <p>Absents : {who(absent)}.</p>
      <p>
        Quorum ({d.quorum.rule}) : {d.quorum.met ? "atteint" : "non atteint ; la réunion n’a pris aucune décision"}.
      </p>

      <AppForm>
        <input type="hidden" name="intent" value="save" />
        <h2>Synthèse</h2>
        {editable ? (
          <Field name="body" textarea rows={5} label="Synthèse de la réunion" hint="Ouverture, échanges généraux, points divers." error={intent === "save" ? a?.errors?.body : undefined} defaultValue={intent === "save" ? v("body") : (d.minutes?.body ?? "")} />
        ) : (
          <p className="germoir-prewrap">{d.minutes?.body ? frenchSpaces(d.minutes.body) : "Pas de synthèse."}</p>
        )}
        {d.items.map((i) => (
          <section key={i.id} aria-labelledby={`cr-${i.id}`} className="fr-mb-4w">
            <h2 id={`cr-${i.id}`} className="fr-h4">
              {i.position}. {frenchSpaces(i.title)}
            </h2>
            <p className="fr-text--sm">
              {i.kindLabel}
              {i.secret ? " · vote à bulletin secret" : ""}
            </p>
            {editable ? (
              <Field
                id={`discussion-${i.id}`}
                name={`discussion-${i.id}`}
                textarea
                rows={3}
                label={<>Discussion<span className="fr-sr-only"> sur « {i.title} »</span></>}
                error={intent === "save" ? a?.errors?.[`discussion-${i.id}`] : undefined}
                defaultValue={intent === "save" ? v(`discussion-${i.id}`) : i.discussion}
              />
            ) : (
              i.discussion && <p className="germoir-prewrap">{frenchSpaces(i.discussion)}</p>
            )}
            {i.decision ? (
              <>
                <TallyTable tally={i.tally} caption={`Décompte des votes sur « ${i.title} »`} />
                <p>
                  <strong>Décision : {i.decision.adopted ? "adoptée" : "non adoptée"}.</strong> {frenchSpaces(i.decision.wording)}
                </p>
                {i.decision.corrections.map((c, k) => (
                  <p key={k}>
                    <strong>Correction du {formatDate(c.at)} : {c.adopted ? "adoptée" : "non adoptée"}.</strong> {frenchSpaces(c.wording)}
                  </p>
                ))}
              </>
            ) : (
              <p>Point d’information : pas de décision.</p>
            )}
          </section>
        ))}
        {editable && <SubmitButton>{d.minutes ? "Enregistrer les modifications" : "Enregistrer le projet de compte rendu"}</SubmitButton>}
      </AppForm>

      {!validated && d.minutes && (d.rights.mayValidateMinutes || d.rights.mayManage) && (
        <section aria-labelledby="validate" className="fr-mt-6w germoir-no-print">
          <h2 id="validate">Validation</h2>
          <p>Une fois validé, le compte rendu ne change plus : ses décisions deviennent définitives et s’appliquent, et les membres en sont avertis.</p>
          <ul className="fr-btns-group fr-btns-group--inline-md">
            {d.rights.mayValidateMinutes && (
              <li>
                <AppForm>
                  <input type="hidden" name="intent" value="validate" />
                  <SubmitButton>Valider le compte rendu</SubmitButton>
                </AppForm>
              </li>
            )}
            {d.rights.mayManage && d.nextMeeting && (
              <li>
                <AppForm>
                  <input type="hidden" name="intent" value="approveNext" />
                  <SubmitButton secondary>Approuvé en premier point de la réunion du {formatDate(d.nextMeeting.startsAt)}</SubmitButton>
                </AppForm>
              </li>
            )}
          </ul>
        </section>
      )}

      {validated && d.rights.mayManage && d.items.some((i) => i.decision) && (
        <section aria-labelledby="correct" className="fr-mt-6w germoir-no-print">
          <h2 id="correct">Corriger une décision</h2>
          <p>Une décision validée ne se modifie pas : la correction est une nouvelle décision, qui s’applique à son tour.</p>
          <AppForm>
            <input type="hidden" name="intent" value="correct" />
            <div className="fr-select-group">
              <label className="fr-label" htmlFor="field-decisionId">
                Décision à corriger
              </label>
              <select className="fr-select" id="field-decisionId" name="decisionId" defaultValue={v("decisionId")}>
                {d.items
                  .filter((i) => i.decision)
                  .map((i) => (
                    <option key={i.decision!.id} value={i.decision!.id}>
                      {i.position}. {i.title}
                    </option>
                  ))}
              </select>
            </div>
            <RadioGroup
              name="adopted"
              legend="La décision corrigée est"
              inline
              error={intent === "correct" ? a?.errors?.adopted : undefined}
              defaultValue={v("adopted")}
              options={[
                { value: "yes", label: "adoptée" },
                { value: "no", label: "non adoptée" },
              ]}
            />
            <Field name="wording" label="Décision corrigée" error={intent === "correct" ? a?.errors?.wording : undefined} defaultValue={intent === "correct" ? v("wording") : ""} maxLength={2000} />
            <SubmitButton secondary>Enregistrer la correction</SubmitButton>
          </AppForm>
        </section>
      )}
      <p className="fr-mt-4w germoir-no-print">
        <Link to={d.paths.meeting}>Retour à la réunion</Link>
      </p>
    </Page>
  );
}
