/**
 * The site's sections, once: the header's main menu (for what the viewer may open), the footer's
 * links and the site map (every section) are all read from here, so none of them drifts.
 */
export interface NavItem {
  to: string;
  label: string;
  end?: boolean;
}

export interface NavRights {
  signedIn: boolean;
  juror: boolean;
  director: boolean;
  labTeam: boolean;
}

const publicItems: NavItem[] = [
  { to: "/", label: "Accueil", end: true },
  { to: "/campagnes", label: "Campagnes" },
  { to: "/idees", label: "Idées" },
  { to: "/ressources", label: "Ressources" },
  { to: "/evenements", label: "Événements" },
];
const signedInItems: NavItem[] = [
  { to: "/problematiques", label: "Problématiques" },
  { to: "/minilabs", label: "Mini-Labs" },
  { to: "/communautes", label: "Communautés" },
  { to: "/competences", label: "Compétences" },
  { to: "/guichet", label: "Guichet" },
  { to: "/formations", label: "Formations" },
  { to: "/mes-idees", label: "Mes idées" },
  { to: "/mes-projets", label: "Mes projets" },
];
const jurorItems: NavItem[] = [{ to: "/jury", label: "Jury" }];
const directorItems: NavItem[] = [{ to: "/arbitrage", label: "Arbitrage" }];
const labTeamItems: NavItem[] = [
  { to: "/lab", label: "Espace lab" },
  { to: "/reseau", label: "Réseau des labs" },
];

/** The header's main menu: the sections this viewer may open. */
export function mainNavigation(rights: NavRights): NavItem[] {
  return [
    ...publicItems,
    ...(rights.signedIn ? signedInItems : []),
    ...(rights.juror ? jurorItems : []),
    ...(rights.director ? directorItems : []),
    ...(rights.labTeam ? labTeamItems : []),
  ];
}

/** The signed-in agent's own pages, reached from the header's tools. */
export const accountItems: NavItem[] = [
  { to: "/notifications", label: "Notifications" },
  { to: "/mes-demandes", label: "Mes demandes" },
  { to: "/mes-formations", label: "Mes formations" },
  { to: "/questionnaires", label: "Mes questionnaires" },
  { to: "/mes-evenements", label: "Mes événements" },
  { to: "/mes-donnees", label: "Mes données" },
];

/** Open data and the public API: for everyone, without signing in (linked from the footer too). */
export const openDataItems: NavItem[] = [
  { to: "/donnees", label: "Données ouvertes" },
  { to: "/api", label: "API publique" },
];

/** The pages every public service shows in its footer. */
export const legalItems: NavItem[] = [
  { to: "/plan-du-site", label: "Plan du site" },
  { to: "/accessibilite", label: "Déclaration d’accessibilité" },
  { to: "/mentions-legales", label: "Mentions légales" },
  { to: "/donnees-personnelles", label: "Données personnelles" },
];

/** The site map: every section, grouped by who may open it. */
export function siteMap(): { title: string; items: NavItem[] }[] {
  return [
    { title: "Pour tous", items: [...publicItems, ...openDataItems, { to: "/connexion", label: "Se connecter" }] },
    { title: "Pour les agents connectés", items: [...signedInItems, ...accountItems] },
    { title: "Pour les membres d’un jury", items: jurorItems },
    { title: "Pour les directions", items: directorItems },
    { title: "Pour les équipes des labs", items: labTeamItems },
    { title: "Informations légales", items: legalItems },
  ];
}
