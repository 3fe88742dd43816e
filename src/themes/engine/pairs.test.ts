import { describe, expect, it } from "vitest";
import { similarPairs } from "./pairs";
import { CANTINE, MENAGE } from "./test-fixtures";

describe("similarPairs (likely duplicates)", () => {
  const dup1 = {
    id: "pain",
    title: "Moins de pain jeté à la cantine",
    text: "Chaque midi, la cantine du lycée jette des kilos de pain. Proposer le pain en fin de chaîne et des demi-baguettes.",
  };
  const dup2 = {
    id: "pain-bis",
    title: "Le pain jeté à la cantine du lycée",
    text: "À la cantine on jette des kilos de pain chaque midi : mettre le pain en fin de chaîne, proposer des demi-baguettes.",
  };
  const others = [
    { id: "velo", title: "Des vélos de service pour les agents", text: "Aller d'un site à l'autre en vélo électrique plutôt qu'en voiture de service." },
    { id: "menage", title: "Produits de ménage écologiques", text: MENAGE[0] },
    { id: "bio", title: "Des menus bio", text: CANTINE[0] },
    { id: "compost", title: "Composter", text: CANTINE[5] },
  ];

  it("finds two near-identical ideas, and only them", async () => {
    const pairs = await similarPairs([others[0], dup1, others[1], others[2], dup2, others[3]]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ a: "pain", b: "pain-bis" });
    expect(pairs[0].similarity).toBeGreaterThan(0.5);
    expect(pairs[0].similarity).toBeLessThanOrEqual(1);
  });

  it("leaves unrelated ideas alone, even on the same subject", async () => {
    expect(await similarPairs([...others, { id: "menage-2", text: MENAGE[4] }, { id: "cantine-2", text: CANTINE[2] }])).toEqual([]);
  });

  it("gives the same text a similarity of 1 and orders pairs, most similar first, up to the limit", async () => {
    const pairs = await similarPairs([dup1, { ...dup1, id: "copie" }, dup2, ...others], { threshold: 0.3 });
    expect(pairs[0]).toMatchObject({ a: "pain", b: "copie" });
    expect(pairs[0].similarity).toBeCloseTo(1, 10);
    for (let i = 1; i < pairs.length; i++) expect(pairs[i].similarity).toBeLessThanOrEqual(pairs[i - 1].similarity);
    expect(pairs.map((p) => [p.a, p.b].sort().join("+"))).toEqual(expect.arrayContaining(["copie+pain-bis", "pain+pain-bis"]));
    expect(await similarPairs([dup1, { ...dup1, id: "copie" }, dup2], { threshold: 0.3, limit: 1 })).toHaveLength(1);
  });

  it("answers nothing for no idea, one idea, or texts with no usable word", async () => {
    expect(await similarPairs([])).toEqual([]);
    expect(await similarPairs([dup1])).toEqual([]);
    expect(await similarPairs([{ id: "x", text: "" }, { id: "y", text: "le la les de" }, { id: "z", text: "" }])).toEqual([]);
  });
});
