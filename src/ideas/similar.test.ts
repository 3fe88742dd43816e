import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeCampaign, makeLab, makeMember, makeUser, viewerOf } from "../../tests/support/fixtures";
import { db } from "../kernel/runtime";
import * as ideas from "./ideas";
import { createIdeaFor, moderateIdea, similarIdeasFor } from "./service";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

const idea = (title: string, problem: string, proposal: string, submit = true) => ({ title, problem, proposal, beneficiaries: "Les élèves", coauthorEmails: [] as string[], submit });

const waste = idea(
  "Réduire le gaspillage alimentaire à la cantine",
  "Chaque midi, la cantine du lycée jette des kilos de pain et de légumes : les portions sont trop grandes.",
  "Peser les déchets de la cantine chaque semaine et adapter les portions servies aux élèves.",
);
const typedWaste = {
  title: "Moins de gaspillage à la cantine",
  problem: "Beaucoup de pain et de légumes sont jetés à la cantine tous les midis.",
  proposal: "Adapter les portions et peser les déchets.",
};

describe("similar ideas on " + (process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"), () => {
  it("finds a near-duplicate in any campaign, never a hidden idea, a draft or the idea itself", async () => {
    const lab = await makeLab();
    const c1 = await makeCampaign(lab.id);
    const c2 = await makeCampaign(lab.id);
    const team = await viewerOf(await makeMember(lab.id, "lab_team"));
    const author = await viewerOf(await makeUser({ givenName: "Zoé", familyName: "Martin" }));
    const writer = await viewerOf(await makeUser());
    const original = await createIdeaFor(author, c1.id, waste, []);
    const elsewhere = await createIdeaFor(author, c2.id, { ...waste, title: "Le gaspillage du pain à la cantine" }, []);
    const unrelated = await createIdeaFor(author, c1.id, idea("Covoiturage entre collègues", "Les trajets domicile-travail coûtent cher en voiture seul.", "Une plateforme de covoiturage pour les agents du site."), []);
    const hidden = await createIdeaFor(author, c1.id, { ...waste, title: "Gaspillage à la cantine, encore" }, []);
    await moderateIdea(team, hidden.id, true, "Doublon à masquer");
    const draft = await createIdeaFor(author, c1.id, { ...waste, title: "Brouillon sur le gaspillage à la cantine", submit: false }, []);

    const found = await similarIdeasFor(writer, typedWaste);
    const ids = found!.map((i) => i.id);
    expect(ids).toContain(original.id);
    expect(ids).toContain(elsewhere.id);
    expect(ids).not.toContain(unrelated.id);
    expect(ids).not.toContain(hidden.id);
    expect(ids).not.toContain(draft.id);
    expect(found!.length).toBeLessThanOrEqual(5);
    expect(found!.find((i) => i.id === original.id)).toMatchObject({ title: waste.title, campaign: c1.title, status: "submitted", supports: 0, author: "Zoé Martin" });
    expect(found!.find((i) => i.id === elsewhere.id)?.campaign).toBe(c2.title);

    // editing an idea: it is not its own duplicate
    const whileEditing = await similarIdeasFor(author, { title: waste.title, problem: waste.problem, proposal: waste.proposal }, original.id);
    expect(whileEditing!.map((i) => i.id)).not.toContain(original.id);
    expect(whileEditing!.map((i) => i.id)).toContain(elsewhere.id);
  });

  it("answers nothing for a text too short, and an empty list when nothing is close", async () => {
    const writer = await viewerOf(await makeUser());
    expect(await similarIdeasFor(writer, { title: "Cantine", problem: "", proposal: "" })).toBeNull();
    expect(await similarIdeasFor(writer, { title: "Apiculture sur les toits du lycée agricole", problem: "", proposal: "" })).toEqual([]);
    // punctuation that would break a tsquery is harmless
    expect(await similarIdeasFor(writer, { title: "'\\\"&|!():* <-> cantine & gaspillage", problem: "", proposal: "" })).toBeInstanceOf(Array);
  });

  it("builds an « at least k of n » query", async () => {
    const matches = async (doc: string, q: string) => (await sql<{ m: boolean }>`SELECT to_tsvector('simple', ${doc}) @@ ${q}::tsquery AS m`.execute(db())).rows[0].m;
    const q = ideas.atLeastQuery(["aa", "bb", "cc", "dd"], 2);
    expect(await matches("aa bb", q)).toBe(true);
    expect(await matches("cc dd", q)).toBe(true);
    expect(await matches("aa zz", q)).toBe(false);
    expect(await matches("dd", ideas.atLeastQuery(["aa", "bb", "cc", "dd"], 1))).toBe(true);
    expect(await matches("aa bb cc", ideas.atLeastQuery(["aa", "bb", "cc", "dd"], 4))).toBe(false);
  });
});
