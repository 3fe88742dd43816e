/** Comments agents leave on each other's ideas, for the demo and the load bench. */
export const demoComments: string[] = [
  "Très bonne idée, on a exactement le même problème chez nous.",
  "Je soutiens ! Il faudrait juste vérifier ce que ça coûte.",
  "On a essayé quelque chose de proche l'an dernier, je peux partager notre retour d'expérience.",
  "Bonne piste. Est-ce que les équipes de week-end seraient concernées aussi ?",
  "Ça me paraît simple à tester sur un ou deux sites avant de généraliser.",
  "Idée à creuser avec la direction concernée, elle rejoint plusieurs demandes remontées dans notre service.",
  "Enfin quelqu'un qui le dit ! Merci pour cette proposition.",
  "Attention aux contraintes de marché public, mais l'idée est bonne.",
  "Je me porte volontaire pour participer si un groupe de travail se monte.",
  "Dans mon lycée on fait déjà un peu comme ça, et ça marche bien.",
  "Il faudrait associer les agents de terrain dès le début.",
  "Ça rejoint une autre idée déposée sur le même sujet, vous devriez vous rapprocher.",
];
