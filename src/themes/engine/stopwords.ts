import stopwordsIso from "stopwords-iso";
import { foldAccents } from "./normalize";

/**
 * Words of stopwords-iso's French list that carry meaning in public-sector ideas
 * (« l'État », « personnes âgées », « données ouvertes », « trop cher »…): kept as content words.
 */
const KEEP = [
  "état", "etat", "personne", "personnes", "gens", "ouvert", "ouverte", "ouverts", "parole", "valeur", "pièce", "retour",
  "force", "droite", "cher", "chère", "chers", "chères", "naturel", "naturelle", "naturelles", "mot", "haut", "dos",
];

/**
 * Words that say nothing about the theme of an idea: the vocabulary of proposing (« il faudrait
 * mettre en place », « proposer », « idée »), the institution itself (agent, Région), fillers.
 * Matched by stem, so inflections go too (idées, agents, régionaux).
 */
export const DOMAIN_STOPWORDS = [
  "agent", "agents", "idée", "idées", "région", "régions", "régional", "régionale", "régionaux",
  "proposition", "propositions", "proposer", "propose", "proposons", "propos",
  "faut", "falloir", "faudrait", "fallait", "faire", "fait", "faite", "faites", "faisant",
  "mettre", "mis", "mise", "permettre", "permet", "permettrait", "permettant",
  "pouvoir", "pourrait", "pourraient", "devoir", "devrait", "devraient", "vouloir", "souhaite", "souhaiterais",
  "chose", "choses", "exemple", "etc", "cas", "niveau", "manière", "façon", "afin", "cela", "ça",
  "vraiment", "simplement", "également", "notamment", "actuellement", "aujourd", "hui",
  "mieux", "plus", "moins", "trop", "très", "bien", "bon", "bonne", "avoir", "être", "aller", "oui", "non",
  "bonjour", "merci", "cordialement", "madame", "monsieur",
  "http", "https", "www", "com", "html", "fr",
];

/** Multi-word fillers removed as a whole (matched on folded tokens). */
export const STOP_PHRASES = [
  "mettre en place", "mise en place", "mis en place", "mises en place", "il faut", "il faudrait",
  "tout le monde", "en fait", "par exemple", "c est a dire", "il y a",
];

let isoFolded: Set<string> | null = null;

/** stopwords-iso French, minus the kept content words, folded (accents removed). */
export function frenchStopwords(): Set<string> {
  if (!isoFolded) {
    const keep = new Set(KEEP.map(foldAccents));
    isoFolded = new Set<string>();
    for (const w of stopwordsIso.fr ?? []) {
      // the list also holds elided and hyphenated forms (« aujourd'hui », « celle-ci »): keep their parts
      for (const part of foldAccents(w).split(/[^\p{L}\p{N}]+/u)) if (part && !keep.has(part)) isoFolded.add(part);
    }
  }
  return isoFolded;
}
