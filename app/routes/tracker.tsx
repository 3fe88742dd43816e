import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/tracker";
import { PageTitle } from "~/kernel/ui/forms";
import { trackerPage } from "~/roadmaps";
import { HistoryChart, ProgressBar, Why, useTrackerLive } from "~/roadmaps/ui";
import { Page } from "~/web/layout";
import { loaderFailure } from "~/web/errors";

/** The public tracker: no sign-in; only public items and fields (the roadmaps module decides which). */
export async function loader({ params }: Route.LoaderArgs) {
  return trackerPage(params.labSlug).catch(loaderFailure);
}

export function headers() {
  return { "Cache-Control": "no-store" };
}

export function meta({ data }: Route.MetaArgs) {
  return data ? [{ tagName: "link", rel: "alternate", type: "application/atom+xml", title: `Traceur de l’innovation – ${data.lab.name}`, href: `/traceur/${data.lab.slug}/flux.atom` }] : [];
}

type PublicItem = Awaited<ReturnType<typeof loader>>["roadmaps"][number]["tree"][number];

function Tree({ items, level }: { items: PublicItem[]; level: number }) {
  if (!items.length) return null;
  return (
    <ul className={level === 0 ? "fr-raw-list" : "fr-raw-list fr-pl-2w"} style={level ? { borderLeft: "2px solid var(--border-default-grey)" } : undefined}>
      {items.map((i) => (
        <li key={i.id} className="fr-mb-2w" data-item={i.id}>
          {level === 0 ? (
            <h3 className="fr-h5 fr-mb-1v">
              {i.kindLabel}
              {i.transversal ? " transversal" : ""}
              {"\u00a0"}: {i.title}
            </h3>
          ) : (
            <p className="fr-mb-1v">
              <span className="fr-text--xs">{i.kindLabel}{"\u00a0"}· </span>
              <strong>{i.title}</strong> <span className="fr-badge fr-badge--sm fr-badge--no-icon">{i.status}</span>
            </p>
          )}
          {(i.owner || i.dates || i.calendar) && <p className="fr-text--sm fr-mb-1v">{[i.owner && `Porté par ${i.owner}`, i.dates, i.calendar && `Calendrier prévisionnel\u00a0: ${i.calendar}`].filter(Boolean).join(" · ")}</p>}
          {i.description && level < 2 && <p className="fr-text--sm fr-mb-1v">{i.description}</p>}
          <ProgressBar percent={i.percent} label={i.percentLabel} />
          <Why text={i.why} />
          {i.milestones.length > 0 && (
            <details className="fr-text--sm fr-mb-1w">
              <summary>
                Jalons ({i.milestones.filter((m) => m.doneOn).length} franchis sur {i.milestones.length})
              </summary>
              <ul>
                {i.milestones.map((m) => (
                  <li key={m.id}>
                    {m.title}
                    {m.doneOn ? `\u00a0: franchi le ${m.doneOn}` : m.plannedOn ? `\u00a0: prévu le ${m.plannedOn}` : ""}
                    {m.evidence && ` (preuve\u00a0: ${m.evidence})`}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <Tree items={i.children as PublicItem[]} level={level + 1} />
        </li>
      ))}
    </ul>
  );
}

export default function Tracker() {
  const d = useLoaderData<typeof loader>();
  const live = useTrackerLive(`/traceur/${d.lab.slug}/direct`);
  return (
    <Page>
      <PageTitle title={`Traceur de l’innovation – ${d.lab.name}`} />
      <h1>Traceur de l’innovation – {d.lab.name}</h1>
      <p>
        Les projets et les initiatives de la feuille de route du lab, leur avancement et ce qui a changé. Chaque chiffre est calculé à partir des étapes franchies par les projets et des jalons atteints{"\u00a0"}: «{"\u00a0"}pourquoi ce chiffre{"\u00a0"}?{"\u00a0"}» dit de quoi il est fait.
      </p>
      <p className="fr-text--sm" role="status" id="tracker-live">
        {live === "live" ? "Mis à jour en direct." : live === "off" ? "Rechargez la page pour voir les derniers changements." : live === "lost" ? "Connexion perdue\u00a0: rechargez la page." : ""}
        {" "}
        <a href={`/traceur/${d.lab.slug}/flux.atom`}>Flux Atom des changements</a>
      </p>
      {d.roadmaps.map((r) => (
        <section key={r.id} aria-labelledby={`roadmap-${r.id}`} className="fr-mt-4w">
          <h2 id={`roadmap-${r.id}`}>{r.title}</h2>
          {r.description && <p>{r.description}</p>}
          <div id={`progress-${r.id}`} data-roadmap-progress={r.percent ?? ""}>
            <ProgressBar percent={r.percent} label={`Avancement d’ensemble\u00a0: ${r.percentLabel}`} />
          </div>
          <Why text={r.why} />
          <p className="fr-text--sm">
            {r.rule}. Part de chaque étape d’un projet{"\u00a0"}: {r.shares.map((s) => `${s.stage.toLowerCase()} ${s.percent}\u00a0%`).join(", ")}.
          </p>
          <Tree items={r.tree} level={0} />
          <h3>Prochains jalons</h3>
          {r.nextMilestones.length === 0 ? (
            <p>Aucun jalon prévu.</p>
          ) : (
            <ul>
              {r.nextMilestones.map((m) => (
                <li key={m.id}>
                  {m.plannedOn}
                  {"\u00a0"}: {m.title} ({m.item}){m.late && " – en retard"}
                </li>
              ))}
            </ul>
          )}
          <HistoryChart id={`history-${r.id}`} title={`Avancement d’ensemble depuis ${r.history[0]?.on.replace(/^.* (\d{4})$/, "$1") ?? "le début"}`} points={r.history} />
        </section>
      ))}
      <section aria-labelledby="calendrier" className="fr-mt-4w">
        <h2 id="calendrier">Calendrier prévisionnel</h2>
        {d.calendar.length === 0 ? (
          <p>Rien de prévu pour l’instant.</p>
        ) : (
          <ul>
            {d.calendar.map((c) => (
              <li key={c.id}>
                <strong>{c.period}</strong>
                {"\u00a0"}: {c.body}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="fil" className="fr-mt-4w">
        <h2 id="fil">Ce qui a changé</h2>
        {d.feed.length === 0 ? (
          <p>Rien pour l’instant.</p>
        ) : (
          <ul id="tracker-feed">
            {d.feed.map((e) => (
              <li key={e.id}>
                {e.on}
                {"\u00a0"}: {e.title}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={`/traceur/${d.lab.slug}`}>Recharger le traceur</Link>
        </p>
      </section>
    </Page>
  );
}
