import { Form, Link, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/lab-campaign";
import { formError, formValues, invalid, parseForm, requiredText, uuidField } from "~/kernel/forms";
import { formatDate, formatDateTime, formatNumber, frenchSpaces, isoDay, plural } from "~/kernel/format";
import { AppForm, ErrorSummary, Field, PageTitle, RadioGroup, SelectField, SubmitButton, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb, Pagination, SuccessNotice } from "~/kernel/ui/page";
import { ExportLinks } from "~/kernel/ui/exports";
import { campaignPhaseLabels, closeCampaignNow, extendCampaign, publishCampaign } from "~/campaigns/campaigns";
import { extendSchema } from "~/campaigns/schemas";
import { awardKinds, ideaStatuses } from "~/ideas/ideas";
import { assignJurorByEmail, awardIdea, closeAwards, labCampaignPage, removeJuror, requireLabCampaign } from "~/jury/service";
import { parseRankingQuery, type RankingQueryInput } from "~/jury/schemas";
import { closeCampaignsAndStartReview } from "~/scheduler";
import { Page } from "~/web/layout";
import { useLiveRevalidation } from "~/kernel/ui/live";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const url = new URL(request.url);
  const filters = parseRankingQuery(url.searchParams);
  const page = await labCampaignPage(params.campaignId, viewer, {
    q: filters.q || undefined,
    status: filters.statut,
    organizationId: filters.organisation,
    awarded: filters.primee === "oui" ? "yes" : filters.primee === "non" ? "no" : undefined,
    page: filters.page,
  }).catch(loaderFailure);
  return { ...page, filters, asOf: new Date(), created: url.searchParams.has("creee"), edited: url.searchParams.has("modifiee") };
}

/** The ranking's address with these filters, at this page. */
function rankingHref(campaignId: string, filters: RankingQueryInput, page: number): string {
  const sp = new URLSearchParams();
  for (const key of ["q", "statut", "organisation", "primee"] as const) if (filters[key]) sp.set(key, String(filters[key]));
  if (page > 1) sp.set("page", String(page));
  const qs = sp.toString();
  return `/lab/campagnes/${campaignId}${qs ? `?${qs}` : ""}#classement`;
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

/** On phones the ranking keeps the rank, the idea (its status under the author) and the mean; the other columns from tablets up. */
const WIDE = "germoir-wide";
const NARROW = "germoir-narrow";

export default function LabCampaign() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const c = d.campaign;
  const e = a?.errors ?? {};
  const f = d.filters;
  const filtered = !!(f.q || f.statut || f.organisation || f.primee);
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
      <p className="germoir-meta fr-mb-1w">
        Du {formatDate(c.opens_at)} au {formatDate(c.closes_at)} – {plural(d.ideaCount, "idée classée", "idées classées")}
        {d.eligible.length ? "" : " – ouverte à tous les agents"}
      </p>
      {d.eligible.length > 0 && (
        <details className="germoir-meta">
          <summary>{plural(d.eligible.length, "organisation éligible", "organisations éligibles")}</summary>
          <p className="fr-mb-0">{d.eligible.join(", ")}</p>
        </details>
      )}

      <h2 className="fr-h4 fr-mt-4w">Actions</h2>
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
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
        <AppForm>
          <input type="hidden" name="intent" value="extend" />
          <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
            <div className="fr-col-7 fr-col-md-4">
              <Field name="closesAt" label="Prolonger ou rouvrir jusqu’au" type="date" error={e.closesAt} defaultValue={(a?.values?.closesAt as string) ?? isoDay(c.closes_at)} />
            </div>
            <div className="fr-col-5 fr-col-md-4 fr-mb-3w">
              <SubmitButton secondary className="fr-btn--sm">
                Changer la date de clôture
              </SubmitButton>
            </div>
          </div>
        </AppForm>
      )}
      {d.phase !== "draft" && (
        <>
          <h3 className="fr-h6 fr-mt-2w fr-mb-1w">Exporter</h3>
          <ExportLinks
            items={[
              { label: "Idées de la campagne", href: `/lab/campagnes/${c.id}/export/idees` },
              { label: "Classement du jury", href: `/lab/campagnes/${c.id}/export/classement` },
            ]}
          />
        </>
      )}

      {d.phase === "closed" && (
        <section aria-labelledby="primer" className="fr-mt-4w">
          <h2 id="primer" className="fr-h4">
            Primer une idée
          </h2>
          {d.awardable.length === 0 ? (
            <p>Plus aucune idée en attente de décision.</p>
          ) : (
            <>
              <AppForm>
                <input type="hidden" name="intent" value="award" />
                <div className="fr-grid-row fr-grid-row--gutters">
                  <div className="fr-col-12 fr-col-md-6">
                    <SelectField
                      name="ideaId"
                      label="Idée"
                      placeholder="Choisir une idée (dans l’ordre du classement)"
                      options={d.awardable.map((r) => ({ value: r.id, label: `${frenchSpaces(r.title)}${r.mean !== null ? ` – ${formatNumber(r.mean, 2)}` : ""}` }))}
                      error={e.ideaId}
                      defaultValue={a?.ok ? "" : (a?.values?.ideaId as string | undefined)}
                    />
                  </div>
                  <div className="fr-col-12 fr-col-md-6">
                    <RadioGroup
                      name="kind"
                      legend="Distinction"
                      inline
                      options={Object.entries(awardKinds).map(([value, label]) => ({ value, label }))}
                      error={e.kind}
                      defaultValue={a?.ok ? undefined : (a?.values?.kind as string | undefined)}
                    />
                  </div>
                </div>
                <Field name="citation" label="Citation du jury" hint="Une ou deux phrases, lues par l’auteur." textarea rows={2} error={e.citation} defaultValue={a?.ok ? "" : (a?.values?.citation as string | undefined)} />
                <SubmitButton>Primer l’idée</SubmitButton>
              </AppForm>
              <AppForm className="fr-mt-3w">
                <p className="fr-mb-1w">
                  Quand les prix sont décernés, les {plural(d.awardable.length, "autre idée passe", "autres idées passent")} en «{"\u00a0"}non primée{"\u00a0"}» en une fois, et leurs auteurs en sont informés.
                </p>
                <SubmitButton name="intent" value="closeAwards" secondary>
                  Marquer les autres idées «{"\u00a0"}non primées{"\u00a0"}»
                </SubmitButton>
              </AppForm>
            </>
          )}
        </section>
      )}

      <h2 className="fr-h4 fr-mt-6w" id="classement">
        Classement
      </h2>
      <p className="fr-text--sm">
        Moyenne pondérée par les poids des critères, sur {c.scale_max}{"\u00a0"}; l’écart sépare la note la plus haute de la plus basse des jurés.
      </p>
      <Form method="get" action={`/lab/campagnes/${c.id}#classement`} role="search" aria-label="Filtrer le classement" key={JSON.stringify(f)}>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Field name="q" type="search" label="Rechercher un titre ou un auteur" defaultValue={f.q ?? ""} maxLength={200} />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <SelectField name="organisation" label="Organisation" options={d.organizations} placeholder="Toutes" defaultValue={f.organisation} />
          </div>
          <div className="fr-col-6 fr-col-md-3">
            <SelectField
              name="statut"
              label="Statut"
              options={(["submitted", "under_review", "awarded", "not_awarded"] as const).map((k) => ({ value: k, label: ideaStatuses[k] }))}
              placeholder="Tous"
              defaultValue={f.statut}
            />
          </div>
          <div className="fr-col-6 fr-col-md-3">
            <SelectField
              name="primee"
              label="Distinction"
              options={[
                { value: "oui", label: "Primées" },
                { value: "non", label: "Non primées" },
              ]}
              placeholder="Toutes"
              defaultValue={f.primee}
            />
          </div>
        </div>
        <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mt-1w">
          <li>
            <button type="submit" className="fr-btn fr-btn--secondary">
              Filtrer le classement
            </button>
          </li>
          {filtered && (
            <li>
              <Link className="fr-btn fr-btn--tertiary" to={`/lab/campagnes/${c.id}#classement`}>
                Effacer les filtres
              </Link>
            </li>
          )}
        </ul>
      </Form>
      <p role="status" className="fr-mt-2w">
        {d.ranking.total === 0
          ? filtered
            ? "Aucune idée ne correspond à ces filtres."
            : "Aucune idée déposée pour le moment."
          : filtered
            ? `${plural(d.ranking.total, "idée correspond", "idées correspondent")} aux filtres, sur ${formatNumber(d.ideaCount)}.`
            : plural(d.ranking.total, "idée", "idées") + "."}
        {d.ranking.pages > 1 ? ` Page ${d.ranking.page} sur ${d.ranking.pages}.` : ""}
      </p>
      {d.ranking.rows.length > 0 && (
        <div className="fr-table fr-table--bordered fr-table--sm fr-table--no-caption fr-mb-2w">
          <table>
            <caption>Idées classées par moyenne pondérée</caption>
            <thead>
              <tr>
                <th scope="col" className={WIDE}>
                  Rang
                </th>
                <th scope="col">Idée</th>
                <th scope="col">Moyenne</th>
                <th scope="col" className={WIDE}>
                  Écart
                </th>
                <th scope="col" className={WIDE}>
                  Notes
                </th>
                <th scope="col" className={WIDE}>
                  Soutiens
                </th>
                <th scope="col" className={WIDE}>
                  Statut
                </th>
              </tr>
            </thead>
            <tbody>
              {d.ranking.rows.map((r) => (
                <tr key={r.id}>
                  <td className={WIDE}>{r.rank ?? "–"}</td>
                  <td>
                    {r.rank !== null && <span className={NARROW}>{r.rank}. </span>}
                    <Link to={`/idees/${r.id}`}>{frenchSpaces(r.title)}</Link>
                    <br />
                    <span className="fr-text--xs">
                      {r.author}
                      <span className={NARROW}>
                        {" – "}
                        {ideaStatuses[r.status]}
                        {r.awardKind ? ` (${awardKinds[r.awardKind].toLowerCase()})` : ""}
                      </span>
                    </span>
                  </td>
                  <td>{r.mean !== null ? formatNumber(r.mean, 2) : "–"}</td>
                  <td className={WIDE}>{r.spread !== null ? formatNumber(r.spread, 2) : "–"}</td>
                  <td className={WIDE}>{r.count}</td>
                  <td className={WIDE}>{r.supports}</td>
                  <td className={WIDE}>
                    {ideaStatuses[r.status]}
                    {r.awardKind ? ` (${awardKinds[r.awardKind].toLowerCase()})` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={d.ranking.page} pages={d.ranking.pages} href={(n) => rankingHref(c.id, f, n)} />

      <h2 className="fr-h4 fr-mt-6w">Jury</h2>
      <details open={d.phase !== "closed" || !!e.email}>
        <summary>
          {d.jurors.length === 0
            ? "Aucun juré pour le moment"
            : `${plural(d.jurors.length, "juré", "jurés")}\u00a0: ${plural(d.jurors.reduce((n, j) => n + j.scored, 0), "note donnée", "notes données")} sur ${formatNumber(d.jurors.length * d.ideaCount)}`}
        </summary>
        {d.jurors.length > 0 && (
          <div className="fr-table fr-table--sm">
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
      </details>

      <h2 className="fr-h4 fr-mt-6w">Participation</h2>
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
          <div key={label as string} className="fr-col-4">
            <div className="fr-p-2w" style={{ background: "var(--background-alt-blue-france)" }}>
              <p className="fr-h4 fr-mb-0">{formatNumber(n as number)}</p>
              <p className="fr-text--sm fr-mb-0">{label}</p>
            </div>
          </div>
        ))}
      </div>
      <details className="fr-mt-2w">
        <summary>Détail par organisation et par service</summary>
      <div className="fr-grid-row fr-grid-row--gutters fr-mt-2w">
        <div className="fr-col-12 fr-col-md-6">
          <div className="fr-table fr-table--sm">
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
          <div className="fr-table fr-table--sm">
            <table>
              <caption>Par service</caption>
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <th scope="col">Idées</th>
                </tr>
              </thead>
              <tbody>
                {d.stats.byUnit.map((u) => (
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
      </details>
    </Page>
  );
}
