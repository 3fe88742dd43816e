/**
 * Shared types of the demo ideas. The idea texts live in `ideas-*.ts`, written with an
 * author *profile* (the kind of agent who would write them); `ideas.ts` resolves profiles
 * to concrete agent keys deterministically.
 */

/** The cross-cutting problems ("problématiques de fond") behind the ideas. */
export type TopicKey =
  | "environment"
  | "cleaning"
  | "catering"
  | "skills"
  | "onboarding"
  | "mobility"
  | "paperwork"
  | "communication"
  | "training"
  | "wellbeing"
  | "maintenance"
  | "purchasing"
  | "digital";

export const topicLabels: Record<TopicKey, string> = {
  environment: "Environnement : tri, gaspillage, énergie",
  cleaning: "Le ménage dans les lycées",
  catering: "La restauration dans les lycées",
  skills: "Connaître et partager les compétences",
  onboarding: "Accueil des nouveaux arrivants",
  mobility: "Se déplacer entre les sites",
  paperwork: "Démarches internes et dématérialisation",
  communication: "Communication interne",
  training: "Formation des agents",
  wellbeing: "Qualité de vie au travail",
  maintenance: "Maintenance des bâtiments",
  purchasing: "Achats et fournitures",
  digital: "Outils numériques",
};

export interface DemoAward {
  kind: "prize" | "mention";
  citation: string;
}

export interface DemoIdea {
  key: string;
  /** An agent key ("a001".."a300"), coherent with the topic. */
  authorKey: string;
  /** Usually empty, sometimes 1-2 agent keys. */
  coAuthorKeys: string[];
  title: string;
  problem: string;
  proposal: string;
  beneficiaries: string;
  topic: TopicKey;
  awarded?: DemoAward;
}

/**
 * Kind of agent who writes an idea. Resolved against the agents' organization and unit:
 * - lycée profiles: entretien, restauration, maintenance, accueil, gestion (Administration), lycee (any unit)
 * - headquarters directorates: dir_lycees, environnement, rh, numerique, finances, dimap, education,
 *   transports, achats, com, moyens; siege (any headquarters agent)
 * - assistante: any "Assistante/Assistant de direction" or administrative assistant (headquarters or Maison)
 * - maison (any Maison de la Région agent), maison_lycees (their lycée service)
 * - etat (Préfecture or DDT)
 */
export type AuthorProfile =
  | "entretien"
  | "restauration"
  | "maintenance"
  | "accueil"
  | "gestion"
  | "lycee"
  | "dir_lycees"
  | "environnement"
  | "rh"
  | "numerique"
  | "finances"
  | "dimap"
  | "education"
  | "transports"
  | "achats"
  | "com"
  | "moyens"
  | "siege"
  | "assistante"
  | "maison"
  | "maison_lycees"
  | "etat";

export interface RawIdea {
  /** Profile of the author. */
  by: AuthorProfile;
  /** Organization key the author must belong to (when the text names a place). */
  at?: string;
  /** Required grammatical gender of the author, when the text is written in the first person with agreement ("je suis arrivée"). */
  gender?: "f" | "m";
  /** Substring the author's job title must contain (e.g. "d'équipe" for a team leader). */
  job?: string;
  /** Profiles of co-authors (taken in the author's organization when possible). */
  with?: AuthorProfile[];
  title: string;
  problem: string;
  proposal: string;
  beneficiaries: string;
  award?: DemoAward;
}

export interface RawIdeaGroup {
  topic: TopicKey;
  ideas: RawIdea[];
}
