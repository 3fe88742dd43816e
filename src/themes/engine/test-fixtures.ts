// Small hand-written French ideas for the engine's tests: three topics with nothing in common.
export const CANTINE = [
  "Proposer des menus bio à la cantine du lycée",
  "Réduire le gaspillage alimentaire à la cantine : peser les restes des plateaux",
  "Restauration scolaire : acheter les légumes de la cantine aux producteurs locaux",
  "Menus végétariens une fois par semaine à la cantine et en restauration scolaire",
  "La cantine devrait afficher les menus et l'origine des produits alimentaires",
  "Composter les restes alimentaires de la cantine et de la restauration scolaire",
  "Former les cuisiniers de la cantine aux menus bio et locaux",
  "Restauration scolaire : moins de gaspillage alimentaire grâce aux menus à la carte",
];
export const MENAGE = [
  "Des produits d'entretien écologiques pour le ménage des salles de classe",
  "Le ménage des sanitaires avec des produits d'entretien sans danger pour les agents d'entretien",
  "Planifier le ménage des bureaux le soir avec des produits d'entretien certifiés",
  "Chariots de ménage plus légers pour réduire les douleurs des agents d'entretien",
  "Microfibres lavables au lieu des lingettes jetables pour le ménage des locaux",
  "Doser les produits d'entretien avec des centrales de dilution pour le ménage",
  "Former les agents d'entretien aux gestes du ménage et aux produits d'entretien",
  "Ménage des locaux : des produits d'entretien écologiques et des microfibres",
];
export const TELETRAVAIL = [
  "Des ordinateurs portables pour le télétravail des services administratifs",
  "Télétravail : un accès sécurisé au réseau informatique depuis la maison",
  "Ouvrir le télétravail deux jours par semaine avec un ordinateur portable fourni",
  "Visioconférence et logiciels collaboratifs pour les équipes en télétravail",
  "Un guide du télétravail et une assistance informatique à distance",
  "Équiper les agents en télétravail d'ordinateurs portables et d'écrans",
  "Le télétravail réduit les trajets : prévoir le réseau informatique et la visioconférence",
  "Assistance informatique pour les ordinateurs portables du télétravail",
];

export function topicIdeas() {
  const docs: { id: string; text: string; title?: string; topic: string }[] = [];
  const topics = { cantine: CANTINE, menage: MENAGE, teletravail: TELETRAVAIL };
  // interleaved, so that no order effect can help
  for (let i = 0; i < 8; i++)
    for (const [topic, texts] of Object.entries(topics)) docs.push({ id: `${topic}-${i + 1}`, text: texts[i], topic });
  return docs;
}

/**
 * A mixture whose number of topics is known: `topics` topics (at most 8), each with its own
 * vocabulary of a dozen French words, `perTopic` ideas each; an idea is 4 to 7 words of its topic
 * and 2 words shared by all topics, in a sentence. Deterministic (a fixed linear congruential draw).
 */
export function mixtureIdeas(topics: number, perTopic: number) {
  const vocabularies = [
    "cantine repas menus légumes restauration cuisiniers gaspillage plateaux fruits producteurs compost self",
    "vélo piste cyclable stationnement trottinette arceaux casque atelier réparation itinéraire garage selle pédale",
    "télétravail ordinateur portable visioconférence réseau logiciel écran messagerie serveur imprimante clavier connexion",
    "formation tutorat apprentissage stage diplôme compétences cours alternance examen mentor certification lecture",
    "énergie chauffage isolation fenêtres radiateur thermostat chaudière solaire panneaux consommation éclairage ampoules",
    "recrutement candidature entretien embauche poste annonce contrat salaire accueil intégration parrainage carrière",
    "jardin arbres potager pelouse fleurs ruches abeilles haies semis arrosage plantations verger",
    "archives dossiers classement papier numérisation scanner courrier parapheur formulaires signature tampon registre",
  ].map((v) => v.split(" "));
  const shared = ["service", "bâtiment", "équipe", "semaine", "public", "projet"];
  let state = 12345;
  const draw = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const docs: { id: string; text: string; topic: number }[] = [];
  for (let i = 0; i < perTopic; i++)
    for (let t = 0; t < topics; t++) {
      const words = vocabularies[t];
      const count = 4 + draw(4);
      const picked = new Set<string>();
      while (picked.size < count) picked.add(words[draw(words.length)]);
      const text = `${[...picked].join(" ")} pour le ${shared[draw(shared.length)]} et la ${shared[draw(shared.length)]}`;
      docs.push({ id: `m${t}-${i}`, text, topic: t });
    }
  return docs;
}
