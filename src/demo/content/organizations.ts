/**
 * Demo organizations: the Région Grand Est (headquarters, Maisons de la Région, lycées)
 * and two State services (the regional Préfecture and one DDT).
 *
 * SIRET numbers are fake (they pass the Luhn check but belong to nobody).
 */

export type OrganizationKind = "region_hq" | "maison_region" | "lycee" | "prefecture" | "ddt";

export interface DemoOrganization {
  key: string;
  name: string;
  kind: OrganizationKind;
  city: string;
  /** 14 digits, plausible, fake. */
  siret: string;
  units: string[];
  /** E-mail domain of the agents of this organization (lycée staff are Région agents). */
  domain: string;
}

const REGION_DOMAIN = "grandest.fr";

const LYCEE_UNITS: string[] = [
  "Agents d'entretien",
  "Restauration",
  "Accueil",
  "Maintenance",
  "Administration",
];

export const organizations: DemoOrganization[] = [
  {
    key: "region-hq",
    name: "Région Grand Est - Hôtel de Région",
    kind: "region_hq",
    city: "Strasbourg",
    siret: "20005221600013",
    domain: REGION_DOMAIN,
    units: [
      "Direction des lycées",
      "Direction de l'environnement",
      "Direction des ressources humaines",
      "Direction du numérique",
      "Direction des finances",
      "DIMAP - Délégation à l'innovation",
      "Direction de l'éducation",
      "Direction des transports et de la mobilité",
      "Direction de la commande publique",
      "Direction de la communication",
      "Direction de l'immobilier et des moyens généraux",
    ],
  },
  {
    key: "maison-mulhouse",
    name: "Maison de la Région de Mulhouse",
    kind: "maison_region",
    city: "Mulhouse",
    siret: "20005221600153",
    domain: REGION_DOMAIN,
    units: ["Accueil et services généraux", "Service territorial des lycées", "Développement territorial"],
  },
  {
    key: "maison-reims",
    name: "Maison de la Région de Reims",
    kind: "maison_region",
    city: "Reims",
    siret: "20005221600278",
    domain: REGION_DOMAIN,
    units: ["Accueil et services généraux", "Service territorial des lycées", "Transports scolaires"],
  },
  {
    key: "maison-metz",
    name: "Maison de la Région de Metz",
    kind: "maison_region",
    city: "Metz",
    siret: "20005221600393",
    domain: REGION_DOMAIN,
    units: ["Accueil et services généraux", "Service territorial des lycées"],
  },
  {
    key: "lycee-bartholdi",
    name: "Lycée Bartholdi",
    kind: "lycee",
    city: "Colmar",
    siret: "19680021400013",
    domain: REGION_DOMAIN,
    units: [...LYCEE_UNITS],
  },
  {
    key: "lycee-schweitzer",
    name: "Lycée Albert Schweitzer",
    kind: "lycee",
    city: "Mulhouse",
    siret: "19680033700020",
    domain: REGION_DOMAIN,
    units: [...LYCEE_UNITS],
  },
  {
    key: "lycee-marie-curie",
    name: "Lycée Marie Curie",
    kind: "lycee",
    city: "Strasbourg",
    siret: "19670041200014",
    domain: REGION_DOMAIN,
    units: [...LYCEE_UNITS],
  },
  {
    key: "lycee-claude-gellee",
    name: "Lycée Claude Gellée",
    kind: "lycee",
    city: "Épinal",
    siret: "19880026300016",
    domain: REGION_DOMAIN,
    units: [...LYCEE_UNITS],
  },
  {
    key: "lycee-jules-ferry",
    name: "Lycée Jules Ferry",
    kind: "lycee",
    city: "Saint-Dié-des-Vosges",
    siret: "19880044500035",
    domain: REGION_DOMAIN,
    units: [...LYCEE_UNITS],
  },
  {
    key: "lycee-henri-poincare",
    name: "Lycée Henri Poincaré",
    kind: "lycee",
    city: "Nancy",
    siret: "19540031800018",
    domain: REGION_DOMAIN,
    units: [...LYCEE_UNITS],
  },
  {
    key: "lycee-fabert",
    name: "Lycée Fabert",
    kind: "lycee",
    city: "Metz",
    siret: "19570029900041",
    domain: REGION_DOMAIN,
    units: [...LYCEE_UNITS],
  },
  {
    key: "lycee-clemenceau",
    name: "Lycée Georges Clemenceau",
    kind: "lycee",
    city: "Reims",
    siret: "19510027600029",
    domain: REGION_DOMAIN,
    units: [...LYCEE_UNITS],
  },
  {
    key: "lycee-chrestien-de-troyes",
    name: "Lycée Chrestien de Troyes",
    kind: "lycee",
    city: "Troyes",
    siret: "19100035800017",
    domain: REGION_DOMAIN,
    units: [...LYCEE_UNITS],
  },
  {
    key: "lycee-chanzy",
    name: "Lycée Chanzy",
    kind: "lycee",
    city: "Charleville-Mézières",
    siret: "19080014400031",
    domain: REGION_DOMAIN,
    units: [...LYCEE_UNITS],
  },
  {
    key: "prefecture-grand-est",
    name: "Préfecture de la région Grand Est",
    kind: "prefecture",
    city: "Strasbourg",
    siret: "17670043100016",
    domain: "bas-rhin.gouv.fr",
    units: [
      "SGARE",
      "Plateforme RH",
      "Lab'EST",
      "Service des moyens mutualisés",
      "Bureau de la communication interministérielle",
    ],
  },
  {
    key: "ddt-vosges",
    name: "Direction départementale des territoires des Vosges",
    kind: "ddt",
    city: "Épinal",
    siret: "13880072200017",
    domain: "vosges.gouv.fr",
    units: ["Secrétariat général", "Service environnement et risques", "Service économie agricole et rurale"],
  },
];

export function organizationByKey(key: string): DemoOrganization | undefined {
  return organizations.find((o) => o.key === key);
}
