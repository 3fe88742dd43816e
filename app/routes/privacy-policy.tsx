import { Link, useLoaderData } from "react-router";
import { legalNotice } from "~/privacy";
import { PageTitle } from "~/kernel/ui/forms";
import { Page } from "~/web/layout";

export function loader() {
  return legalNotice();
}

const NB = "\u00a0";

const purposes: { purpose: string; basis: string }[] = [
  { purpose: "Créer et gérer votre compte, vous authentifier (ProConnect ou l’annuaire de votre organisation)", basis: `Mission d’intérêt public (article 6-1-e du RGPD)` },
  { purpose: "Recueillir, instruire, évaluer, primer et suivre les idées des agents (campagnes, jurys, fusions, décisions)", basis: `Mission d’intérêt public (article 6-1-e du RGPD)` },
  { purpose: "Animer les Mini-Labs, leurs séances et leurs tableaux, préparer et arbitrer leurs propositions", basis: `Mission d’intérêt public (article 6-1-e du RGPD)` },
  { purpose: "Faire vivre les communautés de métiers (messages, réponses, panels)", basis: `Mission d’intérêt public (article 6-1-e du RGPD)` },
  { purpose: "Vous informer par notification et par courriel de ce qui vous concerne", basis: `Mission d’intérêt public (article 6-1-e du RGPD)${NB}; vous choisissez les courriels reçus dans la page Notifications` },
  { purpose: "Assurer la sécurité du service (sessions, protection contre les abus, journal des suppressions)", basis: `Obligation de sécurité (article 32 du RGPD) et mission d’intérêt public (article 6-1-e du RGPD)` },
];

export default function PrivacyPolicy() {
  const n = useLoaderData<typeof loader>();
  return (
    <Page>
      <PageTitle title="Données personnelles" />
      <h1>Données personnelles</h1>
      <p className="fr-text--lead">
        {n.instanceName} traite les données personnelles des agents qui l’utilisent, dans le respect du règlement général sur la protection des données (RGPD) et de la loi Informatique et libertés.
      </p>

      <h2>Responsable du traitement</h2>
      <p>
        {n.controller}, {n.controllerAddress}.
      </p>

      <h2>Finalités et bases légales</h2>
      <div className="fr-table">
        <table>
          <caption>Pourquoi vos données sont traitées</caption>
          <thead>
            <tr>
              <th scope="col">Finalité</th>
              <th scope="col">Base légale</th>
            </tr>
          </thead>
          <tbody>
            {purposes.map((p) => (
              <tr key={p.purpose}>
                <td>{p.purpose}</td>
                <td>{p.basis}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Données traitées</h2>
      <p>
        Votre identité telle que la transmet votre fournisseur d’identité (nom, prénom, adresse électronique, organisation, service, SIRET, identifiant technique), votre fonction et votre site s’ils sont renseignés, vos contributions (idées, co-autorats, soutiens, commentaires,
        pièces jointes, évaluations de jury, présences et post-it des Mini-Labs, propositions, décisions, messages et réponses aux panels des communautés), vos notifications, vos préférences de courriel, vos sessions de connexion et les courriels qui vous sont envoyés.
      </p>

      <h2>Destinataires</h2>
      <ul>
        <li>Les agents connectés{NB}: vos idées déposées, vos commentaires et vos messages, avec votre nom.</li>
        <li>Les équipes des labs et les jurys des campagnes auxquelles vous participez, pour instruire et évaluer les idées.</li>
        <li>Les membres et les animateurs des Mini-Labs et des communautés dont vous êtes membre{NB}; les directions saisies d’une proposition.</li>
        <li>Les sous-traitants techniques de l’opérateur{NB}: l’hébergeur ({n.host}) et le service d’envoi des courriels.</li>
      </ul>
      <p>Aucune donnée n’est vendue, ni utilisée à des fins publicitaires, ni transférée hors de l’Union européenne par le logiciel.</p>

      <h2>Durées de conservation</h2>
      <p>Une tâche programmée efface chaque heure ce qui a dépassé sa durée de conservation.</p>
      <div className="fr-table">
        <table>
          <caption>Combien de temps vos données sont conservées</caption>
          <thead>
            <tr>
              <th scope="col">Données</th>
              <th scope="col">Durée de conservation</th>
            </tr>
          </thead>
          <tbody>
            {n.retention.map((r) => (
              <tr key={r.data}>
                <td>{r.data}</td>
                <td>{r.duration}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Vos droits et comment les exercer</h2>
      <p>Vous disposez d’un droit d’accès, de rectification, d’effacement, de limitation du traitement, d’opposition et, pour les données que vous avez fournies, de portabilité.</p>
      <ul>
        <li>
          Accès, portabilité et effacement{NB}: la page <Link to="/mes-donnees">Mes données</Link> affiche tout ce que {n.instanceName} conserve sur vous, le télécharge au format JSON et supprime votre compte.
        </li>
        <li>Rectification{NB}: votre nom, votre adresse et votre organisation viennent de votre fournisseur d’identité{NB}; corrigez-les auprès de lui, {n.instanceName} les reprend à votre connexion suivante.</li>
        <li>
          Pour tout autre droit, ou pour une question{NB}: écrivez au délégué à la protection des données (DPD) à l’adresse <a href={`mailto:${n.dpoContact}`}>{n.dpoContact}</a>.
        </li>
      </ul>

      <h2>Délégué à la protection des données</h2>
      <p>
        Le délégué à la protection des données du responsable du traitement est joignable à l’adresse <a href={`mailto:${n.dpoContact}`}>{n.dpoContact}</a>.
      </p>

      <h2>Réclamation auprès de la CNIL</h2>
      <p>
        Si vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la Commission nationale de l’informatique et des libertés (CNIL), en ligne sur{" "}
        <a href="https://www.cnil.fr/fr/plaintes" rel="noopener">
          cnil.fr/fr/plaintes
        </a>{" "}
        ou par courrier{NB}: CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07.
      </p>

      <h2>Témoins de connexion (cookies)</h2>
      <p>
        {n.instanceName} ne dépose que les témoins nécessaires à son fonctionnement{NB}: la session de connexion et la protection des formulaires. Ils sont exemptés de consentement{NB}; aucun témoin de mesure d’audience ni de publicité n’est déposé.
      </p>
    </Page>
  );
}
