import { useLoaderData } from "react-router";
import { legalNotice } from "~/privacy";
import { PageTitle } from "~/kernel/ui/forms";
import { Page } from "~/web/layout";

export function loader() {
  return legalNotice();
}

export default function LegalNotice() {
  const n = useLoaderData<typeof loader>();
  return (
    <Page>
      <PageTitle title="Mentions légales" />
      <h1>Mentions légales</h1>
      <h2>Éditeur</h2>
      <p>
        {n.instanceName} est édité par {n.publisher}, {n.publisherAddress}.
      </p>
      <h2>Directeur ou directrice de la publication</h2>
      <p>{n.publicationDirector}</p>
      <h2>Hébergement</h2>
      <p>
        {n.host}
        {n.hostAddress ? `, ${n.hostAddress}` : ""}.
      </p>
      <h2>Logiciel</h2>
      <p>
        {n.instanceName} fonctionne avec le logiciel Germoir, bâti avec le Système de design de l’État (DSFR).{" "}
        {n.softwareLicence ? `Licence\u00a0: ${n.softwareLicence}.` : "Sa licence de diffusion n’est pas encore précisée."}
      </p>
      <h2>Données personnelles et accessibilité</h2>
      <p>
        Le traitement de vos données est décrit dans la page <a href="/donnees-personnelles">Données personnelles</a>. L’état d’accessibilité du service est décrit dans la{" "}
        <a href="/accessibilite">déclaration d’accessibilité</a>.
      </p>
    </Page>
  );
}
