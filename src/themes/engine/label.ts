import type { Analyzer } from "./tokenize";
import type { Vectors } from "./vectorize";

export interface LabelTerm {
  /** Display form: the most frequent surface form of the stem (« restauration scolaire », not « restaur scolair »). */
  term: string;
  /** Stem key(s), as indexed. */
  key: string;
  /** Class-based TF-IDF weight. */
  weight: number;
  /** Texts of the theme that contain it. */
  count: number;
}

export interface LabelOptions {
  /** Key terms per theme (default 8). */
  terms?: number;
  /** Texts read per theme to find surface forms (default 300, those nearest the centre first). */
  surfaceSample?: number;
}

/**
 * Class-based TF-IDF (as in BERTopic) on document frequencies: for theme c and term t,
 * w = (df(t, c) / Σ_t df(t, c)) · ln(1 + A / df(t)), A the mean of Σ_t df(t, c) over themes.
 * A word is dropped when a pair containing it ranks among the candidates and covers at least half
 * of its occurrences; stems are shown as their most frequent surface form in the theme's texts, and
 * pairs whose surface form spans more than three words are left out.
 */
export function labelThemes(
  vectors: Vectors,
  members: Int32Array[],
  texts: readonly { title?: string; text: string }[],
  analyzer: Analyzer,
  options: LabelOptions = {},
): LabelTerm[][] {
  const { tfidf, terms } = vectors;
  const K = members.length;
  const m = tfidf.cols;
  const want = options.terms ?? 8;
  const classDf: Map<number, number>[] = [];
  const total = new Float64Array(K);
  const df = new Float64Array(m);
  for (let c = 0; c < K; c++) {
    const counts = new Map<number, number>();
    for (const i of members[c]) {
      for (let p = tfidf.indptr[i]; p < tfidf.indptr[i + 1]; p++) {
        const j = tfidf.indices[p];
        counts.set(j, (counts.get(j) ?? 0) + 1);
        df[j]++;
        total[c]++;
      }
    }
    classDf.push(counts);
  }
  let avg = 0;
  for (let c = 0; c < K; c++) avg += total[c] / Math.max(1, K);
  const out: LabelTerm[][] = [];
  for (let c = 0; c < K; c++) {
    const minSupport = members[c].length >= 6 ? 2 : 1;
    const ranked = [...classDf[c]]
      .filter(([, n]) => n >= minSupport)
      .map(([j, n]) => ({ j, n, w: (n / Math.max(1, total[c])) * Math.log(1 + avg / df[j]) }))
      .sort((a, b) => b.w - a.w || a.j - b.j)
      .slice(0, want * 3);
    const pairs = ranked.filter((r) => terms[r.j].includes(" "));
    const chosen = ranked.filter((r) => {
      const key = terms[r.j];
      if (key.includes(" ")) return true;
      return !pairs.some((p) => terms[p.j].split(" ").includes(key) && p.n * 2 >= r.n);
    });
    const candidates = chosen.slice(0, want * 2);
    const surfaces = surfaceForms(new Set(candidates.map((r) => terms[r.j])), members[c], texts, analyzer, options.surfaceSample ?? 300);
    out.push(
      candidates
        .map((r) => ({ term: surfaces.get(terms[r.j]) ?? terms[r.j], key: terms[r.j], weight: r.w, count: r.n }))
        // a pair read across several small words (« alimentaire à la cantine ») makes a poor label
        .filter((t) => t.term.split(" ").length <= 3)
        .slice(0, want),
    );
  }
  return out;
}

/**
 * Most frequent surface form of each wanted key (a word, or two words with what stands between
 * them), read from the first `limit` members, and further while a key has not been seen yet.
 */
function surfaceForms(wanted: Set<string>, members: Int32Array, texts: readonly { title?: string; text: string }[], analyzer: Analyzer, limit: number): Map<string, string> {
  const seen = new Map<string, Map<string, number>>();
  const add = (key: string, text: string, start: number, end: number) => {
    let forms = seen.get(key);
    if (!forms) seen.set(key, (forms = new Map()));
    let s = text.slice(start, end).replace(/\s+/g, " ").trim();
    // a capital that only marks the start of a sentence is not part of the word
    if (atSentenceStart(text, start) && /^\p{Lu}\p{Ll}/u.test(s)) s = s.charAt(0).toLowerCase() + s.slice(1);
    forms.set(s, (forms.get(s) ?? 0) + 1);
  };
  let read = 0;
  for (const i of members) {
    if (read >= limit) {
      let missing = false;
      for (const key of wanted) if (!seen.has(key)) missing = true;
      if (!missing) break;
    }
    read++;
    for (const part of [texts[i].title ?? "", texts[i].text]) {
      if (!part) continue;
      const a = analyzer.analyze(part);
      for (let t = 0; t < a.keys.length; t++) {
        if (wanted.has(a.keys[t])) add(a.keys[t], a.text, a.starts[t], a.ends[t]);
        if (t + 1 < a.keys.length && a.clauses[t + 1] === a.clauses[t]) {
          const pair = `${a.keys[t]} ${a.keys[t + 1]}`;
          if (wanted.has(pair)) add(pair, a.text, a.starts[t], a.ends[t + 1]);
        }
      }
    }
  }
  const result = new Map<string, string>();
  for (const [key, forms] of seen) result.set(key, displayForm(forms));
  return result;
}

function atSentenceStart(text: string, start: number): boolean {
  for (let p = start - 1; p >= 0; p--) {
    const ch = text[p];
    if (" \t\u00a0\"«“(".includes(ch)) continue;
    return ".!?:;\n\r•*-–—".includes(ch);
  }
  return true;
}

/**
 * Case-insensitive majority; shown in lower case unless one capitalised spelling is used in most
 * occurrences (acronyms and names: « CNIL », « Linky »). Ties: the shorter, then alphabetical.
 */
export function displayForm(forms: Map<string, number>): string {
  const groups = new Map<string, { total: number; variants: Map<string, number> }>();
  for (const [s, n] of forms) {
    const low = s.toLowerCase();
    let g = groups.get(low);
    if (!g) groups.set(low, (g = { total: 0, variants: new Map() }));
    g.total += n;
    g.variants.set(s, (g.variants.get(s) ?? 0) + n);
  }
  const [low, g] = [...groups].sort((a, b) => b[1].total - a[1].total || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))[0];
  const [variant, n] = [...g.variants].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return variant !== low && n / g.total >= 0.6 ? variant : low;
}
