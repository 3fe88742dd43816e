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
