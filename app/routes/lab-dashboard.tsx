import { useLoaderData } from "react-router";
import type { Route } from "./+types/lab-dashboard";
import { parseQuery } from "~/kernel/forms";
import { ErrorSummary, PageTitle, SelectField } from "~/kernel/ui/forms";
import { dashboardPage, dashboardQuerySchema, type DashboardQuery } from "~/dashboards";
import { FigureCard, FiltersForm } from "~/dashboards/ui";
import { Breadcrumb } from "~/kernel/ui/page";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const parsed = parseQuery(request.url, dashboardQuerySchema);
  // a period that does not parse is said next to its field; the page shows the default period meanwhile
  const query: DashboardQuery = parsed.ok ? parsed.data : { du: undefined, au: undefined };
  const page = await dashboardPage(viewer, params.labSlug, query).catch(loaderFailure);
  if (!parsed.ok) return { ...page, errors: parsed.errors, asked: parsed.values };
  // a site is known only to the database: no organisation of that town
  if (page.unknownSite) return { ...page, errors: { site: "Site : choisissez dans la liste." }, asked: { site: query.site ?? "" } };
  return { ...page, errors: null, asked: null };
}

export default function LabDashboard() {
  const d = useLoaderData<typeof loader>();
  // the table exports carry the filters the page shows (the default period made explicit)
  const filters = new URLSearchParams({ du: d.period.du, au: d.period.au, ...(d.organisation ? { organisation: d.organisation } : {}), ...(d.site ? { site: d.site } : {}) }).toString();
  const asked = (k: string, fallback: string) => (d.asked && typeof d.asked[k] === "string" ? (d.asked[k] as string) : fallback);
  return (
    <Page>
      <PageTitle title={`Pilotage – ${d.lab.name}`} error={!!d.errors} />
      <Breadcrumb items={[{ to: "/lab", label: "Espace lab" }]} current="Pilotage" />
      <h1>Pilotage – {d.lab.name}</h1>
      <p>
        Chiffres calculés à la demande, {d.period.label}
        {d.organisation ? ", pour une organisation" : ", pour toutes les organisations"}
        {d.site ? ` de ${d.site}` : ""}. Chaque graphique a son tableau.
      </p>
      {d.errors && <ErrorSummary errors={d.errors} />}
      <FiltersForm period={d.period} errors={d.errors} value={asked}>
        <div className="fr-col-12 fr-col-md-6">
          <SelectField name="organisation" label="Organisation" placeholder="Toutes les organisations" error={d.errors?.organisation} defaultValue={asked("organisation", d.organisation ?? "")} options={d.organizations} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <SelectField name="site" label="Site" hint="La commune des organisations" placeholder="Tous les sites" error={d.errors?.site} defaultValue={asked("site", d.site ?? "")} options={d.sites} />
        </div>
      </FiltersForm>
      {d.figures.map((f) => (
        <FigureCard key={f.id} figure={f} csvHref={`/lab/${d.lab.slug}/pilotage/export/${f.id}.csv?${filters}`} />
      ))}
    </Page>
  );
}
