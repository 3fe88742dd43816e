import { describe, expect, it } from "vitest";
import snowball from "snowball-stemmers";
import { foldAccents, prepareText, stripElision } from "./normalize";
import { DOMAIN_STOPWORDS, frenchStopwords } from "./stopwords";
import { Analyzer, looksForeign } from "./tokenize";

const surfaces = (a: ReturnType<Analyzer["analyze"]>) => a.starts.map((s, i) => a.text.slice(s, a.ends[i]));

describe("French normalisation", () => {
  it("unifies apostrophes and dashes and blanks web and e-mail addresses without moving offsets", () => {
    const raw = "L’école — voir https://exemple.fr/page ou ecrire@region.fr";
    const t = prepareText(raw);
    expect(t.length).toBe(raw.length);
    expect(t.startsWith("L'école - voir ")).toBe(true);
    expect(t).not.toMatch(/exemple|ecrire/);
  });

  it("folds case and accents for matching only", () => {
    expect(foldAccents("Égalité Œuvre Ça")).toBe("egalite oeuvre ca");
  });

  it("strips elided articles and pronouns", () => {
    expect(stripElision("l'école")).toBe("école");
    expect(stripElision("d’Alsace")).toBe("Alsace");
    expect(stripElision("qu'il")).toBe("il");
    expect(stripElision("jusqu'au")).toBe("au");
    expect(stripElision("aujourd'hui")).toBe("aujourd'hui");
  });
});

describe("stop words and stems", () => {
  const a = new Analyzer();

  it("uses Snowball's French stemmer", () => {
    const fr = snowball.newStemmer("french");
    expect(fr.stem("restauration")).toBe("restaur");
    expect(a.keyOf("scolaires")).toBe(a.keyOf("scolaire"));
    expect(a.keyOf("cantines")).toBe(a.keyOf("cantine"));
    // accents are folded before stemming, so a text typed without them meets the others
    expect(a.keyOf("données")).toBe(a.keyOf("donnees"));
    expect(a.keyOf("ménage")).toBe(a.keyOf("menage"));
  });

  it("drops stopwords-iso, the domain list (by stem), numbers and single letters", () => {
    expect(frenchStopwords().has("les")).toBe(true);
    expect(DOMAIN_STOPWORDS).toContain("idée");
    for (const w of ["les", "de", "nous", "agents", "agent", "idées", "région", "régionaux", "proposition", "2019", "x"]) expect(a.keyOf(w)).toBeNull();
    expect(a.keyOf("5g")).not.toBeNull();
  });

  it("keeps content words that stopwords-iso lists (État, personnes, ouvert)", () => {
    for (const w of ["état", "personnes", "ouvertes"]) expect(a.keyOf(w)).not.toBeNull();
  });

  it("analyses a sentence: elisions, stop phrases, keys and surface forms with accents and case", () => {
    const r = a.analyze("Il faudrait mettre en place la restauration scolaire : l'École et les cantines d'Alsace.");
    expect(surfaces(r)).toEqual(["restauration", "scolaire", "École", "cantines", "Alsace"]);
    expect(r.keys).toEqual(["restaur", "scolair", "ecol", "cantin", "alsac"]);
    // the colon separates clauses: no word pair across it
    expect(r.clauses[1]).toBe(r.clauses[0]);
    expect(r.clauses[2]).not.toBe(r.clauses[1]);
  });

  it("leaves nothing of a text made of stop words", () => {
    expect(a.analyze("Il faudrait mettre en place cela, et les agents de la Région aussi !").keys).toEqual([]);
  });

  it("accepts extra stop words, matched by stem", () => {
    const b = new Analyzer({ extraStopwords: ["lycée"] });
    expect(b.keyOf("lycées")).toBeNull();
  });

  it("can stem without folding first, or not stem", () => {
    expect(new Analyzer({ stemming: "stem-then-fold" }).keyOf("données")).toBe("don");
    expect(new Analyzer({ stemming: "none" }).keyOf("Cantines")).toBe("cantines");
  });

  it("flags texts that are probably not in French", () => {
    const en = a.analyze("We should provide organic meals in the school canteen and reduce food waste every day");
    const fr = a.analyze("Il faudrait proposer des menus bio à la cantine et réduire le gaspillage alimentaire");
    expect(looksForeign(en)).toBe(true);
    expect(looksForeign(fr)).toBe(false);
    expect(looksForeign(a.analyze("Open data"))).toBe(false); // too short to tell
  });
});
