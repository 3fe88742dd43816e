/** The roadmaps' components, for the browser too: no server code is imported here. */
import { useEffect, useState, type ReactNode } from "react";
import { useRevalidator } from "react-router";
import { Breadcrumb } from "../kernel/ui/page";

export function RoadmapCrumbs({ steps }: { steps: { to?: string; label: string }[] }) {
  const before = steps.slice(0, -1).filter((s): s is { to: string; label: string } => !!s.to);
  return <Breadcrumb items={before} current={steps[steps.length - 1]?.label ?? ""} />;
}

/** A progress bar with its figure in words (the bar is decoration; the figure is the text). */
export function ProgressBar({ percent, label, id }: { percent: number | null; label: string; id?: string }) {
  const value = percent === null ? 0 : Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="germoir-progress" data-percent={percent === null ? "" : value} id={id}>
      <div aria-hidden="true" style={{ background: "var(--background-contrast-grey)", borderRadius: 4, height: 8, width: "100%", maxWidth: "20rem", display: "inline-block", verticalAlign: "middle", marginRight: "0.5rem" }}>
        <div style={{ background: "var(--background-action-high-blue-france)", borderRadius: 4, height: 8, width: `${value}%` }} />
      </div>
      <strong className="germoir-progress__figure">{label}</strong>
    </div>
  );
}

/** « Pourquoi ce chiffre ? »: a disclosure holding the explanation. */
export function Why({ text }: { text: string }) {
  return (
    <details className="fr-text--sm fr-mb-1w">
      <summary>Pourquoi ce chiffre{"\u00a0"}?</summary>
      <p className="fr-text--sm fr-mb-0">{text}</p>
    </details>
  );
}

/** The history of a figure: a line (SVG, drawn on the server) and its table, the table being the reference. */
export function HistoryChart({ points, title, id }: { points: { at: string; on: string; percent: number | null }[]; title: string; id: string }) {
  const measured = points.filter((p): p is { at: string; on: string; percent: number } => p.percent !== null);
  const W = 600;
  const H = 180;
  const pad = { left: 40, right: 10, top: 10, bottom: 28 };
  let chart: ReactNode = null;
  if (measured.length >= 1) {
    const t0 = Date.parse(measured[0].at);
    const t1 = Math.max(Date.parse(measured[measured.length - 1].at), t0 + 86_400_000);
    const x = (at: string) => pad.left + ((Date.parse(at) - t0) / (t1 - t0)) * (W - pad.left - pad.right);
    const y = (p: number) => pad.top + (1 - p / 100) * (H - pad.top - pad.bottom);
    // a step line: a figure holds until the next change
    let d = "";
    measured.forEach((p, i) => {
      d += i === 0 ? `M${x(p.at).toFixed(1)},${y(p.percent).toFixed(1)}` : `H${x(p.at).toFixed(1)}V${y(p.percent).toFixed(1)}`;
    });
    d += `H${(W - pad.right).toFixed(1)}`;
    const years = [] as number[];
    for (let yr = new Date(t0).getUTCFullYear() + 1; yr <= new Date(t1).getUTCFullYear(); yr++) years.push(yr);
    chart = (
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: W, height: "auto" }} role="img" aria-labelledby={`${id}-title`}>
        <title id={`${id}-title`}>{`${title}\u00a0: de ${measured[0].percent}\u00a0% le ${measured[0].on} à ${measured[measured.length - 1].percent}\u00a0% le ${measured[measured.length - 1].on} (le tableau qui suit donne chaque valeur)`}</title>
        {[0, 50, 100].map((p) => (
          <g key={p}>
            <line x1={pad.left} x2={W - pad.right} y1={y(p)} y2={y(p)} stroke="var(--border-default-grey)" strokeWidth="1" />
            <text x={pad.left - 6} y={y(p) + 4} textAnchor="end" fontSize="11" fill="var(--text-mention-grey)">{`${p}\u00a0%`}</text>
          </g>
        ))}
        {years.map((yr) => {
          const at = `${yr}-01-01T00:00:00Z`;
          return (
            <text key={yr} x={x(at)} y={H - 8} textAnchor="middle" fontSize="11" fill="var(--text-mention-grey)">
              {yr}
            </text>
          );
        })}
        <path d={d} fill="none" stroke="var(--background-action-high-blue-france)" strokeWidth="2.5" />
      </svg>
    );
  }
  return (
    <figure className="fr-mb-4w" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="fr-h6 fr-mb-1w">
        {title}
      </figcaption>
      {chart ?? <p>Pas encore d’historique.</p>}
      {points.length > 0 && (
        <details className="fr-mt-1w">
          <summary>Tableau de l’historique ({points.length}{"\u00a0"}valeurs)</summary>
          <div className="fr-table fr-table--no-caption">
            <div className="fr-table__wrapper">
              <div className="fr-table__container">
                <div className="fr-table__content">
                  <table>
                    <caption>{title}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Date</th>
                        <th scope="col">Avancement</th>
                      </tr>
                    </thead>
                    <tbody>
                      {points.map((p, i) => (
                        <tr key={`${p.at}-${i}`}>
                          <td>{p.on}</td>
                          <td>{p.percent === null ? "–" : `${p.percent}\u00a0%`}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            </div>
          </div>
        </details>
      )}
    </figure>
  );
}

/**
 * With JavaScript, an open tracker hears the server's events (`EventSource`) and reloads its data
 * when something changed; without it, the page is as of its load (reload to see more).
 */
export function useTrackerLive(streamUrl: string): "off" | "connecting" | "live" | "lost" {
  const revalidator = useRevalidator();
  const [state, setState] = useState<"off" | "connecting" | "live" | "lost">("off");
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    setState("connecting");
    const es = new EventSource(streamUrl);
    let first = true;
    es.addEventListener("snapshot", () => {
      setState("live");
      if (first) first = false;
      else void revalidator.revalidate();
    });
    es.addEventListener("change", () => void revalidator.revalidate());
    es.addEventListener("error", () => setState(es.readyState === EventSource.CLOSED ? "lost" : "connecting"));
    return () => es.close();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [streamUrl]);
  return state;
}
