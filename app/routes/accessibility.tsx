import { useLoaderData } from "react-router";
import { legalNotice } from "~/privacy";
import { formatDate } from "~/kernel/format";
import { PageTitle } from "~/kernel/ui/forms";
import { Page } from "~/web/layout";

export function loader() {
  const n = legalNotice();
  return { ...n, accessibilityDateLabel: formatDate(`${n.accessibilityDate}T12:00:00Z`) };
}

const NB = "\u00a0";

export default function Accessibility() {
  const n = useLoaderData<typeof loader>();
  return (
    <Page>
      <PageTitle title="Déclaration d’accessibilité" />
      <h1>Déclaration d’accessibilité</h1>
      <p>
        {n.publisher} s’engage à rendre ses services numériques accessibles, conformément à l’article 47 de la loi n°{NB}2005-102 du 11 février 2005.
      </p>
      <p>
        Cette déclaration d’accessibilité s’applique à {n.instanceName} ({n.publicUrl}).
      </p>

      <h2>État de conformité</h2>
      <p>
        <strong>
          {n.instanceName} est partiellement conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1.2,
        </strong>{" "}
        en raison des non-conformités et des limites énumérées ci-dessous.
      </p>

      <h2>Résultats des tests</h2>
      <p>Aucun audit complet des critères du RGAA n’a encore été réalisé par un tiers. Les vérifications suivantes sont faites à chaque version du logiciel, par ses tests automatisés{NB}:</p>
      <ul>
        <li>axe-core (règles WCAG 2.1 niveaux A et AA) sur chaque page visitée par les parcours de test dans le navigateur Chromium{NB}: aucune violation admise{NB};</li>
        <li>des parcours complets avec JavaScript désactivé (dépôt d’une idée, formulaires, confirmations){NB}: tout formulaire fonctionne sans JavaScript{NB};</li>
        <li>un résumé des erreurs en tête de formulaire, qui prend le focus et renvoie à chaque champ{NB};</li>
        <li>l’affichage des pages principales sur un écran de 390{NB}pixels de large{NB};</li>
        <li>la typographie française des textes affichés (espaces insécables).</li>
      </ul>

      <h2>Contenus non accessibles</h2>
      <h3>Non-conformités connues</h3>
      <ul>
        <li>Les critères que les tests automatiques ne couvrent pas (pertinence des alternatives textuelles, ordre de lecture, restitution par les lecteurs d’écran, navigation complète au clavier de chaque page) n’ont pas tous été vérifiés à la main.</li>
        <li>Le tableau en direct des séances de Mini-Lab annonce les nouveaux post-it aux lecteurs d’écran, mais son usage avec une aide technique n’a pas été éprouvé par des utilisateurs.</li>
        <li>Les cartes des problématiques présentent les thèmes sous forme visuelle{NB}; la liste des thèmes et de leurs idées en est l’équivalent textuel.</li>
      </ul>
      <h3>Contenus non soumis à l’obligation d’accessibilité</h3>
      <ul>
        <li>Les pièces jointes déposées par les agents (documents de tiers).</li>
      </ul>

      <h2>Établissement de cette déclaration d’accessibilité</h2>
      <p>Cette déclaration a été établie le {n.accessibilityDateLabel}.</p>
      <h3>Technologies utilisées</h3>
      <ul>
        <li>HTML5, CSS (Système de design de l’État), JavaScript (facultatif)</li>
      </ul>
      <h3>Environnement de test</h3>
      <ul>
        <li>Chromium sans interface, avec et sans JavaScript, piloté par Playwright, avec axe-core.</li>
      </ul>

      <h2>Retour d’information et contact</h2>
      <p>
        Si vous n’arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter le responsable du service pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme{NB}: <a href={`mailto:${n.accessibilityContact}`}>{n.accessibilityContact}</a>.
      </p>

      <h2>Voies de recours</h2>
      <p>Si vous constatez un défaut d’accessibilité vous empêchant d’accéder à un contenu ou à une fonctionnalité du service, que vous nous le signalez et que vous ne parvenez pas à obtenir une réponse de notre part, vous êtes en droit de faire parvenir vos doléances ou une demande de saisine au Défenseur des droits. Plusieurs moyens sont à votre disposition{NB}:</p>
      <ul>
        <li>
          écrire un message au Défenseur des droits par le{" "}
          <a href="https://formulaire.defenseurdesdroits.fr/" rel="noopener">
            formulaire en ligne
          </a>
          {NB};
        </li>
        <li>
          contacter{" "}
          <a href="https://www.defenseurdesdroits.fr/saisir/delegues" rel="noopener">
            le délégué du Défenseur des droits dans votre région
          </a>
          {NB};
        </li>
        <li>
          envoyer un courrier par la poste (gratuit, ne pas mettre de timbre){NB}: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.
        </li>
      </ul>
    </Page>
  );
}
