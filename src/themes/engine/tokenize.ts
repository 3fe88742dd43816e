import snowball from "snowball-stemmers";
import { ELISIONS, foldAccents, prepareText } from "./normalize";
import { DOMAIN_STOPWORDS, frenchStopwords, STOP_PHRASES } from "./stopwords";

/**
 * Turns a French text into index keys: words are cut at anything that is not a letter or a digit
 * (hyphens and apostrophes included), elided articles (l' d' qu'…) dropped, stop words and stop
 * phrases removed, and each remaining word reduced to a key by Snowball's French stemmer.
 *
 * "fold-then-stem" (default) removes accents before stemming, so « données » and « donnees » meet;
 * "stem-then-fold" stems the accented word first; "none" keeps the folded word.
 */
export type Stemming = "fold-then-stem" | "stem-then-fold" | "none";

export interface AnalyzerOptions {
  stemming?: Stemming;
  /** More words to ignore, matched by key (so their inflections go too). */
  extraStopwords?: readonly string[];
  /** Stop words removed between two words that may still form a bigram. */
  maxBigramGap?: number;
}

/** One text, analysed: kept tokens in order, and a clause number per token (bigrams never cross clauses). */
export interface Analysis {
  keys: string[];
  starts: number[];
  ends: number[];
  clauses: number[];
  /** Words seen, stop words included, and how many of them are common French function words. */
  words: number;
  frenchMarkers: number;
  /** The text as tokenised (NFC, unified punctuation): starts/ends index into it. */
  text: string;
}

/** Very common French function words: a text with almost none of them is probably not French. */
const FRENCH_MARKERS = new Set([
  "de", "la", "le", "les", "des", "et", "un", "une", "du", "en", "est", "que", "qui", "pour", "dans", "pas", "sur",
  "au", "aux", "il", "ce", "ne", "se", "par", "avec", "sont", "nous", "vous", "leur", "cette", "ou", "mais",
]);

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const CLAUSE_BREAK = /[.!?;:,()[\]{}"«»\n\r\u2026/|]/;

export class Analyzer {
  readonly stemming: Stemming;
  private readonly stemmer = snowball.newStemmer("french");
  private readonly iso = frenchStopwords();
  private readonly domainKeys: Set<string>;
  private readonly cache = new Map<string, string | null>();
  private readonly phrases = new Map<string, string[][]>();
  private readonly maxGap: number;

  constructor(options: AnalyzerOptions = {}) {
    this.stemming = options.stemming ?? "fold-then-stem";
    this.maxGap = options.maxBigramGap ?? 3;
    this.domainKeys = new Set();
    for (const w of [...DOMAIN_STOPWORDS, ...(options.extraStopwords ?? [])]) {
      for (const part of w.split(/[^\p{L}\p{N}]+/u)) if (part) this.domainKeys.add(this.stemOf(part.toLowerCase()));
    }
    for (const phrase of STOP_PHRASES) {
      const p = foldAccents(phrase).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      this.phrases.set(p[0], [...(this.phrases.get(p[0]) ?? []), p]);
    }
  }

  private readonly folds = new Map<string, string>();

  private fold(lower: string): string {
    let f = this.folds.get(lower);
    if (f === undefined) {
      f = foldAccents(lower);
      if (this.folds.size < 500_000) this.folds.set(lower, f);
    }
    return f;
  }

  private stemOf(lower: string): string {
    switch (this.stemming) {
      case "none":
        return foldAccents(lower);
      case "stem-then-fold":
        return foldAccents(this.stemmer.stem(lower));
      default:
        return this.stemmer.stem(foldAccents(lower));
    }
  }

  /** The key of a lower-case word, or null when it is a stop word, a number or noise. */
  keyOf(lower: string): string | null {
    const cached = this.cache.get(lower);
    if (cached !== undefined) return cached;
    let key: string | null = null;
    const folded = foldAccents(lower);
    if (folded.length >= 2 && folded.length <= 30 && !/^\p{N}+$/u.test(folded) && !this.iso.has(folded)) {
      const k = this.stemOf(lower);
      if (k.length >= 2 && !this.domainKeys.has(k)) key = k;
    }
    if (this.cache.size < 500_000) this.cache.set(lower, key);
    return key;
  }

  analyze(raw: string): Analysis {
    const text = prepareText(raw);
    let lower = text.toLowerCase();
    if (lower.length !== text.length) lower = text; // rare: keep offsets valid, compare case-insensitively below
    const out: Analysis = { keys: [], starts: [], ends: [], clauses: [], words: 0, frenchMarkers: 0, text };
    // pass 1: all words, with clause breaks between them
    const words: { w: string; s: number; e: number; brk: boolean }[] = [];
    let last = 0;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) {
      const s = m.index;
      const e = s + m[0].length;
      const w = lower === text ? m[0].toLowerCase() : m[0];
      const brk = CLAUSE_BREAK.test(lower.slice(last, s));
      last = e;
      out.words++;
      if (lower[e] === "'" && ELISIONS.has(w)) {
        out.frenchMarkers++;
        if (brk) words.push({ w: "", s, e, brk }); // keep the break, drop the elision
        continue;
      }
      if (FRENCH_MARKERS.has(w)) out.frenchMarkers++;
      words.push({ w, s, e, brk });
    }
    // pass 2: stop phrases, stop words, keys
    let clause = 0;
    let gap = 0;
    for (let i = 0; i < words.length; i++) {
      const t = words[i];
      if (t.brk) {
        clause++;
        gap = 0;
      }
      if (t.w === "") continue;
      const plen = this.phraseAt(words, i);
      if (plen > 0) {
        i += plen - 1;
        clause++;
        gap = 0;
        continue;
      }
      const key = this.keyOf(t.w);
      if (key === null) {
        if (++gap > this.maxGap) {
          clause++;
          gap = 0;
        }
        continue;
      }
      gap = 0;
      out.keys.push(key);
      out.starts.push(t.s);
      out.ends.push(t.e);
      out.clauses.push(clause);
    }
    return out;
  }

  private phraseAt(words: { w: string; brk: boolean }[], i: number): number {
    const candidates = this.phrases.get(this.fold(words[i].w));
    if (!candidates) return 0;
    outer: for (const p of candidates) {
      if (i + p.length > words.length) continue;
      for (let j = 0; j < p.length; j++) {
        const t = words[i + j];
        if ((j > 0 && t.brk) || this.fold(t.w) !== p[j]) continue outer;
      }
      return p.length;
    }
    return 0;
  }
}

/** A text is flagged as probably not French when it has enough words and almost no French function words. */
export function looksForeign(a: Pick<Analysis, "words" | "frenchMarkers">): boolean {
  return a.words >= 8 && a.frenchMarkers / a.words < 0.05;
}
