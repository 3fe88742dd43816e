import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeCampaign, makeLab, makeUser } from "../../tests/support/fixtures";
import { db } from "../kernel/runtime";
import * as ideas from "./ideas";
import { decodeCursor, encodeCursor, listIdeas, type IdeaListQuery, type IdeaSort } from "./search";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime({}, { demo: true });
});
afterAll(async () => {
  await env?.dispose();
});

const where = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";

/** Walks the list page by page with « Page suivante », then back with « Page précédente ». */
async function walk(query: IdeaListQuery) {
  const forward: string[][] = [];
  let page = await listIdeas(query);
  forward.push(page.items.map((i) => i.id));
  expect(page.prev).toBeNull();
  while (page.next) {
    page = await listIdeas({ ...query, after: page.next });
    forward.push(page.items.map((i) => i.id));
    expect(forward.length).toBeLessThan(1000);
  }
  const backward: string[][] = [forward[forward.length - 1]];
  while (page.prev) {
    page = await listIdeas({ ...query, before: page.prev });
    backward.unshift(page.items.map((i) => i.id));
  }
  return { forward, backward, total: page.total };
}

describe(`ideas list paging on ${where}`, () => {
  it("lists every idea of a burst exactly once, in every sort, forward and back", async () => {
    const lab = await makeLab();
    const campaign = await makeCampaign(lab.id);
    const author = await makeUser();
    // 47 ideas submitted at the same instant, in three groups of equal supports
    const at = new Date("2026-11-30T09:15:00.123Z");
    const burst: string[] = [];
    for (let i = 0; i < 47; i++) {
      const idea = await ideas.createIdea({
        campaignId: campaign.id,
        labId: lab.id,
        authorId: author.id,
        organizationId: null,
        unitId: null,
        title: `Rafale numéro ${i} pour la cantine`,
        problem: "Une idée déposée dans une rafale, au même instant que les autres.",
        proposal: "La retrouver une fois et une seule dans la liste, page après page.",
        beneficiaries: "Les agents",
        submit: true,
        at,
      });
      burst.push(idea.id);
    }
    // same microsecond for all, not only the same millisecond
    await sql`UPDATE ideas SET submitted_at = timestamptz '2026-11-30 09:15:00.123456+00', support_count = (ascii(right(id::text, 1)) % 3) WHERE id = ANY(${burst}::uuid[])`.execute(db());
    const sorts: IdeaSort[] = ["recent", "supported"];
    for (const sort of sorts) {
      for (const pageSize of [5, 10, 20]) {
        const { forward, backward, total } = await walk({ campaignId: campaign.id, sort, pageSize });
        const seen = forward.flat();
        expect(total).toBe(47);
        expect(seen).toHaveLength(47);
        expect(new Set(seen)).toEqual(new Set(burst));
        expect(backward).toEqual(forward);
        expect(forward.slice(0, -1).every((p) => p.length === pageSize)).toBe(true);
      }
    }
    for (const sort of ["relevance", "recent", "supported"] as IdeaSort[]) {
      const { forward, backward, total } = await walk({ q: "rafale cantine", campaignId: campaign.id, sort, pageSize: 6 });
      const seen = forward.flat();
      expect(total).toBe(47);
      expect(seen).toHaveLength(47);
      expect(new Set(seen)).toEqual(new Set(burst));
      expect(backward).toEqual(forward);
    }
  });

  it("pages the whole public list once, the demo and the burst together", async () => {
    for (const sort of ["recent", "supported"] as IdeaSort[]) {
      const { forward, total } = await walk({ sort, pageSize: 50 });
      const seen = forward.flat();
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
    }
  });

  it("ignores a cursor that is malformed, forged or made for another sort", async () => {
    const first = await listIdeas({ pageSize: 3 });
    for (const bad of ["", "%%%", "bm90IGpzb24", encodeCursor("supported", [1, 2, "not-a-uuid"]), Buffer.from('["recent","x","y"]').toString("base64url")]) {
      expect(decodeCursor("recent", bad)).toBeNull();
      expect((await listIdeas({ pageSize: 3, after: bad })).items).toEqual(first.items);
    }
    expect(decodeCursor("supported", first.next!)).toBeNull();
    expect((await listIdeas({ pageSize: 3, sort: "supported", after: first.next! })).prev).toBeNull();
  });
});

describe(`search forgives typos on ${where}`, () => {
  const titles = async (q: string) => (await listIdeas({ q, pageSize: 100 })).items.map((i) => i.title.toLowerCase());

  it("suggests the known word and searches with it when the typed one finds nothing", async () => {
    const menaj = await listIdeas({ q: "menaj", pageSize: 100 });
    expect(menaj.search?.suggestion).toBe("ménage");
    expect(menaj.search?.searchedFor).toBe("ménage");
    expect(menaj.total).toBe((await listIdeas({ q: "ménage" })).total);
    expect(menaj.items.some((i) => /ménage/i.test(i.title))).toBe(true);

    const cantinne = await listIdeas({ q: "cantinne", pageSize: 100 });
    expect(cantinne.search?.suggestion).toBe("cantine");
    expect(cantinne.total).toBeGreaterThan(0);
    expect(cantinne.total).toBe((await listIdeas({ q: "cantine" })).total);

    const resto = await listIdeas({ q: "restauraton scolaire", pageSize: 100 });
    expect(resto.search?.suggestion).toBe("restauration scolaire");
    expect(resto.search?.searchedFor).toBe("restauration scolaire");
    expect(resto.total).toBe((await listIdeas({ q: "restauration scolaire" })).total);
    expect(resto.total).toBeGreaterThan(0);
  });

  it("keeps a search that matches as it is, and drops a word that nothing resembles", async () => {
    const exact = await listIdeas({ q: "cantine" });
    expect(exact.search).toEqual({ suggestion: null, searchedFor: null });
    // one word of two is nonsense: the other still finds its ideas
    const half = await listIdeas({ q: "cantine xqzwvk", pageSize: 100 });
    expect(half.search?.suggestion).toBeNull();
    expect(half.search?.searchedFor).toBe("cantine");
    expect(half.total).toBe(exact.total);
    expect(await titles("xqzwvk")).toEqual([]);
  });

  it("learns the words of a new idea at once, and forgets those of a hidden one", async () => {
    const lab = await makeLab();
    const campaign = await makeCampaign(lab.id);
    const author = await makeUser();
    const idea = await ideas.createIdea({
      campaignId: campaign.id,
      labId: lab.id,
      authorId: author.id,
      organizationId: null,
      unitId: null,
      title: "Des hydroliennes sur le canal",
      problem: "Le canal passe devant le lycée et son courant est perdu.",
      proposal: "Installer une petite hydrolienne pour éclairer la cour.",
      beneficiaries: "Les élèves",
      submit: true,
    });
    expect((await listIdeas({ q: "hydrolyenes" })).search?.suggestion).toBe("hydroliennes");
    await ideas.hideIdea(idea.id, "Hors charte", author.id);
    expect((await listIdeas({ q: "hydrolyenes" })).search?.suggestion).toBeNull();
    await ideas.unhideIdea(idea.id, author.id);
    expect((await listIdeas({ q: "hydrolyenes" })).search?.suggestion).toBe("hydroliennes");
    // the vocabulary equals a recount of the public ideas' words
    const drift = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (
        (SELECT unaccent(x.word) AS plain, count(DISTINCT i.id)::int AS n
         FROM ideas i, idea_words_of(i.title || ' ' || i.problem || ' ' || i.proposal || ' ' || i.beneficiaries) x
         WHERE i.status <> 'draft' AND i.status <> 'merged' AND i.hidden_at IS NULL GROUP BY 1
         EXCEPT SELECT plain, n FROM idea_words)
        UNION ALL
        (SELECT plain, n FROM idea_words
         EXCEPT SELECT unaccent(x.word), count(DISTINCT i.id)::int
         FROM ideas i, idea_words_of(i.title || ' ' || i.problem || ' ' || i.proposal || ' ' || i.beneficiaries) x
         WHERE i.status <> 'draft' AND i.status <> 'merged' AND i.hidden_at IS NULL GROUP BY 1)
      ) d`.execute(db());
    expect(drift.rows[0].n).toBe(0);
  });

  it("never fails on a NUL byte or control characters", async () => {
    expect((await listIdeas({ q: "cant\u0000ine\r\n" })).items).toBeDefined();
  });
});
