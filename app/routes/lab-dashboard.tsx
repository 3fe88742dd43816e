import { Form, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-dashboard";
import { parseForm } from "~/kernel/forms";
import { ErrorSummary, Field, PageTitle, SelectField } from "~/kernel/ui/forms";
import { dashboardPage, dashboardQuerySchema, type DashboardQuery } from "~/dashboards";
import { FigureCard } from "~/dashboards/ui";
import { Breadcrumb } from "~/kernel/ui/page";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const fd = new FormData();
  for (const [k, v] of new URL(request.url).searchParams) fd.append(k, v);
  const parsed = parseForm(fd, dashboardQuerySchema);
  // a period that does not parse is said next to its field; the page shows the default period meanwhile
  const query: DashboardQuery = parsed.ok ? parsed.data : { du: undefined, au: undefined };
  const page = await dashboardPage(viewer, params.labSlug, query).catch(loaderFailure);
  const errors = parsed.ok ? (page.unknownSite ? { site: "Site : choisissez dans la liste." } : null) : parsed.errors;
  return { ...page, errors, asked: parsed.ok && !page.unknownSite ? null : parsed.ok ? { site: query.site ?? "" } : parsed.values };
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
      <Form method="get" className="fr-mb-6w germoir-filters">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-3">
            <Field name="du" type="date" label="Du" error={d.errors?.du} defaultValue={asked("du", d.period.du)} />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <Field name="au" type="date" label="Au" error={d.errors?.au} defaultValue={asked("au", d.period.au)} />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <SelectField name="organisation" label="Organisation" placeholder="Toutes les organisations" error={d.errors?.organisation} defaultValue={asked("organisation", d.organisation ?? "")} options={d.organizations} />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <SelectField name="site" label="Site" hint="La commune des organisations" placeholder="Tous les sites" error={d.errors?.site} defaultValue={asked("site", d.site ?? "")} options={d.sites} />
          </div>
        </div>
        <button type="submit" className="fr-btn fr-btn--secondary">
          Afficher
        </button>
      </Form>
      {d.figures.map((f) => (
        <FigureCard key={f.id} figure={f} csvHref={`/lab/${d.lab.slug}/pilotage/export/${f.id}.csv?${filters}`} />
      ))}
    </Page>
  );
}
