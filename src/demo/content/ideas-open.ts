import type { RawIdea, TopicKey } from "./types";

/** Ideas of the campaign that is still open (submissions in progress). */
export const openIdeasRaw: (RawIdea & { topic: TopicKey })[] = [
  {
    topic: "environment",
    by: "maintenance",
    at: "lycee-fabert",
    title: "Relever les compteurs chaque mois et afficher la conso",
    problem:
      "On reçoit les factures d'énergie au lycée avec deux mois de retard, et personne ne les regarde à part la gestionnaire. Impossible de savoir si un réglage de chaudière a changé quelque chose.",
    proposal:
      "Je relève déjà les compteurs d'eau, de gaz et d'électricité le premier lundi du mois pour moi. On pourrait mettre ces chiffres dans un petit tableau affiché dans le hall, comparé au même mois de l'année d'avant. Les élèves et les collègues verraient l'effet de leurs efforts.",
    beneficiaries: "Lycée Fabert, équipe de maintenance, éco-délégués",
  },
  {
    topic: "environment",
    by: "siege",
    with: ["environnement"],
    title: "Un potager partagé sur le toit-terrasse",
    problem:
      "La terrasse du bâtiment est inutilisée et brûlante en été. Plusieurs collègues jardinent chez eux et ont proposé de s'en occuper.",
    proposal:
      "Installer des bacs de culture sur la terrasse, entretenus par un collectif d'agents volontaires sur la pause de midi, avec un composteur alimenté par le restaurant administratif. Les récoltes seraient partagées ou données.",
    beneficiaries: "Agents du siège, convivialité, biodiversité en ville",
  },
  {
    topic: "environment",
    by: "assistante",
    title: "Plus de petites bouteilles d'eau en réunion",
    problem:
      "Pour chaque réunion avec des partenaires, on commande des packs de bouteilles de 50 cl. La moitié repart entamée à la poubelle.",
    proposal:
      "Remplacer les bouteilles par des carafes d'eau du robinet et des verres lavables, stockés dans chaque salle de réunion. On peut garder quelques bouteilles pour les réunions à l'extérieur.",
    beneficiaries: "Services organisateurs de réunions, environnement",
  },
  {
    topic: "paperwork",
    by: "rh",
    title: "Un dossier agent entièrement numérique",
    problem:
      "Les dossiers individuels des agents sont encore sur papier, dans des armoires au siège. Pour une simple vérification de carrière il faut descendre aux archives, et les dossiers des agents des lycées sont parfois incomplets.",
    proposal:
      "Numériser progressivement les dossiers individuels, en commençant par les nouveaux recrutés, et permettre à chaque agent de consulter le sien en ligne, comme la loi le lui permet.",
    beneficiaries: "Agents, gestionnaires carrière",
  },
  {
    topic: "paperwork",
    by: "gestion",
    at: "lycee-chanzy",
    title: "Faire signer les contrats de remplacement en ligne",
    problem:
      "Quand on recrute un contractuel en urgence, le contrat part par courrier au siège pour signature puis revient au lycée. L'agent travaille souvent deux semaines sans contrat signé.",
    proposal:
      "Utiliser la signature électronique pour les contrats courts : le contrat est généré par la DRH, signé en ligne par l'autorité et par l'agent sur son téléphone, en 48h.",
    beneficiaries: "Agents contractuels, gestionnaires de lycée, DRH",
  },
  {
    topic: "wellbeing",
    by: "siege",
    title: "Tester la semaine en quatre jours",
    problem:
      "De plus en plus de collègues épuisés par les trajets demandent un temps partiel, et perdent du salaire pour ça.",
    proposal:
      "Lancer une expérimentation volontaire de la semaine de quatre jours à temps de travail égal dans deux ou trois services, pendant six mois, avec une évaluation sérieuse : santé, absentéisme, continuité du service.",
    beneficiaries: "Agents volontaires, services pilotes",
  },
  {
    topic: "wellbeing",
    by: "restauration",
    title: "Des tapis anti-fatigue pour les postes debout",
    problem:
      "Au service et à la plonge on reste debout quatre heures d'affilée sur du carrelage. Le soir on a les jambes lourdes et mal au dos.",
    proposal:
      "Poser des tapis anti-fatigue antidérapants aux postes fixes (ligne de self, plonge, caisse, accueil). C'est peu cher et ça existe dans toutes les cuisines professionnelles.",
    beneficiaries: "Agents de restauration et d'accueil",
  },
  {
    topic: "catering",
    by: "restauration",
    at: "lycee-henri-poincare",
    title: "Un plat végétarien au choix tous les jours",
    problem:
      "Le repas végétarien hebdomadaire ne suffit plus : chaque jour une partie des demi-pensionnaires ne mange que l'entrée et le dessert parce que le plat principal ne leur convient pas.",
    proposal:
      "Proposer chaque midi une alternative végétarienne au self, préparée en petite quantité et ajustée selon les chiffres de la veille. Au lycée Henri Poincaré on voudrait commencer après les vacances de printemps.",
    beneficiaries: "Demi-pensionnaires, cuisine",
  },
  {
    topic: "cleaning",
    by: "entretien",
    title: "Un robot aspirateur pour les grands couloirs",
    problem:
      "On passe chaque jour plus d'une heure sur les grands couloirs du rez-de-chaussée avec un balai, alors qu'il reste des sanitaires et des salles à faire à fond.",
    proposal:
      "Tester un robot de nettoyage des sols qui travaille tôt le matin dans les couloirs et le hall. Nous on garde les finitions et on se concentre sur ce qui demande vraiment nos mains.",
    beneficiaries: "Agents d'entretien",
  },
  {
    topic: "mobility",
    by: "maison",
    at: "maison-reims",
    job: "transport",
    title: "Monter dans les cars scolaires pour aller travailler",
    problem:
      "Les cars scolaires de la Région passent tous les matins devant chez des agents de lycées qui n'ont pas de voiture, et arrivent au lycée avec des places libres.",
    proposal:
      "Autoriser les agents régionaux des lycées à emprunter les lignes de transport scolaire de la Région dans la limite des places disponibles, avec une carte gratuite. On l'a calculé pour le secteur de Reims, il y aurait de la place sur la plupart des lignes.",
    beneficiaries: "Agents des lycées sans voiture, en zone rurale",
  },
  {
    topic: "digital",
    by: "numerique",
    title: "Retrouver un document interne en posant une question",
    problem:
      "Nos procédures, notes de service et guides sont dispersés entre l'intranet, des dossiers partagés et des boîtes mail. Trouver la bonne version d'une procédure prend souvent plus de temps que de l'appliquer.",
    proposal:
      "Un moteur de recherche interne unique, qui indexe l'intranet et les espaces documentaires, et qui permet de poser une question en français courant. Les résultats indiqueraient toujours la date et le service auteur du document.",
    beneficiaries: "Tous les agents sur poste informatique",
  },
  {
    topic: "skills",
    by: "rh",
    job: "formation",
    title: "Reconnaître les agents qui forment leurs collègues",
    problem:
      "Des agents forment régulièrement leurs collègues, de manière informelle, sur un logiciel, une machine, une technique de métier. Ce travail n'est ni reconnu ni compté.",
    proposal:
      "Créer un statut de formateur interne occasionnel, avec une courte formation de pédagogie, une indemnisation des heures de formation et une mention dans l'entretien professionnel. Leurs compétences seraient listées dans l'annuaire.",
    beneficiaries: "Agents formateurs, agents formés, service formation",
  },
];
