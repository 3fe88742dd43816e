import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/theme-maps";
import { formatDate } from "~/kernel/format";
import { PageTitle } from "~/kernel/ui/forms";
import { themeMapsIndex } from "~/themes";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";

export async function loader({ context, request }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  return { maps: await themeMapsIndex(s) };
}

export default function ThemeMaps() {
  const d = useLoaderData<typeof loader>();
  return (
    <Page>
      <PageTitle title="Problématiques" />
      <h1>Problématiques</h1>
      <p>Les problématiques de fond que les labs ont dégagées des idées des agents, avec la carte des idées et leurs auteurs.</p>
      {d.maps.length === 0 ? (
        <p>Aucune problématique n’est encore publiée.</p>
      ) : (
        <ul>
          {d.maps.map((m) => (
            <li key={m.id}>
              <Link to={`/problematiques/${m.id}`}>{m.title}</Link> – {m.lab}
              {m.publishedAt ? `, publiées le ${formatDate(m.publishedAt)}` : " (non publiées\u00a0: visibles par l’équipe du lab seulement)"}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
