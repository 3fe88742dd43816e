import { Form, Link, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-trainings-balance";
import { PageTitle } from "~/kernel/ui/forms";
import { reciprocalBalance } from "~/trainings";
import { balanceQuerySchema } from "~/trainings/schemas";
import { TrainingCrumbs } from "~/trainings/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

/** The reciprocal offer's balance per year: seats taken by each side's agents in the other sides' trainings. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const q = balanceQuerySchema.safeParse({ year: new URL(request.url).searchParams.get("annee") ?? undefined });
  return reciprocalBalance(viewer, params.labSlug, q.success ? q.data.year : null).catch(loaderFailure);
}

export default function LabTrainingsBalance() {
  const d = useLoaderData<typeof loader>();
  return (
    <Page>
      <PageTitle title={`Bilan de l’offre réciproque ${d.year} – ${d.lab.name}`} />
      <TrainingCrumbs steps={[{ to: "/lab", label: "Espace lab" }, { to: `/lab/${d.lab.slug}/formations`, label: "Formations" }, { label: "Bilan de l’offre réciproque" }]} />
      <h1>Bilan de l’offre réciproque {d.year}</h1>
      <p>
        Les places confirmées, dans les sessions de l’année, de chaque administration dans les formations des autres, pour tous les labs de la plateforme.
      </p>
      <Form method="get" className="fr-mb-4w">
        <div className="fr-select-group">
          <label className="fr-label" htmlFor="annee">
            Année
          </label>
          <select className="fr-select" id="annee" name="annee" defaultValue={String(d.year)}>
            {d.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="fr-btn fr-btn--secondary">
          Afficher
        </button>
      </Form>
      <ul>
        {d.summary.map((s) => (
          <li key={s.side}>{s.words}</li>
        ))}
      </ul>
      <div className="fr-table">
        <table>
          <caption>Places prises en {d.year}, par administration qui organise (lignes) et administration des agents (colonnes)</caption>
          <thead>
            <tr>
              <th scope="col">Formations de</th>
              {d.sides.map((s) => (
                <th scope="col" key={s}>
                  Agents {s === "État" ? "de l’État" : s === "Région" ? "de la Région" : s === "Collectivités" ? "des collectivités" : "de la santé"}
                </th>
              ))}
              <th scope="col">Sans administration connue</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.side}>
                <th scope="row">{r.side}</th>
                {r.cells.map((c) => (
                  <td key={c.agents}>{c.own ? `${c.seats} (ses agents)` : c.seats}</td>
                ))}
                <td>{r.other}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href={`/lab/${d.lab.slug}/formations/bilan.csv?annee=${d.year}`} download>
          Télécharger le bilan {d.year} (CSV)
        </a>
      </p>
      <p>
        <Link to={`/lab/${d.lab.slug}/formations`}>Retour aux formations du lab</Link>
      </p>
    </Page>
  );
}
