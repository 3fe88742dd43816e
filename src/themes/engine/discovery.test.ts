import { describe, expect, it } from "vitest";
import { discoverThemes, parseCsvRecords, scorePartition } from "./index";

// Three obviously separate topics, written by hand, varied in wording.
const cantine = [
  "Servir des légumes locaux à la cantine du lycée",
  "La cantine jette trop de pain : peser les restes des repas",
  "Des menus végétariens à la cantine deux fois par semaine",
  "Les repas de la cantine arrivent froids au self",
  "Acheter les fruits de la cantine aux producteurs du coin",
  "Réduire le gaspillage des repas servis à la cantine",
];
const covoiturage = [
  "Covoiturage entre collègues pour aller au siège",
  "Une navette entre les sites de Metz et de Nancy pour éviter la voiture",
  "Organiser le covoiturage des agents qui habitent loin",
  "Des vélos de service pour se déplacer entre les sites",
  "Rembourser l’abonnement de train des agents qui viennent en covoiturage",
  "Plateforme de covoiturage pour les déplacements professionnels",
];
const formulaires = [
  "Signer les formulaires de commande avec un parapheur électronique",
  "Dématérialiser les formulaires de congés",
  "Un seul formulaire en ligne pour les demandes de matériel",
  "Supprimer les formulaires papier des notes de frais",
  "Parapheur électronique pour signer les formulaires et les courriers",
  "Remplir les formulaires administratifs en ligne plutôt que sur papier",
];
const docs = [...cantine, ...covoiturage, ...formulaires].map((text, i) => ({ id: `d${i}`, text }));
const truth = docs.map((_, i) => Math.floor(i / 6));

describe("theme discovery engine", () => {
  it("finds three obviously separate topics, with labels made of real words", async () => {
    const r = await discoverThemes(docs, { k: 3, seed: 7 });
    const clustered = new Map<string, number>();
    r.themes.forEach((t, ti) => t.memberIds.forEach((id) => clustered.set(id, ti)));
    const predicted = docs.map((d) => clustered.get(d.id) ?? -1);
    expect(scorePartition(truth, predicted).nmi).toBeGreaterThan(0.8);
    const labels = r.themes.map((t) => t.label.toLowerCase()).join(" | ");
    expect(labels).toMatch(/cantine|repas/);
    expect(labels).toMatch(/covoiturage/);
    expect(labels).toMatch(/formulaire|parapheur/);
    // surface forms, not stems
    expect(labels).not.toMatch(/\b(covoitur|formulair|parapheur électron)\b/);
  });

  it("is deterministic for a given seed", async () => {
    const a = await discoverThemes(docs, { seed: 3 });
    const b = await discoverThemes(docs, { seed: 3 });
    expect(b.themes.map((t) => [t.label, t.memberIds])).toEqual(a.themes.map((t) => [t.label, t.memberIds]));
    expect(b.chosenK).toBe(a.chosenK);
    expect(a.quality.length).toBeGreaterThan(1); // automatic k shows a score per candidate
  });

  it("handles no idea, one idea and identical ideas without failing", async () => {
    expect((await discoverThemes([], {})).themes).toEqual([]);
    const one = await discoverThemes([{ id: "x", text: "Une seule idée sur la cantine" }], {});
    expect(one.themes.length + one.outlierIds.length).toBeGreaterThan(0);
    const same = await discoverThemes(
      Array.from({ length: 5 }, (_, i) => ({ id: `s${i}`, text: "Du covoiturage entre les sites" })),
      {},
    );
    const placed = same.themes.flatMap((t) => t.memberIds).concat(same.outlierIds);
    expect(placed.sort()).toEqual(["s0", "s1", "s2", "s3", "s4"]);
  });

  it("puts an empty idea and an idea in another language « à classer »", async () => {
    const extra = [
      { id: "empty", text: "   " },
      { id: "en", text: "Please provide a better coffee machine in the staff room, the current one is always broken" },
    ];
    const r = await discoverThemes([...docs, ...extra], { k: 3, seed: 1 });
    expect(r.outlierIds).toContain("empty");
    expect(r.outlierIds).toContain("en");
  });

  it("reports progress stages in order, never going back", async () => {
    const seen: number[] = [];
    await discoverThemes(docs, { seed: 2, onProgress: (_s, f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
    expect(seen.at(-1)).toBe(1);
  });

  it("stops when cancelled", async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(discoverThemes(docs, { signal: ctl.signal })).rejects.toThrow();
  });
});

describe("metrics and CSV", () => {
  it("scores identical partitions 1 and relabelled ones the same", () => {
    const s = scorePartition([0, 0, 1, 1, 2, 2], ["b", "b", "a", "a", "c", "c"]);
    expect(s.nmi).toBeCloseTo(1, 6);
    expect(s.ari).toBeCloseTo(1, 6);
    expect(s.v).toBeCloseTo(1, 6);
    // a known case: ARI of {0,0,1,1} vs {0,1,0,1} is -0.5
    expect(scorePartition([0, 0, 1, 1], [0, 1, 0, 1]).ari).toBeCloseTo(-0.5, 6);
  });

  it("parses RFC 4180 CSV: BOM, quotes, doubled quotes, newlines in fields", () => {
    const { header, records } = parseCsvRecords('\ufeffid,title,body\r\n1,"Un ""titre""","ligne 1\nligne 2"\r\n2,simple,texte\r\n');
    expect(header).toEqual(["id", "title", "body"]);
    expect(records).toEqual([
      { id: "1", title: 'Un "titre"', body: "ligne 1\nligne 2" },
      { id: "2", title: "simple", body: "texte" },
    ]);
  });
});
