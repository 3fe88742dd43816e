import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { bootTestRuntime } from "../../tests/support/runtime";
import { freshDatabase } from "../../tests/support/database";
import { makeLab, makeMember, makeUser, viewerOf } from "../../tests/support/fixtures";
import type { Refusal } from "../kernel/permissions";
import { allMigrations } from "../boot";
import { migrateToLatest } from "../kernel/db/migrate";
import { applyGateOutcome, createProjectFor, projectAction, requestGate, saveProjectSettings } from "../projects";
import { projectActionSchema, projectSchema } from "../projects/schemas";
import { mainStages } from "../projects/stages";
import { openMinilab } from "../minilabs/service";
import { scheduleSession, sessionForm, methodsPage, addMethod, archiveMethod } from "../minilabs/session-service";
import { createResourceFor, generateCaseStudy, labLibrary, libraryPage, resourceAction, resourceEditPage, resourceFile, resourcePage, resourcesMigrations } from "./index";
import { readLibraryQuery, resourceActionSchema, saveResourceSchema } from "./schemas";
import { personalData } from "./personal-data";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

const DAY = 86_400_000;
const refusal = (status: number, message?: RegExp) => (e: Refusal) => e.status === status && (!message || message.test(e.message));
const parse = <T,>(schema: { safeParse(v: unknown): { success: boolean; data?: T; error?: unknown } }, v: Record<string, unknown>): T => {
  const r = schema.safeParse(v);
  if (!r.success) throw new Error(JSON.stringify(r.error));
  return r.data!;
};
const query = (params: Record<string, string>) => readLibraryQuery(new URL(`http://x/ressources?${new URLSearchParams(params)}`));
const pdf = (name: string) => new File([Buffer.from("%PDF-1.4\n% modèle\n%%EOF\n")], name, { type: "application/pdf" });

async function setup() {
  const lab = await makeLab();
  const team = await viewerOf(await makeMember(lab.id, "lab_team"));
  const agent = await viewerOf(await makeMember(lab.id, "agent"));
  const stranger = await viewerOf(await makeUser());
  return { lab, team, agent, stranger };
}

async function methodSheet(s: Awaited<ReturnType<typeof setup>>, title: string, over: Record<string, string> = {}) {
  const r = await createResourceFor(s.team, s.lab.slug, { kind: "method", title });
  await resourceAction(
    s.team,
    s.lab.slug,
    r.id,
    parse(saveResourceSchema, {
      intent: "save",
      title,
      summary: "Fabriquer vite des maquettes de services pour tester les idées avec les usagers.",
      objective: "Rendre une idée tangible avant de la développer.",
      when_to_use: "Après l’idéation, quand plusieurs pistes sont retenues.",
      duration: "2 heures",
      group_size: "4 à 12 personnes",
      material: "Papier, carton, feutres, post-it",
      steps: "1. Choisir une piste\n2. Maquetter\n3. Tester avec des usagers\n4. Recueillir les retours",
      variants: "Prototypes numériques avec un outil de maquettage.",
      tags: "atelier, usagers",
      visibility: "agents",
      ...over,
    }),
  );
  return r;
}

describe("the Mini-Labs' methods become the library's method sheets", () => {
  it("carries existing methods over with their ids, names, descriptions and archiving, and drops the old table", async () => {
    const test = await freshDatabase();
    try {
      const d = test.database.db;
      await migrateToLatest(
        d,
        allMigrations.filter((set) => set !== resourcesMigrations),
      );
      const lab = (await sql<{ id: string }>`INSERT INTO labs (slug, name) VALUES ('lab-migre', 'Lab migré') RETURNING id`.execute(d)).rows[0];
      await sql`INSERT INTO session_methods (id, lab_id, label, description, archived_at) VALUES
        ('aaaaaaaa-0000-4000-8000-000000000001', ${lab.id}, 'World café', 'Tables tournantes.', NULL),
        ('aaaaaaaa-0000-4000-8000-000000000002', ${lab.id}, 'Photolangage', 'Choisir une image.', now())`.execute(d);
      await migrateToLatest(d, allMigrations);
      const rows = (await sql<{ id: string; kind: string; title: string; summary: string; archived: boolean; published: boolean; visibility: string }>`
        SELECT id, kind, title, summary, archived_at IS NOT NULL AS archived, published_at IS NOT NULL AS published, visibility FROM resources ORDER BY title`.execute(d)).rows;
      expect(rows).toEqual([
        { id: "aaaaaaaa-0000-4000-8000-000000000002", kind: "method", title: "Photolangage", summary: "Choisir une image.", archived: true, published: true, visibility: "agents" },
        { id: "aaaaaaaa-0000-4000-8000-000000000001", kind: "method", title: "World café", summary: "Tables tournantes.", archived: false, published: true, visibility: "agents" },
      ]);
      const old = await sql<{ n: string }>`SELECT count(*) AS n FROM pg_tables WHERE tablename = 'session_methods'`.execute(d);
      expect(Number(old.rows[0].n)).toBe(0);
    } finally {
      await test.dispose();
    }
  });

  it("one list: a method added on the Mini-Labs' page is a sheet of the library, and a new sheet is offered to sessions; the count of sessions follows", async () => {
    const s = await setup();
    const facilitatorUser = await makeUser();
    const m = await openMinilab(s.team, s.lab.slug, {
      themeId: null,
      name: "Mini-Lab restauration",
      question: "Comment réduire le gaspillage à la cantine ?",
      joinPolicy: "open",
      facilitatorEmails: [facilitatorUser.email],
      sessionsFrom: new Date(Date.now() - DAY),
      sessionsUntil: new Date(Date.now() + 30 * DAY),
      restitutionOn: new Date(Date.now() + 60 * DAY),
      arbitrationOn: new Date(Date.now() + 90 * DAY),
      directorates: [],
      visibility: "public",
    });
    const facilitator = await viewerOf(facilitatorUser);
    // the lab's first reading gives it the default sheets, in both places
    const lib = await labLibrary(s.team, s.lab.slug);
    expect(lib.resources.filter((r) => r.kind === "method").map((r) => r.title)).toContain("Remue-méninges");
    expect((await methodsPage(s.team, s.lab.slug)).methods.map((x) => x.label)).toContain("Remue-méninges");

    await addMethod(s.team, s.lab.slug, "World café", "Tables tournantes.");
    const cafe = (await labLibrary(s.team, s.lab.slug)).resources.find((r) => r.title === "World café")!;
    expect(cafe).toMatchObject({ kind: "method", status: "Publiée", sessions: 0 });

    const sheet = await methodSheet(s, "Prototypage rapide");
    await resourceAction(s.team, s.lab.slug, sheet.id, { intent: "publish" });
    expect((await sessionForm(facilitator, m.id)).methods.map((x) => x.label)).toContain("Prototypage rapide");

    const base = { startsAt: new Date(Date.now() + 3600_000), durationMinutes: 120, place: "Lycée Louis-Vincent, Metz", videoUrl: null, agenda: "", dots: 3 };
    await scheduleSession(facilitator, m.id, { ...base, title: "Séance 1", methods: ["Prototypage rapide", "World café"] });
    await scheduleSession(facilitator, m.id, { ...base, title: "Séance 2", methods: ["Prototypage rapide"] });
    expect((await resourcePage(s.agent, sheet.id)).sessions).toBe(2);
    expect((await resourcePage(s.agent, cafe.id)).sessions).toBe(1);
    const listed = (await libraryPage(s.agent, query({ q: "prototypage" }))).resources.find((r) => r.id === sheet.id);
    expect(listed?.sessions).toBe(2);

    // a used method keeps its name: sessions name it so
    await expect(resourceAction(s.team, s.lab.slug, sheet.id, parse(saveResourceSchema, { intent: "save", title: "Prototypage lent", visibility: "agents" }))).rejects.toSatisfy(refusal(409, /2 séances/));
    // archived on the Mini-Labs' page: archived in the library, out of the sessions' form
    await archiveMethod(s.team, s.lab.slug, cafe.id, true);
    expect((await resourceEditPage(s.team, s.lab.slug, cafe.id)).resource.archived).toBe(true);
    expect((await sessionForm(facilitator, m.id)).methods.map((x) => x.label)).not.toContain("World café");
    await expect(resourcePage(s.agent, cafe.id)).rejects.toSatisfy(refusal(404));
  });
});

describe("the library", () => {
  it("finds sheets in French whatever the accents and plurals, filters by type and tag, and shows only what the viewer may read", async () => {
    const s = await setup();
    const sheet = await methodSheet(s, "Prototypage en carton");
    const publicTool = await createResourceFor(s.team, s.lab.slug, { kind: "tool", title: "Kit d’animation à distance" });
    await resourceAction(s.team, s.lab.slug, publicTool.id, parse(saveResourceSchema, { intent: "save", title: "Kit d’animation à distance", body: "Un tableau blanc partagé pour les séances de prototypage en ligne.", tags: "distanciel", visibility: "public" }));
    const draft = await methodSheet(s, "Prototypage secret");

    // nothing is published yet: nobody but the team finds them
    expect((await libraryPage(s.agent, query({ q: "prototypage" }))).resources.map((r) => r.id)).not.toContain(sheet.id);
    await resourceAction(s.team, s.lab.slug, sheet.id, { intent: "publish" });
    await resourceAction(s.team, s.lab.slug, publicTool.id, { intent: "publish" });

    for (const q of ["prototypage", "Prototypages", "PROTOTYPÂGE", "cartons", "maquette", "Maquettes", "idées", "idee"]) {
      const found = (await libraryPage(s.agent, query({ q }))).resources.map((r) => r.id);
      expect(found, q).toContain(sheet.id);
      expect(found, q).not.toContain(draft.id);
    }
    expect((await libraryPage(s.agent, query({ q: "prototypage" }))).resources.map((r) => r.id)).toContain(publicTool.id);
    // the title ranks above the body
    const ranked = (await libraryPage(s.agent, query({ q: "prototypage carton" }))).resources.map((r) => r.id);
    expect(ranked.indexOf(sheet.id)).toBeLessThan(ranked.indexOf(publicTool.id) === -1 ? Infinity : ranked.indexOf(publicTool.id));
    // filters
    expect((await libraryPage(s.agent, query({ q: "prototypage", type: "tool" }))).resources.map((r) => r.id)).toEqual([publicTool.id]);
    expect((await libraryPage(s.agent, query({ etiquette: "distanciel" }))).resources.map((r) => r.id)).toEqual([publicTool.id]);
    // without signing in: only public sheets; an agents-only sheet asks to sign in
    const anonymous = (await libraryPage(null, query({ q: "prototypage" }))).resources.map((r) => r.id);
    expect(anonymous).toContain(publicTool.id);
    expect(anonymous).not.toContain(sheet.id);
    await expect(resourcePage(null, sheet.id)).rejects.toSatisfy(refusal(403, /agents connectés/));
    await expect(resourcePage(null, draft.id)).rejects.toSatisfy(refusal(404));
    await expect(resourcePage(s.stranger, draft.id)).rejects.toSatisfy(refusal(404));
    // a sheet shows its fields; a stranger (an agent of no lab) reads an agents-only one
    const page = await resourcePage(s.stranger, sheet.id);
    expect(page.resource).toMatchObject({ kind: "method", duration: "2 heures", group_size: "4 à 12 personnes", tags: ["atelier", "usagers"] });
    expect(page.rights.edit).toBe(false);
    // an unknown or malformed id is a 404
    await expect(resourcePage(s.agent, "pas-un-identifiant")).rejects.toSatisfy(refusal(404));
  });

  it("lets only the lab team write, publish, archive and attach templates; files are checked and served to readers", async () => {
    const s = await setup();
    const other = await makeLab();
    const otherTeam = await viewerOf(await makeMember(other.id, "lab_team"));
    await expect(createResourceFor(s.agent, s.lab.slug, { kind: "tool", title: "Outil" })).rejects.toSatisfy(refusal(403));
    await expect(labLibrary(otherTeam, s.lab.slug)).rejects.toSatisfy(refusal(403));
    const sheet = await methodSheet(s, "Carte d’empathie augmentée");
    await expect(resourceEditPage(otherTeam, other.slug, sheet.id)).rejects.toSatisfy(refusal(404));
    await expect(resourceAction(s.agent, s.lab.slug, sheet.id, { intent: "publish" })).rejects.toSatisfy(refusal(403));
    // two methods of one name are refused
    await expect(createResourceFor(s.team, s.lab.slug, { kind: "method", title: "Carte d’empathie augmentée" })).rejects.toSatisfy(refusal(409));

    const upload = parse(resourceActionSchema, { intent: "upload" });
    await expect(resourceAction(s.team, s.lab.slug, sheet.id, upload, [new File(["<html>"], "modele.html", { type: "text/html" })])).rejects.toSatisfy(refusal(400, /ni un PDF/));
    await resourceAction(s.team, s.lab.slug, sheet.id, upload, [pdf("Gabarit carte d’empathie.pdf")]);
    const files = (await resourceEditPage(s.team, s.lab.slug, sheet.id)).files;
    expect(files.map((f) => f.filename)).toEqual(["Gabarit carte d’empathie.pdf"]);
    // a draft's file is the team's only
    await expect(resourceFile(s.agent, sheet.id, files[0].id)).rejects.toSatisfy(refusal(404));
    await resourceAction(s.team, s.lab.slug, sheet.id, { intent: "publish" });
    const f = await resourceFile(s.agent, sheet.id, files[0].id);
    expect(f.content.subarray(0, 5).toString()).toBe("%PDF-");
    await resourceAction(s.team, s.lab.slug, sheet.id, parse(resourceActionSchema, { intent: "removeFile", fileId: files[0].id }));
    expect((await resourcePage(s.agent, sheet.id)).files).toEqual([]);
    // archived: gone from the library
    await resourceAction(s.team, s.lab.slug, sheet.id, { intent: "archive" });
    expect((await libraryPage(s.agent, query({ q: "empathie augmentée" }))).resources.map((r) => r.id)).not.toContain(sheet.id);
    expect((await personalData(s.team.userId))[0].rows.map((r) => r.title)).toContain("Carte d’empathie augmentée");
  });

  it("ignores malformed filters in the address", () => {
    expect(query({ q: "  atelier\u0000 ", type: "inconnu", page: "-3", etiquette: "x".repeat(100) })).toEqual({ terms: "atelier", kind: null, tag: "x".repeat(40), page: 1 });
  });
});

describe("case studies", () => {
  it("drafts a case study from a project that reached évaluation, for its lab team to edit and publish; earlier or confidential projects are refused", async () => {
    const s = await setup();
    await saveProjectSettings(s.team, s.lab.slug, { template: { ...Object.fromEntries(mainStages.map((st) => [st, []])), prototype: ["Prototype"] } as never, strategicStages: [] });
    const newProject = (title: string, confidential = false) =>
      createProjectFor(s.team, s.lab.slug, parse(projectSchema, { title, problem: "Les agents d’entretien des lycées manquent de matériel adapté.", users: "Agents d’entretien", ...(confidential ? { confidential: "on" } : {}) }));
    const advanceTo = async (id: string, stage: string) => {
      for (let i = 0; i < mainStages.indexOf(stage as never); i++) {
        const review = await requestGate(s.team, id);
        await applyGateOutcome(null, review.id, { outcome: "go", decidedBy: s.team.userId });
      }
    };
    const told = await newProject("Chariots de ménage ergonomiques");
    await projectAction(s.team, told.id, parse(projectActionSchema, { intent: "deliverable", stage: "prototype", label: "Prototype", kind: "text", body: "Trois chariots testés dans deux lycées de Metz." }));
    await projectAction(s.team, told.id, parse(projectActionSchema, { intent: "indicator", name: "Troubles musculo-squelettiques déclarés", unit: "cas par an", baseline: "12", target: "6" }));
    await advanceTo(told.id, "evaluation");
    const young = await newProject("Projet en exploration");
    const secret = await newProject("Projet confidentiel", true);
    await projectAction(s.team, secret.id, parse(projectActionSchema, { intent: "deliverable", stage: "prototype", label: "Prototype", kind: "text", body: "Maquette." }));
    await advanceTo(secret.id, "evaluation");

    const lib = await labLibrary(s.team, s.lab.slug);
    expect(lib.candidates.map((c) => c.value)).toEqual([told.id]);
    await expect(generateCaseStudy(s.team, s.lab.slug, young.id)).rejects.toSatisfy(refusal(409));
    await expect(generateCaseStudy(s.team, s.lab.slug, secret.id)).rejects.toSatisfy(refusal(409));
    await expect(generateCaseStudy(s.agent, s.lab.slug, told.id)).rejects.toSatisfy(refusal(403));

    const study = await generateCaseStudy(s.team, s.lab.slug, told.id);
    expect(study).toMatchObject({ kind: "case_study", project_id: told.id, title: "Chariots de ménage ergonomiques", published_at: null });
    expect(study.problem).toContain("manquent de matériel adapté");
    expect(study.body).toContain("Trois chariots testés");
    expect(study.indicators).toContain("Troubles musculo-squelettiques déclarés (cas par an)\u00a0: départ 12, cible 6");
    // a draft until the team publishes it
    await expect(resourcePage(s.agent, study.id)).rejects.toSatisfy(refusal(404));
    await resourceAction(s.team, s.lab.slug, study.id, parse(saveResourceSchema, { intent: "save", title: study.title, problem: study.problem, body: study.body, result: "Moins d’arrêts de travail dès la première année.", indicators: study.indicators, tags: "étude de cas, entretien", visibility: "public" }));
    await resourceAction(s.team, s.lab.slug, study.id, { intent: "publish" });
    const anonymous = await libraryPage(null, query({ type: "case_study", q: "chariot" }));
    expect(anonymous.resources.map((r) => r.id)).toEqual([study.id]);
    expect((await labLibrary(s.team, s.lab.slug)).candidates[0].label).toContain("déjà racontée");
  });
});
