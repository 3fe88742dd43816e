/**
 * French normalisation. Display text keeps its accents and case; matching uses a folded form
 * (lower case, no diacritics, œ → oe). Typographic apostrophes and hyphens are unified, and
 * web addresses and e-mail addresses are blanked out (same length, so offsets stay valid).
 */

const APOSTROPHES = /[\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032]/g;
const HYPHENS = /[\u2010\u2011\u2012\u2013\u2014\u2212]/g;
const URLS = /\b(?:https?:\/\/|www\.)[^\s<>"]+|[\w.+-]+@[\w-]+\.[\w.-]+/giu;

/** NFC, unified apostrophes and hyphens, addresses blanked. Same length as the input when NFC is. */
export function prepareText(text: string): string {
  return text
    .normalize("NFC")
    .replace(APOSTROPHES, "'")
    .replace(HYPHENS, "-")
    .replace(URLS, (m) => " ".repeat(m.length));
}

/** Lower case and without diacritics: « Égalité » → « egalite », « Œuvre » → « oeuvre ». */
export function foldAccents(word: string): string {
  return word
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .normalize("NFD")
    .replace(/\p{M}/gu, "");
}

/** Elided articles and pronouns that precede an apostrophe: l' d' qu' j' n' s' t' m' c' jusqu' lorsqu' puisqu'… */
export const ELISIONS = new Set(["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu"]);

/** Removes a leading elision from a single word: « l'école » → « école », « qu'il » → « il ». */
export function stripElision(word: string): string {
  const m = /^([\p{L}]{1,6})'(?=\p{L})/u.exec(word.replace(APOSTROPHES, "'"));
  return m && ELISIONS.has(m[1].toLowerCase()) ? word.slice(m[0].length) : word;
}
