import { describe, expect, it } from "vitest";
import { Progress } from "./progress";
import { Analyzer } from "./tokenize";
import { vectorize, type Vectors } from "./vectorize";

const row = (v: Vectors, i: number) => {
  const out = new Map<string, number>();
  for (let p = v.tfidf.indptr[i]; p < v.tfidf.indptr[i + 1]; p++) out.set(v.terms[v.tfidf.indices[p]], v.tfidf.values[p]);
  return out;
};

describe("TF-IDF", () => {
  const docs = [
    { text: "La restauration scolaire et la cantine du lycée" },
    { text: "Restauration scolaire : des menus bio à la cantine" },
    { text: "Le ménage des salles avec des produits écologiques" },
    { text: "Des produits écologiques pour le ménage" },
    { text: "Il faudrait mettre en place cela" },
  ];

  it("indexes words and pairs of neighbouring words, with unit rows by default", async () => {
    const v = await vectorize(docs, new Analyzer(), {}, new Progress());
    expect(v.terms).toContain("restaur scolair");
    expect(v.terms).toContain("produit ecolog");
    for (let i = 0; i < 4; i++) expect([...row(v, i).values()].reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 12);
    expect(v.tfidf.indptr[5] - v.tfidf.indptr[4]).toBe(0); // nothing usable in the last one
    // columns sorted within each row
    for (let i = 0; i < 5; i++)
      for (let p = v.tfidf.indptr[i] + 1; p < v.tfidf.indptr[i + 1]; p++) expect(v.tfidf.indices[p]).toBeGreaterThan(v.tfidf.indices[p - 1]);
  });

  it("never pairs words across punctuation", async () => {
    const v = await vectorize([{ text: "cantine. Ménage" }, { text: "cantine, ménage" }, { text: "cantine ménage" }], new Analyzer(), {}, new Progress());
    expect(v.df[v.terms.indexOf("cantin menag")]).toBe(1);
  });

  it("weights rare terms up (idf), sublinear counts, and title words", async () => {
    const v = await vectorize(docs, new Analyzer(), { ngram: 1 }, new Progress());
    const r = row(v, 0);
    expect(r.get("lyce")!).toBeGreaterThan(r.get("cantin")!); // in one text against two
    const t = await vectorize([{ title: "Cantine", text: "Ménage" }, { title: "", text: "Cantine ménage" }], new Analyzer(), { ngram: 1 }, new Progress());
    expect(row(t, 0).get("cantin")!).toBeGreaterThan(row(t, 0).get("menag")!);
    expect(row(t, 1).get("cantin")!).toBeCloseTo(row(t, 1).get("menag")!, 12);
    expect(t.counts[0]).toBe(2); // title word counted twice
  });

  it("weights a title word as titleWeight body words; with titles only, the weight changes no row's direction", async () => {
    const titled = [{ title: "Cantine bio", text: "Ménage des salles" }, { title: "Ménage", text: "Cantine du lycée" }];
    const two = await vectorize(titled, new Analyzer(), { ngram: 1, tf: "raw", normPower: 0 }, new Progress());
    const eight = await vectorize(titled, new Analyzer(), { ngram: 1, tf: "raw", normPower: 0, titleWeight: 8 }, new Progress());
    // same idf in both: a title word's entry is 4 times as large with 8 as with 2, a body word's the same
    expect(row(eight, 0).get("cantin")! / row(two, 0).get("cantin")!).toBeCloseTo(4, 12);
    expect(row(eight, 0).get("menag")! / row(two, 0).get("menag")!).toBeCloseTo(1, 12);
    // titles only (as République numérique's): every count multiplied by the same factor, so every row
    // is scaled and its direction kept (bench:themes reuses the grid's results across title weights then)
    const titlesOnly = [
      { title: "Cantine bio au lycée", text: "" },
      { title: "Ménage écologique au lycée", text: "" },
      { title: "Cantine et ménage", text: "" },
    ];
    const options = { tf: "sqrt", normPower: 0, idfPower: 2 } as const;
    const a = await vectorize(titlesOnly, new Analyzer(), { ...options, titleWeight: 2 }, new Progress());
    const b = await vectorize(titlesOnly, new Analyzer(), { ...options, titleWeight: 8 }, new Progress());
    expect(b.terms).toEqual(a.terms);
    for (let i = 0; i < titlesOnly.length; i++) {
      const [ra, rb] = [row(a, i), row(b, i)];
      expect([...rb.keys()]).toEqual([...ra.keys()]);
      for (const [term, x] of ra) expect(rb.get(term)! / x).toBeCloseTo(2, 12); // √8 / √2
    }
  });

  it("applies document-frequency bounds from 20 texts on", async () => {
    const word = (i: number) => String.fromCharCode(97 + (i % 26)) + String.fromCharCode(97 + Math.floor(i / 26));
    const many = Array.from({ length: 30 }, (_, i) => ({ text: `cantine menus ${i % 2 ? "bio" : "locaux"} unique${word(i)}x` }));
    const v = await vectorize(many, new Analyzer(), { ngram: 1 }, new Progress());
    expect(v.terms).not.toContain("cantin"); // in every text: above maxDf
    expect(v.terms.some((t) => t.startsWith("uniqu"))).toBe(false); // in one text: below minDf
    expect(v.terms).toContain("bio");
    const raw = await vectorize(many, new Analyzer(), { ngram: 1, minDf: 1, maxDf: 1 }, new Progress());
    expect(raw.terms).toContain("cantin");
  });

  it("can keep raw lengths (normPower 0) and square the idf", async () => {
    const a = await vectorize(docs, new Analyzer(), { ngram: 1, normPower: 0 }, new Progress());
    const b = await vectorize(docs, new Analyzer(), { ngram: 1, normPower: 0, idfPower: 2 }, new Progress());
    const j = a.terms.indexOf("lyce");
    expect(b.idf[j]).toBeCloseTo(a.idf[j] ** 2, 12);
    expect(row(a, 0).get("lyce")).toBeCloseTo(a.idf[j], 12); // tf 1 → 1 + ln 1 = 1, not normalised
  });

  it("with √tf, a text written twice has its row scaled by √2 (the same row once normalised); with 1 + ln tf, not", async () => {
    const texts = [...docs, { text: "Cantine : la cantine du lycée et ses menus" }]; // « cantine » twice, the others once
    const twice = texts.map((d) => ({ text: `${d.text}\n${d.text}` }));
    for (const tf of ["sqrt", "log"] as const) {
      const once = await vectorize(texts, new Analyzer(), { tf, normPower: 0 }, new Progress());
      const doubled = await vectorize(twice, new Analyzer(), { tf, normPower: 0 }, new Progress());
      expect(doubled.terms).toEqual(once.terms);
      const ratios = [...row(once, 5)].map(([term, v]) => row(doubled, 5).get(term)! / v);
      if (tf === "sqrt") for (const r of ratios) expect(r).toBeCloseTo(Math.SQRT2, 12);
      else expect(Math.max(...ratios) - Math.min(...ratios)).toBeGreaterThan(0.01);
    }
  });
});
