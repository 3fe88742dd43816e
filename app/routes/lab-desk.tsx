import { Form, Link, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-desk";
import { PageTitle, SelectField } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import {
  labQueue,
  type QueueQuery,
  type RequestKind,
  type RequestStatus,
} from "~/requests";
import {
  StatusBadge,
  formatDate,
  frenchSpaces,
  plural,
  requestKinds,
  requestStatuses,
} from "~/requests/client";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

/** The queue's filters, from the address: anything unknown is ignored. */
function queryOf(url: URL): QueueQuery {
  const p = url.searchParams;
  const status = p.get("statut") ?? "";
  const kind = p.get("type") ?? "";
  return {
    status:
      Object.hasOwn(requestStatuses, status) && status !== "draft"
        ? (status as RequestStatus)
        : undefined,
    kind: Object.hasOwn(requestKinds, kind) ? (kind as RequestKind) : undefined,
    assignee: p.get("responsable") || undefined,
    sponsorUnconfirmed: p.get("commanditaire") === "non-confirme",
    search: p.get("q")?.slice(0, 200) || undefined,
    after: p.get("apres") || undefined,
  };
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const url = new URL(request.url);
  const queue = await labQueue(viewer, params.labSlug, queryOf(url)).catch(
    loaderFailure,
  );
  const keep = new URLSearchParams(
    [...url.searchParams].filter(([k]) =>
      ["statut", "type", "responsable", "commanditaire", "q"].includes(k),
    ),
  );
  const filters = Object.fromEntries(keep);
  if (queue.next) keep.set("apres", queue.next);
  return {
    ...queue,
    filters,
    nextHref: queue.next ? `?${keep.toString()}` : null,
    paged: url.searchParams.has("apres"),
  };
}

export default function LabDesk() {
  const d = useLoaderData<typeof loader>();
  const f = d.filters as Record<string, string>;
  return (
    <Page>
      <PageTitle title={`Guichet – ${d.lab.name}`} />
      <Breadcrumb
        items={[{ label: "Espace lab", to: "/lab" }]}
        current="Guichet"
      />
      <h1>Guichet – {d.lab.name}</h1>
      <p>
        Délai de réponse promis{"\u00a0"}:{" "}
        {plural(d.answerDays, "jour ouvré", "jours ouvrés")}.{" "}
        {d.overdue > 0 ? (
          <strong>
            {plural(d.overdue, "demande en retard", "demandes en retard")}, en
            tête de liste.
          </strong>
        ) : (
          "Aucune demande en retard."
        )}{" "}
        <Link to={`/lab/${d.lab.slug}/guichet/reglages`}>
          Modifier le délai promis
        </Link>
      </p>
      <Form method="get" className="fr-mb-4w" aria-label="Filtrer les demandes">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <div className="fr-input-group">
              <label className="fr-label" htmlFor="queue-q">
                Rechercher (titre, contexte)
              </label>
              <input
                className="fr-input"
                type="search"
                id="queue-q"
                name="q"
                defaultValue={f.q ?? ""}
                maxLength={200}
              />
            </div>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <SelectField
              name="statut"
              label="Statut"
              placeholder="Tous"
              defaultValue={f.statut ?? ""}
              options={Object.entries(requestStatuses)
                .filter(([k]) => k !== "draft")
                .map(([value, label]) => ({ value, label }))}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <SelectField name="type" label="Type d’aide" placeholder="Tous" defaultValue={f.type ?? ""} options={Object.entries(requestKinds).map(([value, label]) => ({ value, label }))} />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <SelectField name="responsable" label="Responsable" placeholder="Tous" defaultValue={f.responsable ?? ""} options={[{ value: "none", label: "Personne" }, ...d.team]} />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <div className="fr-checkbox-group fr-mt-4w">
              <input
                type="checkbox"
                id="queue-sponsor"
                name="commanditaire"
                value="non-confirme"
                defaultChecked={f.commanditaire === "non-confirme"}
              />
              <label className="fr-label" htmlFor="queue-sponsor">
                Commanditaire non confirmé
              </label>
            </div>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <button type="submit" className="fr-btn fr-mt-3w">
              Filtrer
            </button>
          </div>
        </div>
      </Form>
      {d.requests.length === 0 ? (
        <p>
          Aucune demande
          {Object.keys(f).length ? " pour ces filtres" : " pour l’instant"}.
        </p>
      ) : (
        <div className="fr-table fr-table--no-caption">
          <table>
            <caption>Les demandes reçues par le lab</caption>
            <thead>
              <tr>
                <th scope="col">Demande</th>
                <th scope="col">Âge</th>
                <th scope="col">Organisation</th>
                <th scope="col">Responsable</th>
                <th scope="col">Statut</th>
              </tr>
            </thead>
            <tbody>
              {d.requests.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/demandes/${r.id}`}>
                      {frenchSpaces(r.title)}
                    </Link>
                    <br />
                    <span className="fr-text--xs">{r.kind}</span>
                    {r.overdue && (
                      <>
                        <br />
                        <span className="fr-badge fr-badge--sm fr-badge--warning">
                          En retard
                        </span>
                      </>
                    )}
                    {r.sponsorUnconfirmed && (
                      <>
                        <br />
                        <span className="fr-badge fr-badge--sm fr-badge--new">
                          Commanditaire non confirmé
                        </span>
                      </>
                    )}
                    {r.receivedFromOtherLab && (
                      <>
                        <br />
                        <span className="fr-text--xs">
                          Reçue d’un autre lab
                        </span>
                      </>
                    )}
                  </td>
                  <td>
                    {plural(r.ageDays, "jour ouvré", "jours ouvrés")}
                    <br />
                    <span className="fr-text--xs">
                      déposée le {formatDate(r.submittedAt)}
                    </span>
                  </td>
                  <td>
                    {r.organization || "–"}
                    <br />
                    <span className="fr-text--xs">{r.requester}</span>
                  </td>
                  <td>{r.assignee ?? "Personne"}</td>
                  <td>
                    <StatusBadge status={r.status} label={r.statusLabel} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(d.nextHref || d.paged) && (
        <nav
          role="navigation"
          className="fr-pagination"
          aria-label="Pagination"
        >
          <ul className="fr-pagination__list">
            {d.paged && (
              <li>
                <Link
                  className="fr-pagination__link fr-pagination__link--first"
                  to={`?${new URLSearchParams(f).toString()}`}
                >
                  Première page
                </Link>
              </li>
            )}
            {d.nextHref && (
              <li>
                <Link
                  className="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label"
                  to={d.nextHref}
                >
                  Page suivante
                </Link>
              </li>
            )}
          </ul>
        </nav>
      )}
    </Page>
  );
}
