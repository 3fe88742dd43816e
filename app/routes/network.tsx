import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/network";
import { parseQuery } from "~/kernel/forms";
import { ErrorSummary, PageTitle } from "~/kernel/ui/forms";
import { networkPage, networkQuerySchema, type NetworkQuery } from "~/dashboards";
import { FigureCard, FiltersForm } from "~/dashboards/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

/** The network view: every lab of the installation side by side, for the labs' teams, directors and administrators. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const parsed = parseQuery(request.url, networkQuerySchema);
  const query: NetworkQuery = parsed.ok ? parsed.data : { du: undefined, au: undefined };
  const page = await networkPage(viewer, query).catch(loaderFailure);
  return { ...page, errors: parsed.ok ? null : parsed.errors, asked: parsed.ok ? null : parsed.values };
}

export default function Network() {
  const d = useLoaderData<typeof loader>();
  const filters = new URLSearchParams({ du: d.period.du, au: d.period.au }).toString();
  const asked = (k: string, fallback: string) => (d.asked && typeof d.asked[k] === "string" ? (d.asked[k] as string) : fallback);
  return (
    <Page>
      <PageTitle title="Le réseau des labs" error={!!d.errors} />
      <h1>Le réseau des labs</h1>
      <p>
        Les {d.labs.length}&nbsp;labs de cette installation côte à côte, {d.period.label}. Chiffres calculés à la demande&nbsp;; chaque graphique a son tableau. Le pilotage de chaque lab&nbsp;:{" "}
        {d.labs.map((l, i) => (
          <span key={l.slug}>
            {i > 0 && ", "}
            <Link to={`/lab/${l.slug}/pilotage`}>{l.name}</Link>
          </span>
        ))}
        .
      </p>
      {d.errors && <ErrorSummary errors={d.errors} />}
      <FiltersForm period={d.period} errors={d.errors} value={asked} />
      {d.figures.map((f) => (
        <FigureCard key={f.id} figure={f} csvHref={`/reseau/export/${f.id}.csv?${filters}`} />
      ))}
    </Page>
  );
}
