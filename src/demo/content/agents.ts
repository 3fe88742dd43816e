/**
 * Demo agents: 300 public servants generated deterministically (seeded PRNG over name
 * lists and a fixed staffing plan per organization), plus a few named special people
 * (lab teams, jurors, facilitators, directors, a committee member) kept apart.
 */
import { organizations } from "./organizations";

export interface DemoAgent {
  /** "a001" .. "a300" */
  key: string;
  firstName: string;
  lastName: string;
  /** firstname.lastname@<organization domain>, ascii, lowercase, unique */
  email: string;
  organizationKey: string;
  /** One of the organization's units. */
  unit: string;
  /** French job title (feminine form for women). */
  job: string;
}

export type SpecialRole =
  | "lab_team"
  | "admin"
  | "juror"
  | "facilitator"
  | "director"
  | "committee_member";

export interface DemoSpecialPerson {
  key: string;
  firstName: string;
  lastName: string;
  email: string;
  organizationKey: string;
  unit: string;
  job: string;
  roles: SpecialRole[];
  /** For lab team members: which lab they belong to. */
  lab?: "region" | "labest";
}

// ---------------------------------------------------------------------------
// Deterministic PRNG (mulberry32)
// ---------------------------------------------------------------------------

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lowercase ascii slug for e-mail local parts: "Élodie" -> "elodie", "N'Diaye" -> "ndiaye", "Da Silva" -> "da-silva". */
export function emailSlug(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ı/g, "i")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/\s+/g, "-")
    .replace(/[^a-z0-9-]/g, "");
}

function domainOf(organizationKey: string): string {
  const org = organizations.find((o) => o.key === organizationKey);
  if (!org) throw new Error(`unknown organization ${organizationKey}`);
  return org.domain;
}

function makeEmail(firstName: string, lastName: string, organizationKey: string): string {
  return `${emailSlug(firstName)}.${emailSlug(lastName)}@${domainOf(organizationKey)}`;
}

// ---------------------------------------------------------------------------
// Name stock. Groups let us pair first and last names plausibly most of the time,
// while keeping the mixing one sees in France today.
// ---------------------------------------------------------------------------

type NameGroup = "fr" | "maghreb" | "afr" | "pt" | "it" | "pl" | "tr" | "es" | "vn";
export type Gender = "f" | "m";

interface FirstName {
  name: string;
  gender: Gender;
  group: NameGroup;
}

function fns(gender: Gender, group: NameGroup, names: string): FirstName[] {
  return names.split(",").map((n) => ({ name: n.trim(), gender, group }));
}

export const FIRST_NAMES: FirstName[] = [
  ...fns(
    "f",
    "fr",
    "Marie, Nathalie, Sandrine, Isabelle, Sylvie, Catherine, Christine, Véronique, Valérie, Martine, Brigitte, Patricia, Corinne, Stéphanie, Céline, Aurélie, Virginie, Laetitia, Émilie, Julie, Camille, Léa, Manon, Chloé, Sarah, Pauline, Élodie, Audrey, Mélanie, Caroline, Anne-Sophie, Marie-Claire, Odile, Francine, Josiane, Danielle, Annick, Fabienne, Karine, Ophélie, Justine, Margaux, Laura, Charlotte, Jessica, Cindy, Vanessa, Gaëlle, Solène, Agathe, Éliane, Delphine, Muriel, Coralie, Marion",
  ),
  ...fns("f", "maghreb", "Nadia, Samira, Fatima, Yasmina, Leïla, Malika, Naïma, Khadija, Souad, Amel, Inès, Sonia, Aïcha, Djamila, Rachida"),
  ...fns("f", "afr", "Fatoumata, Aminata, Awa, Mariama, Aïssatou"),
  ...fns("f", "pt", "Fernanda, Ana, Carla, Rosa, Teresa"),
  ...fns("f", "it", "Graziella, Giulia, Carmela"),
  ...fns("f", "pl", "Agnieszka, Ewa"),
  ...fns("f", "tr", "Ayşe, Zeynep, Elif, Hatice"),
  ...fns("f", "es", "Carmen, Dolores"),
  ...fns("f", "vn", "Linh, Thu"),
  ...fns(
    "m",
    "fr",
    "Jean-Marc, Jean-Luc, Christophe, Laurent, Thierry, Pascal, Philippe, Patrick, Didier, Éric, Frédéric, Olivier, Stéphane, Sébastien, Nicolas, Julien, Mathieu, Guillaume, Romain, Maxime, Thomas, Lucas, Hugo, Kévin, Jérémy, Anthony, Cédric, Fabrice, Hervé, Bruno, Gilles, Denis, Alain, Serge, Rémi, Vincent, Alexandre, Benoît, Xavier, Yannick, Jean-Pierre, Joël, Gérard, Florian, Damien, Arnaud, Loïc, Yves, Francis, Dominique, Aurélien, Baptiste, Quentin, Stanislas, Emmanuel",
  ),
  ...fns("m", "maghreb", "Karim, Mohamed, Rachid, Farid, Mehdi, Sofiane, Yassine, Nordine, Abdelkader, Samir, Hamid, Bilal, Yanis, Rayan, Mourad"),
  ...fns("m", "afr", "Moussa, Mamadou, Ibrahima, Ousmane, Seydou"),
  ...fns("m", "pt", "Manuel, José, Paulo, Carlos, Joaquim"),
  ...fns("m", "it", "Fabio, Enzo, Dario"),
  ...fns("m", "pl", "Piotr, Tadeusz"),
  ...fns("m", "tr", "Mustafa, Emre, Hakan, Mehmet"),
  ...fns("m", "es", "Antonio, Miguel"),
  ...fns("m", "vn", "Minh, Duc"),
];

interface LastName {
  name: string;
  group: NameGroup;
}

function lns(group: NameGroup, names: string): LastName[] {
  return names.split(",").map((n) => ({ name: n.trim(), group }));
}

export const LAST_NAMES: LastName[] = [
  ...lns(
    "fr",
    // Alsace and Moselle
    "Muller, Schmitt, Meyer, Weber, Klein, Wagner, Fischer, Becker, Hoffmann, Schneider, Kieffer, Roth, Walter, Keller, Zimmermann, Bauer, Huber, Koehler, Schwartz, Wolff, Jung, Lang, Ott, Heitz, Vogel, Stoll, Kuntz, Burger, Baumann, Frey, Ehrhart, Wendling, Zimmer, Risch, Gangloff",
  ),
  ...lns(
    "fr",
    // Lorraine, Vosges, Champagne-Ardenne
    "Colin, Thiriet, Humbert, Jacquot, Pierson, Mangin, Gérardin, Grandjean, Poirot, Vautrin, Mougin, Durupt, Thiébaut, Claudel, Perrin, Lallement, Collignon, Rémy, Hennequin, Bouvier, Didelot, Marchal, Vuillaume",
  ),
  ...lns(
    "fr",
    "Martin, Bernard, Thomas, Petit, Robert, Richard, Durand, Dubois, Moreau, Laurent, Simon, Michel, Lefebvre, Leroy, Roux, David, Bertrand, Morel, Fournier, Girard, Bonnet, Dupont, Lambert, Fontaine, Rousseau, Vincent, Mercier, Blanc, Guérin, Boyer, Garnier, Chevalier, François, Legrand, Gauthier, Robin, Clément, Morin, Nicolas, Henry, Roussel, Mathieu, Masson, Marchand, Duval, Denis, Dumont, Lemaire, Noël, Meunier, Brun, Blanchard, Barbier, Renard, Lecomte, Picard",
  ),
  ...lns("maghreb", "Benali, Haddad, Bouzid, Mansouri, Belkacem, Cherif, Amrani, Boukhari, Saïdi, Hamdi, Mebarki, Zerrouki, Ait Ahmed, Bensalem, Khelifi, Ouali, Djebbar, El Idrissi"),
  ...lns("afr", "Diallo, Traoré, Koné, Camara, Diop, N'Diaye, Sow, Keïta, Coulibaly, Mbemba"),
  ...lns("pt", "Da Silva, Pereira, Ferreira, Rodrigues, Dos Santos, Oliveira, Gonçalves, Lopes, Carvalho, Teixeira"),
  ...lns("it", "Rossi, Bianchi, Russo, Colombo, Ricci, Romano, Marino, Gallo, Conti, Esposito, Lombardi"),
  ...lns("pl", "Kowalski, Nowak, Wisniewski, Lewandowski, Kaminski, Zielinski, Wozniak"),
  ...lns("tr", "Yılmaz, Kaya, Demir, Şahin, Çelik, Öztürk, Aydın, Arslan, Doğan"),
  ...lns("es", "Garcia, Martinez, Lopez, Sanchez, Fernandez, Gomez"),
  ...lns("vn", "Nguyen, Tran, Pham, Le"),
];

// ---------------------------------------------------------------------------
// Special people (kept apart from the 300 agents)
// ---------------------------------------------------------------------------

function special(
  key: string,
  firstName: string,
  lastName: string,
  organizationKey: string,
  unit: string,
  job: string,
  roles: SpecialRole[],
  lab?: "region" | "labest",
): DemoSpecialPerson {
  const person: DemoSpecialPerson = {
    key,
    firstName,
    lastName,
    email: makeEmail(firstName, lastName, organizationKey),
    organizationKey,
    unit,
    job,
    roles,
  };
  if (lab) person.lab = lab;
  return person;
}

const DIMAP = "DIMAP - Délégation à l'innovation";

export const labTeam: DemoSpecialPerson[] = [
  special("dimap-1", "Hélène", "Strauss", "region-hq", DIMAP, "Déléguée à l'innovation et à la modernisation de l'action publique", ["lab_team", "admin"], "region"),
  special("dimap-2", "Mathias", "Kessler", "region-hq", DIMAP, "Chef de projet innovation participative", ["lab_team"], "region"),
  special("dimap-3", "Nawel", "Bensaïd", "region-hq", DIMAP, "Chargée de mission Mini-Labs", ["lab_team"], "region"),
  special("dimap-4", "Adrien", "Jacquemin", "region-hq", DIMAP, "Designer de services publics", ["lab_team"], "region"),
  special("labest-1", "Claire", "Vuillemin", "prefecture-grand-est", "Lab'EST", "Directrice du Lab'EST", ["lab_team"], "labest"),
  special("labest-2", "Théo", "Ngoma", "prefecture-grand-est", "Lab'EST", "Chargé de projets innovation publique", ["lab_team"], "labest"),
  special("juror-1", "Bertrand", "Oberlé", "region-hq", "Direction des finances", "Directeur des finances", ["juror"]),
  special("juror-2", "Sylvie", "Marchetti", "lycee-fabert", "Administration", "Proviseure", ["juror"]),
  special("juror-3", "Antoine", "Rieffel", "prefecture-grand-est", "SGARE", "Secrétaire général adjoint pour les affaires régionales", ["juror"]),
  special("facilitator-1", "Nadège", "Thiébault", "lycee-claude-gellee", "Administration", "Adjointe gestionnaire", ["facilitator"]),
  special("facilitator-2", "Karim", "Ouazzani", "maison-reims", "Service territorial des lycées", "Chargé de mission territorial", ["facilitator"]),
  special("director-lycees", "Pierre-Yves", "Lorentz", "region-hq", "Direction des lycées", "Directeur des lycées", ["director"]),
  special("director-environnement", "Anne", "Fritsch", "region-hq", "Direction de l'environnement", "Directrice de l'environnement", ["director"]),
  special("committee-1", "Myriam", "Benhamou", "prefecture-grand-est", "Plateforme RH", "Responsable de la plateforme régionale RH", ["committee_member"]),
];

// ---------------------------------------------------------------------------
// Staffing plan: who works where, doing what. Order is the order of agent keys.
// ---------------------------------------------------------------------------

/** [count, masculine job title, feminine job title, probability that the holder is a woman] */
type JobSpec = [number, string, string, number];

interface UnitPlan {
  organizationKey: string;
  unit: string;
  jobs: JobSpec[];
}

const plan: UnitPlan[] = [];

function unitPlan(organizationKey: string, unit: string, ...jobs: JobSpec[]): void {
  plan.push({ organizationKey, unit, jobs });
}

// Headquarters (86 agents)
unitPlan(
  "region-hq",
  "Direction des lycées",
  [1, "Chef de service travaux et maintenance", "Cheffe de service travaux et maintenance", 0.4],
  [3, "Chargé de mission lycées", "Chargée de mission lycées", 0.5],
  [2, "Technicien bâtiment", "Technicienne bâtiment", 0.3],
  [1, "Chargé de mission restauration scolaire", "Chargée de mission restauration scolaire", 0.6],
  [2, "Gestionnaire administratif", "Gestionnaire administrative", 0.7],
  [1, "Assistant de direction", "Assistante de direction", 0.95],
);
unitPlan(
  "region-hq",
  "Direction de l'environnement",
  [1, "Chef de service transition énergétique", "Cheffe de service transition énergétique", 0.5],
  [2, "Chargé de mission économie circulaire", "Chargée de mission économie circulaire", 0.6],
  [2, "Chargé de mission biodiversité", "Chargée de mission biodiversité", 0.5],
  [1, "Chargé de mission climat-énergie", "Chargée de mission climat-énergie", 0.4],
  [1, "Assistant de direction", "Assistante de direction", 0.95],
);
unitPlan(
  "region-hq",
  "Direction des ressources humaines",
  [1, "Responsable RH", "Responsable RH", 0.7],
  [2, "Gestionnaire paie", "Gestionnaire paie", 0.8],
  [2, "Gestionnaire carrière", "Gestionnaire carrière", 0.8],
  [2, "Chargé de formation", "Chargée de formation", 0.7],
  [1, "Conseiller mobilité et parcours professionnels", "Conseillère mobilité et parcours professionnels", 0.7],
  [1, "Chargé de recrutement", "Chargée de recrutement", 0.7],
  [1, "Préventeur santé et sécurité au travail", "Préventrice santé et sécurité au travail", 0.5],
  [1, "Assistant social du personnel", "Assistante sociale du personnel", 0.9],
  [1, "Assistant de direction", "Assistante de direction", 0.95],
);
unitPlan(
  "region-hq",
  "Direction du numérique",
  [1, "Chef de service études et développement", "Cheffe de service études et développement", 0.3],
  [3, "Développeur", "Développeuse", 0.3],
  [2, "Chef de projet SI", "Cheffe de projet SI", 0.4],
  [2, "Technicien support utilisateurs", "Technicienne support utilisateurs", 0.25],
  [1, "Administrateur systèmes et réseaux", "Administratrice systèmes et réseaux", 0.2],
  [1, "Assistant de direction", "Assistante de direction", 0.95],
);
unitPlan(
  "region-hq",
  "Direction des finances",
  [1, "Chef de service budget", "Cheffe de service budget", 0.5],
  [4, "Gestionnaire comptable", "Gestionnaire comptable", 0.75],
  [2, "Contrôleur de gestion", "Contrôleuse de gestion", 0.5],
  [1, "Assistant de direction", "Assistante de direction", 0.95],
);
unitPlan(
  "region-hq",
  DIMAP,
  [1, "Chargé de mission modernisation", "Chargée de mission modernisation", 0.5],
  [1, "Chargé de mission qualité de service", "Chargée de mission qualité de service", 0.6],
  [1, "Apprenti designer de services", "Apprentie designer de services", 0.6],
);
unitPlan(
  "region-hq",
  "Direction de l'éducation",
  [1, "Chef de service orientation", "Cheffe de service orientation", 0.6],
  [3, "Chargé de mission éducation", "Chargée de mission éducation", 0.6],
  [1, "Gestionnaire de dispositifs jeunesse", "Gestionnaire de dispositifs jeunesse", 0.7],
  [1, "Assistant de direction", "Assistante de direction", 0.95],
);
unitPlan(
  "region-hq",
  "Direction des transports et de la mobilité",
  [1, "Chef de service mobilités", "Cheffe de service mobilités", 0.4],
  [3, "Chargé de mission mobilité", "Chargée de mission mobilité", 0.5],
  [2, "Gestionnaire transport scolaire", "Gestionnaire transport scolaire", 0.7],
  [1, "Chargé d'études TER", "Chargée d'études TER", 0.4],
  [1, "Assistant de direction", "Assistante de direction", 0.95],
);
unitPlan(
  "region-hq",
  "Direction de la commande publique",
  [1, "Responsable achats", "Responsable achats", 0.5],
  [2, "Acheteur public", "Acheteuse publique", 0.5],
  [2, "Juriste marchés publics", "Juriste marchés publics", 0.6],
  [1, "Gestionnaire marchés", "Gestionnaire marchés", 0.8],
);
unitPlan(
  "region-hq",
  "Direction de la communication",
  [1, "Responsable communication interne", "Responsable communication interne", 0.6],
  [2, "Chargé de communication", "Chargée de communication", 0.7],
  [1, "Graphiste", "Graphiste", 0.5],
  [1, "Rédacteur web", "Rédactrice web", 0.5],
  [1, "Assistant de direction", "Assistante de direction", 0.95],
);
unitPlan(
  "region-hq",
  "Direction de l'immobilier et des moyens généraux",
  [1, "Chef de service moyens généraux", "Cheffe de service moyens généraux", 0.4],
  [2, "Technicien bâtiment", "Technicienne bâtiment", 0.2],
  [2, "Gestionnaire moyens généraux", "Gestionnaire moyens généraux", 0.6],
  [2, "Agent logistique", "Agente logistique", 0.2],
  [1, "Agent du courrier", "Agente du courrier", 0.6],
  [1, "Chauffeur", "Chauffeuse", 0.1],
  [1, "Gestionnaire flotte automobile", "Gestionnaire flotte automobile", 0.5],
);

// Maisons de la Région (25 agents)
unitPlan(
  "maison-mulhouse",
  "Accueil et services généraux",
  [1, "Responsable de site", "Responsable de site", 0.5],
  [1, "Agent d'accueil", "Agente d'accueil", 0.85],
  [1, "Assistant administratif", "Assistante administrative", 0.9],
);
unitPlan(
  "maison-mulhouse",
  "Service territorial des lycées",
  [1, "Chef de service territorial", "Cheffe de service territorial", 0.4],
  [2, "Chargé d'opérations lycées", "Chargée d'opérations lycées", 0.3],
  [1, "Assistant de direction", "Assistante de direction", 0.95],
);
unitPlan(
  "maison-mulhouse",
  "Développement territorial",
  [2, "Chargé de développement territorial", "Chargée de développement territorial", 0.5],
);
unitPlan(
  "maison-reims",
  "Accueil et services généraux",
  [1, "Agent d'accueil", "Agente d'accueil", 0.85],
  [1, "Assistant de direction", "Assistante de direction", 0.95],
);
unitPlan(
  "maison-reims",
  "Service territorial des lycées",
  [1, "Responsable territorial des lycées", "Responsable territoriale des lycées", 0.4],
  [2, "Technicien de maintenance des lycées", "Technicienne de maintenance des lycées", 0.2],
);
unitPlan(
  "maison-reims",
  "Transports scolaires",
  [3, "Gestionnaire transport scolaire", "Gestionnaire transport scolaire", 0.75],
  [1, "Chargé de mission transports", "Chargée de mission transports", 0.5],
);
unitPlan(
  "maison-metz",
  "Accueil et services généraux",
  [1, "Responsable de site", "Responsable de site", 0.5],
  [1, "Agent d'accueil", "Agente d'accueil", 0.85],
  [1, "Assistant administratif", "Assistante administrative", 0.9],
);
unitPlan(
  "maison-metz",
  "Service territorial des lycées",
  [1, "Chef de service territorial", "Cheffe de service territorial", 0.4],
  [2, "Chargé d'opérations lycées", "Chargée d'opérations lycées", 0.3],
  [1, "Assistant de direction", "Assistante de direction", 0.95],
);

// Lycées (174 agents). [entretien, restauration, accueil, maintenance, administration]
const lyceeSizes: [string, number, number, number, number, number][] = [
  ["lycee-bartholdi", 8, 6, 2, 2, 2],
  ["lycee-schweitzer", 7, 5, 2, 2, 2],
  ["lycee-marie-curie", 8, 5, 2, 2, 2],
  ["lycee-claude-gellee", 7, 5, 1, 2, 2],
  ["lycee-jules-ferry", 6, 4, 1, 2, 2],
  ["lycee-henri-poincare", 9, 6, 2, 2, 2],
  ["lycee-fabert", 7, 5, 1, 2, 2],
  ["lycee-clemenceau", 6, 5, 1, 2, 2],
  ["lycee-chrestien-de-troyes", 7, 4, 1, 2, 2],
  ["lycee-chanzy", 6, 4, 1, 2, 2],
];

for (const [org, entretien, restauration, accueil, maintenance, administration] of lyceeSizes) {
  unitPlan(
    org,
    "Agents d'entretien",
    [1, "Chef d'équipe entretien", "Cheffe d'équipe entretien", 0.6],
    [entretien - 1, "Agent d'entretien", "Agente d'entretien", 0.7],
  );
  unitPlan(
    org,
    "Restauration",
    [1, "Chef de cuisine", "Cheffe de cuisine", 0.35],
    [1, "Second de cuisine", "Seconde de cuisine", 0.45],
    [Math.ceil((restauration - 2) / 2), "Cuisinier", "Cuisinière", 0.5],
    [Math.floor((restauration - 2) / 2), "Agent de restauration", "Agente de restauration", 0.75],
  );
  unitPlan(org, "Accueil", [accueil, "Agent d'accueil", "Agente d'accueil", 0.7]);
  unitPlan(
    org,
    "Maintenance",
    [1, "Agent de maintenance", "Agente de maintenance", 0.1],
    [maintenance - 1, "Ouvrier de maintenance polyvalent", "Ouvrière de maintenance polyvalente", 0.1],
  );
  unitPlan(
    org,
    "Administration",
    [1, "Gestionnaire", "Gestionnaire", 0.6],
    [administration - 1, "Secrétaire d'intendance", "Secrétaire d'intendance", 0.85],
  );
}

// State services (15 agents)
unitPlan(
  "prefecture-grand-est",
  "SGARE",
  [1, "Chargé de mission modernisation de l'État", "Chargée de mission modernisation de l'État", 0.5],
  [1, "Chargé de mission fonds européens", "Chargée de mission fonds européens", 0.5],
  [1, "Assistant de direction", "Assistante de direction", 0.95],
);
unitPlan(
  "prefecture-grand-est",
  "Plateforme RH",
  [1, "Conseiller mobilité carrière", "Conseillère mobilité carrière", 0.7],
  [1, "Chargé de formation interministérielle", "Chargée de formation interministérielle", 0.6],
);
unitPlan(
  "prefecture-grand-est",
  "Service des moyens mutualisés",
  [1, "Gestionnaire achats", "Gestionnaire achats", 0.6],
  [1, "Technicien informatique", "Technicienne informatique", 0.2],
);
unitPlan(
  "prefecture-grand-est",
  "Bureau de la communication interministérielle",
  [2, "Chargé de communication", "Chargée de communication", 0.6],
);
unitPlan(
  "ddt-vosges",
  "Secrétariat général",
  [1, "Secrétaire générale adjointe", "Secrétaire générale adjointe", 1],
  [1, "Gestionnaire logistique", "Gestionnaire logistique", 0.5],
);
unitPlan(
  "ddt-vosges",
  "Service environnement et risques",
  [1, "Inspecteur de l'environnement", "Inspectrice de l'environnement", 0.4],
  [1, "Technicien eau et biodiversité", "Technicienne eau et biodiversité", 0.4],
);
unitPlan(
  "ddt-vosges",
  "Service économie agricole et rurale",
  [2, "Instructeur aides PAC", "Instructrice aides PAC", 0.6],
);

// ---------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------

/** Gender of each generated agent (used to keep first-person texts grammatically consistent). */
export const agentGenders: Record<string, Gender> = {};

function generateAgents(): DemoAgent[] {
  const rand = mulberry32(20200301);
  const pick = <T>(list: T[]): T => {
    const item = list[Math.floor(rand() * list.length)];
    if (item === undefined) throw new Error("empty list");
    return item;
  };
  // Names of the "fr" group count twice: roughly three agents in four carry one.
  const weighted = FIRST_NAMES.flatMap((f) => (f.group === "fr" ? [f, f] : [f]));
  const female = weighted.filter((f) => f.gender === "f");
  const male = weighted.filter((f) => f.gender === "m");

  const usedNames = new Set<string>(labTeam.map((p) => emailSlug(`${p.firstName} ${p.lastName}`)));
  const usedFirstNameCount = new Map<string, number>();
  const result: DemoAgent[] = [];

  for (const u of plan) {
    for (const [count, jobM, jobF, pFemale] of u.jobs) {
      for (let i = 0; i < count; i++) {
        const isWoman = rand() < pFemale;
        let first: FirstName;
        let last: LastName;
        for (;;) {
          first = pick(isWoman ? female : male);
          // keep first names varied: none used more than 4 times
          if ((usedFirstNameCount.get(first.name) ?? 0) >= 4) continue;
          const sameGroup = LAST_NAMES.filter((l) => l.group === first.group);
          // mostly a last name of the same origin, sometimes any (mixed families, marriages)
          last = rand() < (first.group === "fr" ? 0.6 : 0.8) ? pick(sameGroup) : pick(LAST_NAMES);
          const id = emailSlug(`${first.name} ${last.name}`);
          if (!usedNames.has(id)) {
            usedNames.add(id);
            break;
          }
        }
        usedFirstNameCount.set(first.name, (usedFirstNameCount.get(first.name) ?? 0) + 1);
        const n = result.length + 1;
        const key = `a${String(n).padStart(3, "0")}`;
        agentGenders[key] = isWoman ? "f" : "m";
        result.push({
          key,
          firstName: first.name,
          lastName: last.name,
          email: makeEmail(first.name, last.name, u.organizationKey),
          organizationKey: u.organizationKey,
          unit: u.unit,
          job: isWoman ? jobF : jobM,
        });
      }
    }
  }
  return result;
}

export const agents: DemoAgent[] = generateAgents();

export function agentByKey(key: string): DemoAgent | undefined {
  return agents.find((a) => a.key === key);
}
