import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/desk";
import { PageTitle } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { deskLabs } from "~/requests";
import { frenchSpaces, promise } from "~/requests/client";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";

export async function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request);
  return { labs: await deskLabs() };
}

export default function Desk() {
  const d = useLoaderData<typeof loader>();
  return (
    <Page>
      <PageTitle title="Guichet unique des labs" />
      <Breadcrumb items={[{ label: "Accueil", to: "/" }]} current="Guichet unique" />
      <h1>Guichet unique des labs</h1>
      <p>Votre service a besoin d’aide pour un projet, un atelier, un conseil de méthode, une formation ou pour trouver des partenaires{"\u202f"}? Demandez-la à l’un des labs, au nom de votre service. Le lab vous répond dans le délai qu’il s’est fixé.</p>
      <p>
        <Link className="fr-btn" to="/guichet/nouvelle">
          Faire une demande
        </Link>{" "}
        <Link className="fr-btn fr-btn--secondary" to="/mes-demandes">
          Mes demandes
        </Link>
      </p>
      <h2>Les labs</h2>
      <ul className="fr-raw-list">
        {d.labs.map((l) => (
          <li key={l.id} className="fr-mb-3w">
            <h3 className="fr-h5 fr-mb-1w">{l.name}</h3>
            {l.description && <p className="fr-mb-1w">{frenchSpaces(l.description)}</p>}
            <p className="fr-text--sm fr-mb-1w">{promise(l.answerDays)}.</p>
            <Link to={`/guichet/nouvelle?lab=${encodeURIComponent(l.slug)}`}>
              Demander l’aide de ce lab<span className="fr-sr-only"> : {l.name}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
