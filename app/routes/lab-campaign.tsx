import { Link, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/lab-campaign";
import { formError, formValues, invalid, parseForm, requiredText, uuidField } from "~/kernel/forms";
import { formatDate, formatDateTime, formatNumber, isoDay, plural } from "~/kernel/format";
import { AppForm, ErrorSummary, Field, PageTitle, RadioGroup, SelectField, SubmitButton, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb, SuccessNotice } from "~/kernel/ui/page";
import { campaignPhaseLabels, closeCampaignNow, extendCampaign, publishCampaign } from "~/campaigns/campaigns";
import { extendSchema } from "~/campaigns/schemas";
import { awardKinds, ideaStatuses } from "~/ideas/ideas";
import { assignJurorByEmail, awardIdea, closeAwards, labCampaignPage, removeJuror, requireLabCampaign } from "~/jury/service";
import { closeCampaignsAndStartReview } from "~/scheduler";
import { Page } from "~/web/layout";
import { useLiveRevalidation } from "~/kernel/ui/live";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const page = await labCampaignPage(params.campaignId, s).catch(loaderFailure);
  const url = new URL(request.url);
  return { ...page, asOf: new Date(), created: url.searchParams.has("creee"), edited: url.searchParams.has("modifiee") };
}

const intentSchema = z.object({ intent: z.enum(["publish", "extend", "close", "addJuror", "removeJuror", "award", "closeAwards"]) });
const jurorSchema = z.object({ email: z.email("Adresse électronique\u00a0: format invalide (ex.\u00a0: prenom.nom@grandest.fr).").max(200) });
const removeJurorSchema = z.object({ userId: uuidField("Juré") });
const awardSchema = z.object({
  ideaId: uuidField("Idée"),
  kind: z.enum(["prize", "mention"], { error: "Distinction\u00a0: choisissez prix ou mention." }),
  citation: requiredText("Citation", 500, 5),
});

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    const c = await requireLabCampaign(params.campaignId, s);
    const i = parseForm(fd, intentSchema);
    if (!i.ok) return formError(fd, "Action inconnue.");
    switch (i.data.intent) {
      case "publish":
        await publishCampaign(c.id);
        return { ok: true, message: "La campagne est publiée." };
      case "extend": {
        const p = parseForm(fd, extendSchema);
        if (!p.ok) return invalid(p);
        if (p.data.closesAt <= new Date()) return invalid({ errors: { closesAt: "Nouvelle date de clôture\u00a0: elle doit être dans le futur." }, values: formValues(fd) });
        await extendCampaign(c.id, p.data.closesAt);
        return { ok: true, message: `La campagne est prolongée jusqu’au ${formatDate(p.data.closesAt)}.` };
      }
      case "close":
        await closeCampaignNow(c.id);
        await closeCampaignsAndStartReview();
        return { ok: true, message: "La campagne est clôturée\u202f; les idées déposées passent en évaluation." };
      case "addJuror": {
        const p = parseForm(fd, jurorSchema);
        if (!p.ok) return invalid(p);
        await assignJurorByEmail(c.id, p.data.email, s);
        return { ok: true, message: "Le jury compte une personne de plus, qui en est prévenue." };
      }
      case "removeJuror": {
        const p = parseForm(fd, removeJurorSchema);
        if (!p.ok) return invalid(p);
        await removeJuror(c.id, p.data.userId, s);
        return { ok: true, message: "La personne est retirée du jury." };
      }
      case "award": {
        const p = parseForm(fd, awardSchema);
        if (!p.ok) return invalid(p);
        await awardIdea(c.id, p.data.ideaId, p.data.kind, p.data.citation, s);
        return { ok: true, message: "L’idée est primée\u202f; ses auteurs sont prévenus." };
      }
      case "closeAwards": {
        const n = await closeAwards(c.id, s);
        return { ok: true, message: `${plural(n, "idée passe", "idées passent")} en «\u00a0non primée\u00a0»\u202f; leurs auteurs sont prévenus.` };
      }
    }
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function LabCampaign() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const c = d.campaign;
  const e = a?.errors ?? {};
  const awardable = d.ranked.filter((r) => r.status === "submitted" || r.status === "under_review");
  // participation is followed live while the campaign takes ideas
  useLiveRevalidation(30_000, d.phase === "open");
  return (
    <Page>
      <PageTitle title={`Gérer «\u00a0${c.title}\u00a0»`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Espace lab", to: "/lab" }]} current={c.title} />
      {(d.created || d.edited) && !a && (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <p>{d.created ? "Le brouillon de la campagne est créé." : "Les modifications sont enregistrées."}</p>
        </div>
      )}
      <SuccessNotice message={a?.ok ? a.message : null} />
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <p className="fr-badge">{campaignPhaseLabels[d.phase]}</p>
      <h1 className="fr-mt-2w">{c.title}</h1>
      <p className="germoir-meta">
        Du {formatDate(c.opens_at)} au {formatDate(c.closes_at)}
        {d.eligible.length ? ` – organisations éligibles\u00a0: ${d.eligible.join(", ")}` : " – ouverte à tous les agents"}
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Link className="fr-btn fr-btn--secondary" to={`/campagnes/${c.id}`}>
            {d.phase === "draft" ? "Prévisualiser" : "Voir la page publique"}
          </Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary" to={`/lab/campagnes/${c.id}/modifier`}>
            Modifier
          </Link>
        </li>
        {d.phase !== "draft" && d.labSlug && (
          <li>
            <Link className="fr-btn fr-btn--secondary" to={`/lab/${d.labSlug}/problematiques?campagne=${c.id}`}>
              Analyser les thèmes
            </Link>
          </li>
        )}
        {d.phase !== "draft" && (
          <li>
            <Link className="fr-btn fr-btn--secondary" to={`/lab/campagnes/${c.id}/doublons`}>
              Doublons probables
            </Link>
          </li>
        )}
        {d.phase === "draft" && (
          <li>
            <AppForm>
              <SubmitButton name="intent" value="publish">
                Publier la campagne
              </SubmitButton>
            </AppForm>
          </li>
        )}
        {(d.phase === "open" || d.phase === "upcoming") && (
          <li>
            <AppForm>
              <SubmitButton name="intent" value="close" secondary>
                Clôturer maintenant
              </SubmitButton>
            </AppForm>
          </li>
        )}
      </ul>
      {d.phase !== "draft" && (
        <AppForm className="fr-mt-2w">
          <input type="hidden" name="intent" value="extend" />
          <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
            <div className="fr-col-12 fr-col-md-4">
              <Field name="closesAt" label="Prolonger ou rouvrir jusqu’au" type="date" error={e.closesAt} defaultValue={(a?.values?.closesAt as string) ?? isoDay(c.closes_at)} />
            </div>
            <div className="fr-col-12 fr-col-md-4 fr-mb-3w">
              <SubmitButton secondary>Changer la date de clôture</SubmitButton>
            </div>
          </div>
        </AppForm>
      )}

      <h2 className="fr-mt-6w">Participation</h2>
      <p className="fr-text--sm">
        Chiffres du {formatDateTime(d.asOf)}
        {d.phase === "open" ? ", actualisés toutes les 30\u00a0secondes tant que la page est ouverte." : "."}
      </p>
      <div className="fr-grid-row fr-grid-row--gutters">
        {[
          [d.stats.ideas, "idées déposées"],
          [d.stats.authors, "auteurs distincts"],
          [d.stats.drafts, "brouillons en cours"],
        ].map(([n, label]) => (
          <div key={label as string} className="fr-col-12 fr-col-md-4">
            <div className="fr-p-3w" style={{ background: "var(--background-alt-blue-france)" }}>
              <p className="fr-h2 fr-mb-0">{formatNumber(n as number)}</p>
              <p className="fr-mb-0">{label}</p>
            </div>
          </div>
        ))}
      </div>
      <div className="fr-grid-row fr-grid-row--gutters fr-mt-2w">
        <div className="fr-col-12 fr-col-md-6">
          <div className="fr-table">
            <table>
              <caption>Par organisation</caption>
              <thead>
                <tr>
                  <th scope="col">Organisation</th>
                  <th scope="col">Idées</th>
                  <th scope="col">Auteurs</th>
                </tr>
              </thead>
              <tbody>
                {d.stats.byOrganization.map((o) => (
                  <tr key={o.organizationId ?? "none"}>
                    <td>{o.name}</td>
                    <td>{o.ideas}</td>
                    <td>{o.authors}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <div className="fr-table">
            <table>
              <caption>Par service</caption>
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <th scope="col">Idées</th>
                </tr>
              </thead>
              <tbody>
                {d.stats.byUnit.slice(0, 15).map((u) => (
                  <tr key={`${u.organizationId}-${u.unitId}`}>
                    <td>
                      {u.name}
                      {u.organization ? ` (${u.organization})` : ""}
                    </td>
                    <td>{u.ideas}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>

      <h2 className="fr-mt-6w">Jury</h2>
      {d.jurors.length === 0 ? (
        <p>Aucun juré pour le moment.</p>
      ) : (
        <div className="fr-table">
          <table>
            <caption>Avancement des jurés</caption>
            <thead>
              <tr>
                <th scope="col">Juré</th>
                <th scope="col">Idées notées</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {d.jurors.map((j) => (
                <tr key={j.userId}>
                  <td>{j.name}</td>
                  <td>
                    {j.scored} / {d.ideaCount}
                  </td>
                  <td>
                    <AppForm>
                      <input type="hidden" name="intent" value="removeJuror" />
                      <input type="hidden" name="userId" value={j.userId} />
                      <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary">
                        Retirer {j.name}
                      </button>
                    </AppForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AppForm>
        <input type="hidden" name="intent" value="addJuror" />
        <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div className="fr-col-12 fr-col-md-6">
            <Field name="email" label="Ajouter un juré (adresse électronique)" type="email" autoComplete="off" error={e.email} defaultValue={a?.ok ? "" : (a?.values?.email as string | undefined)} />
          </div>
          <div className="fr-col-12 fr-col-md-4 fr-mb-3w">
            <SubmitButton secondary>Ajouter au jury</SubmitButton>
          </div>
        </div>
      </AppForm>

      <h2 className="fr-mt-6w">Classement</h2>
      <p className="fr-text--sm">
        Moyenne pondérée par les poids des critères (barème sur {c.scale_max}){"\u00a0"}; l’écart est la différence entre la note la plus haute et la plus basse des jurés.
      </p>
      <div className="fr-table fr-table--bordered">
        <table>
          <caption>Idées classées par moyenne pondérée</caption>
          <thead>
            <tr>
              <th scope="col">Rang</th>
              <th scope="col">Idée</th>
              <th scope="col">Moyenne</th>
              <th scope="col">Écart</th>
              <th scope="col">Notes</th>
              <th scope="col">Soutiens</th>
              <th scope="col">Statut</th>
            </tr>
          </thead>
          <tbody>
            {d.ranked.map((r, idx) => (
              <tr key={r.id}>
                <td>{r.mean !== null ? idx + 1 : "–"}</td>
                <td>
                  <Link to={`/idees/${r.id}`}>{r.title}</Link>
                  <br />
                  <span className="fr-text--xs">{r.author}</span>
                </td>
                <td>{r.mean !== null ? formatNumber(r.mean, 2) : "–"}</td>
                <td>{r.spread !== null ? formatNumber(r.spread, 2) : "–"}</td>
                <td>{r.count}</td>
                <td>{r.supports}</td>
                <td>
                  {ideaStatuses[r.status]}
                  {r.awardKind ? ` (${awardKinds[r.awardKind].toLowerCase()})` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {d.phase === "closed" && (
        <>
          <h2 className="fr-mt-6w">Primer une idée</h2>
          {awardable.length === 0 ? (
            <p>Plus aucune idée en attente de décision.</p>
          ) : (
            <AppForm>
              <input type="hidden" name="intent" value="award" />
              <SelectField
                name="ideaId"
                label="Idée"
                placeholder="Choisir une idée"
                options={awardable.map((r) => ({ value: r.id, label: `${r.title}${r.mean !== null ? ` – ${formatNumber(r.mean, 2)}` : ""}` }))}
                error={e.ideaId}
                defaultValue={a?.ok ? "" : (a?.values?.ideaId as string | undefined)}
              />
              <RadioGroup
                name="kind"
                legend="Distinction"
                inline
                options={Object.entries(awardKinds).map(([value, label]) => ({ value, label }))}
                error={e.kind}
                defaultValue={a?.ok ? undefined : (a?.values?.kind as string | undefined)}
              />
              <Field name="citation" label="Citation du jury" hint="Une ou deux phrases, lues par l’auteur." textarea rows={2} error={e.citation} defaultValue={a?.ok ? "" : (a?.values?.citation as string | undefined)} />
              <SubmitButton>Primer l’idée</SubmitButton>
            </AppForm>
          )}
          {awardable.length > 0 && (
            <AppForm className="fr-mt-4w">
              <p>
                Quand les prix sont décernés, les {plural(awardable.length, "autre idée passe", "autres idées passent")} en «{"\u00a0"}non primée{"\u00a0"}» en une fois, et leurs auteurs en sont informés.
              </p>
              <SubmitButton name="intent" value="closeAwards" secondary>
                Marquer les autres idées «{"\u00a0"}non primées{"\u00a0"}»
              </SubmitButton>
            </AppForm>
          )}
        </>
      )}
    </Page>
  );
}
