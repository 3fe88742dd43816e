import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeLab, makeMember, viewerOf } from "../../tests/support/fixtures";
import { startJobs } from "../kernel/jobs/jobs";
import { exportResponse } from "../kernel/export";
import type { Refusal } from "../kernel/permissions";
import { createProjectFor, saveProjectSettings } from "../projects";
import { projectSchema } from "../projects/schemas";
import { mainStages } from "../projects/stages";
import { createRoadmap, importPage, importsPage, importTemplate, itemAction, recoverInterruptedImports, roadmapAction, roadmapExport, roadmapImportJob, ROADMAP_IMPORT_QUEUE, startImport } from "./index";
import { addItemSchema, addMilestoneSchema } from "./schemas";
import * as data from "./roadmaps";
import { importedColumns } from "./table";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
  env.rt.jobs = await startJobs({ db: env.rt.database.db, log: env.rt.log, queues: { [ROADMAP_IMPORT_QUEUE]: {} }, handlers: { [ROADMAP_IMPORT_QUEUE]: roadmapImportJob }, migrate: true });
});
afterAll(async () => {
  await env?.rt.jobs?.stop();
  await env?.dispose();
});

const refusal = (status: number, message?: RegExp) => (e: Refusal) => e.status === status && (!message || message.test(e.message));
const parse = <T,>(schema: { safeParse(v: unknown): { success: boolean; data?: T; error?: unknown } }, v: Record<string, string>): T => {
  const r = schema.safeParse(v);
  if (!r.success) throw new Error(JSON.stringify(r.error));
  return r.data!;
};

async function setup() {
  const lab = await makeLab();
  const other = await makeLab();
  const team = await viewerOf(await makeMember(lab.id, "lab_team"));
  const otherTeam = await viewerOf(await makeMember(other.id, "lab_team"));
  const agent = await viewerOf(await makeMember(lab.id, "agent"));
  await saveProjectSettings(team, lab.slug, { template: Object.fromEntries(mainStages.map((s) => [s, []])) as never, strategicStages: [] });
  const project = await createProjectFor(team, lab.slug, parse(projectSchema, { title: "Guichet unique des aides agricoles", problem: "Un problème assez long pour être décrit." }));
  return { lab, other, team, otherTeam, agent, project };
}
type Setup = Awaited<ReturnType<typeof setup>>;

/** The file a browser would send. */
async function fileOf(format: "csv" | "xlsx", table: Awaited<ReturnType<typeof roadmapExport>>, name = `feuille.${format}`) {
  const bytes = new Uint8Array(await exportResponse(format, table).arrayBuffer());
  return new File([bytes], name);
}
const csvFile = (lines: string[], name = "feuille.csv") => new File(["\ufeff" + lines.join("\r\n") + "\r\n"], name);

/** Waits for the job to finish the import (the real queue runs it). */
async function finished(importId: string) {
  for (let n = 0; n < 200; n++) {
    const i = await data.getImport(importId);
    if (i && (i.status === "done" || i.status === "failed")) return i;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the import did not finish");
}

/** A roadmap with every kind of item and field: transversal axis, weights, dates, a project, milestones with each evidence. */
async function fullRoadmap(s: Setup) {
  const roadmap = await createRoadmap(s.team, s.lab.slug, { title: "Feuille de route Lab’EST", description: "", partnerLab: null });
  const add = async (v: Record<string, string>) => {
    await roadmapAction(s.team, s.lab.slug, roadmap.id, parse(addItemSchema, { intent: "addItem", ...v }));
    return (await data.itemsOf(roadmap.id)).find((i) => i.title === v.title)!;
  };
  const axis = await add({ kind: "axis", title: "Axe 2 : la transition écologique", public: "on", description: "Avec la DRAAF Grand Est; la DDT 88 et la préfecture 52." });
  await add({ kind: "axis", title: "Écoresponsable", transversal: "on", public: "on" });
  const flagship = await add({ kind: "flagship", parentId: axis.id, title: "Projet phare « Agriculture »", public: "on", ownerRole: "DRAAF Grand Est", startsOn: "2021-09-01", endsOn: "2021-12-31", calendar: "Septembre à décembre 2021" });
  const lever = await add({ kind: "lever", parentId: flagship.id, title: "Levier : simplifier", public: "on", weight: "2,5" });
  await add({ kind: "lever", parentId: flagship.id, title: "Levier interne", status: "stopped" });
  const linked = await add({ kind: "project", parentId: lever.id, title: "Guichet unique (projet)", projectId: s.project.id, ownerName: "Claire Martin", ownerRole: "DDT 88", public: "on" });
  const initiative = await add({ kind: "initiative", parentId: lever.id, title: "DataGrandEst", ownerName: "Paul Durand", ownerRole: "Région Grand Est", ownerNamePublic: "on", public: "on", weight: "0.5", status: "done" });
  await itemAction(s.team, s.lab.slug, roadmap.id, initiative.id, parse(addMilestoneSchema, { intent: "addMilestone", milestoneTitle: "Portail ouvert", plannedOn: "2021-06-01", alreadyDoneOn: "2021-06-15", evidenceKind: "link", evidenceUrl: "https://www.datagrandest.fr/" }));
  await itemAction(s.team, s.lab.slug, roadmap.id, initiative.id, parse(addMilestoneSchema, { intent: "addMilestone", milestoneTitle: "Comité | bilan", evidenceKind: "text", evidenceText: "Relevé de décisions" }));
  await itemAction(s.team, s.lab.slug, roadmap.id, linked.id, parse(addMilestoneSchema, { intent: "addMilestone", milestoneTitle: "Prototype en test", plannedOn: "2022-03-01", evidenceKind: "stage", evidenceStage: "prototype" }));
  return roadmap;
}

/** The imported columns of an export, row by row: the tree and every field the import carries. */
const treeOf = async (s: Setup, roadmapId: string) => {
  const rows = [...((await roadmapExport(s.team, s.lab.slug, roadmapId)).rows as Iterable<unknown[]>)];
  return rows.map((r) => r.slice(0, importedColumns.length));
};

describe("roadmaps: import from CSV and XLSX", () => {
  for (const format of ["csv", "xlsx"] as const) {
    it(`re-imports its own ${format.toUpperCase()} export into an empty roadmap: the same tree, fields and milestones`, async () => {
      const s = await setup();
      const source = await fullRoadmap(s);
      const file = await fileOf(format, await roadmapExport(s.team, s.lab.slug, source.id));
      const target = await createRoadmap(s.team, s.lab.slug, { title: "Feuille de route importée", description: "", partnerLab: null });
      const id = await startImport(s.team, s.lab.slug, target.id, [file]);
      const done = await finished(id);
      expect(done).toMatchObject({ status: "done", created_items: 7, created_milestones: 3, failure: null, content: null });
      expect(done.processed).toBe(done.total);
      expect(await treeOf(s, target.id)).toEqual(await treeOf(s, source.id));
      // the roadmap's figure was computed and recorded once the tree was in
      const history = await data.snapshotsOf(target.id, null);
      expect(history.at(-1)!.cause).toBe(`Import du fichier feuille.${format}`);
      expect(history.at(-1)!.percent).toBe((await data.snapshotsOf(source.id, null)).at(-1)!.percent);
      const page = await importPage(s.team, s.lab.slug, target.id, id);
      expect(page.import).toMatchObject({ status: "done", active: false, percent: 100, summary: "7\u00a0éléments importés, 3\u00a0jalons.", errors: [] });
    });
  }

  it("reads the template, and a file written by hand with other separators, spellings and a Windows encoding", async () => {
    const s = await setup();
    const target = await createRoadmap(s.team, s.lab.slug, { title: "Depuis le modèle", description: "", partnerLab: null });
    const template = await fileOf("csv", await importTemplate(s.team, s.lab.slug, target.id), "modele.csv");
    expect((await finished(await startImport(s.team, s.lab.slug, target.id, [template])))).toMatchObject({ status: "done", created_items: 4, created_milestones: 2 });
    const second = await createRoadmap(s.team, s.lab.slug, { title: "À la main", description: "", partnerLab: null });
    const latin1 = Buffer.from("Titre,Type,Référence,Rattaché à,Statut\r\nAxe été,AXE,A,,\r\nPhare,Projet Phare,A1,A,terminé\r\n", "latin1");
    const done = await finished(await startImport(s.team, s.lab.slug, second.id, [new File([new Uint8Array(latin1)], "main.csv")]));
    expect(done.status).toBe("done");
    const items = (await data.itemsOf(second.id)).sort((a, b) => (a.parent_id ? 1 : 0) - (b.parent_id ? 1 : 0));
    expect(items.map((i) => [i.kind, i.title, i.status])).toEqual([
      ["axis", "Axe été", "active"],
      ["flagship", "Phare", "done"],
    ]);
  });

  it("refuses a file with faulty lines as a whole, with a report: line, column and French message for each", async () => {
    const s = await setup();
    const target = await createRoadmap(s.team, s.lab.slug, { title: "Une feuille", description: "", partnerLab: null });
    const file = csvFile([
      "Référence;Type;Rattaché à (référence);Titre;Début;Fin;Projet du lab;Poids;Public;Jalons",
      "1;axe;;Axe 1;;;;;oui;",
      "1.1;projet phare;1;Phare 1;31/02/2021;;;;;",
      "1.1.1;levier;9;Levier orphelin;;;;;;",
      "1.2;levier;1;Levier mal placé;;;;;;",
      "1.1.2;projet connexe;1.1;Projet inconnu;;;Un projet qui n’existe pas;;;",
      "1;initiative;1.1;Doublon;01/03/2022;01/01/2022;;-2;peut-être;Jalon | prévu demain",
      "1.1.3;bidule;1.1;X;;;;;;",
    ]);
    const id = await startImport(s.team, s.lab.slug, target.id, [file]);
    const done = await finished(id);
    expect(done.status).toBe("failed");
    expect(await data.itemsOf(target.id)).toEqual([]);
    const page = await importPage(s.team, s.lab.slug, target.id, id);
    expect(page.import.summary).toBe("13\u00a0erreurs sur 6\u00a0lignes\u00a0: rien n’a été importé. Corrigez le fichier et envoyez-le de nouveau.");
    expect(page.import.errors.map((e) => [e.line, e.column])).toEqual([
      [3, "Début"],
      [4, "Rattaché à (référence)"],
      [5, "Rattaché à (référence)"],
      [6, "Rattaché à (référence)"],
      [6, "Projet du lab"],
      [7, "Fin"],
      [7, "Public"],
      [7, "Poids"],
      [7, "Jalons"],
      [7, "Référence"],
      [7, "Rattaché à (référence)"],
      [8, "Type"],
      [8, "Titre"],
    ]);
    const byLine = new Map(page.import.errors.map((e) => [`${e.line} ${e.column}`, e.message]));
    expect(byLine.get("3 Début")).toBe("Début\u00a0: une date au format jj/mm/aaaa (par exemple 01/09/2021).");
    expect(byLine.get("4 Rattaché à (référence)")).toBe("Rattaché à (référence)\u00a0: aucune ligne n’a la référence «\u00a09\u00a0».");
    expect(byLine.get("5 Rattaché à (référence)")).toBe("Rattaché à (référence)\u00a0: un élément de type «\u00a0levier de transformation\u00a0» se rattache à un projet phare\u202f; «\u00a01\u00a0» (ligne 2) est un axe.");
    expect(byLine.get("6 Projet du lab")).toBe("Projet du lab\u00a0: aucun projet du lab ne s’appelle «\u00a0Un projet qui n’existe pas\u00a0».");
    expect(byLine.get("7 Référence")).toBe("Référence\u00a0: «\u00a01\u00a0» est déjà celle de la ligne 2.");
    expect(byLine.get("7 Jalons")).toMatch(/^Jalons\u00a0: jalon 1, «\u00a0prévu demain\u00a0»\u00a0: une date/);
    // the project of another lab is not found by its title either
    const foreign = await createProjectFor(s.otherTeam, s.other.slug, parse(projectSchema, { title: "Projet d’un autre lab", problem: "Un problème assez long pour être décrit." }));
    const stolen = csvFile(["Référence;Type;Rattaché à (référence);Titre;Projet du lab", "1;axe;;Axe;", "2;projet phare;1;Phare;", "3;levier;2;Levier;", `4;projet connexe;3;Vol;${foreign.title}`]);
    const r = await finished(await startImport(s.team, s.lab.slug, target.id, [stolen]));
    expect(r.errors).toEqual([{ line: 5, column: "Projet du lab", message: "Projet du lab : aucun projet du lab ne s’appelle « Projet d’un autre lab »." }]);
  });

  it("says what is wrong with a file it cannot read at all", async () => {
    const s = await setup();
    const target = await createRoadmap(s.team, s.lab.slug, { title: "Une feuille", description: "", partnerLab: null });
    const noColumns = await finished(await startImport(s.team, s.lab.slug, target.id, [csvFile(["Nom;Valeur", "a;b"])]));
    expect(noColumns).toMatchObject({ status: "failed", failure: "Colonnes obligatoires absentes de la première ligne : Référence, Type, Titre. Partez du modèle." });
    const headerOnly = await finished(await startImport(s.team, s.lab.slug, target.id, [csvFile(["Référence;Type;Titre"])]));
    expect(headerOnly.failure).toBe("Ce fichier n’a que sa ligne d’en-tête : aucun élément à importer.");
    const brokenZip = await finished(await startImport(s.team, s.lab.slug, target.id, [new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])], "casse.xlsx")]));
    expect(brokenZip.failure).toMatch(/n’est pas un classeur XLSX lisible/);
  });

  it("lets only the roadmap's lab team send a file, and refuses what is neither a CSV nor an XLSX", async () => {
    const s = await setup();
    const target = await createRoadmap(s.team, s.lab.slug, { title: "Une feuille", description: "", partnerLab: null });
    const file = csvFile(["Référence;Type;Titre", "1;axe;Axe"]);
    await expect(startImport(s.agent, s.lab.slug, target.id, [file])).rejects.toSatisfy(refusal(403));
    await expect(startImport(s.otherTeam, s.lab.slug, target.id, [file])).rejects.toSatisfy(refusal(403));
    await expect(startImport(s.otherTeam, s.other.slug, target.id, [file])).rejects.toSatisfy(refusal(404));
    await expect(importsPage(s.agent, s.lab.slug, target.id)).rejects.toSatisfy(refusal(403));
    await expect(importTemplate(s.agent, s.lab.slug, target.id)).rejects.toSatisfy(refusal(403));
    await expect(startImport(s.team, s.lab.slug, target.id, [])).rejects.toSatisfy(refusal(400, /choisissez un fichier/));
    await expect(startImport(s.team, s.lab.slug, target.id, [new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], "preuve.pdf")])).rejects.toSatisfy(refusal(400, /ni un CSV ni un classeur XLSX/));
    await expect(startImport(s.team, s.lab.slug, target.id, [new File(["pas un zip"], "faux.xlsx")])).rejects.toSatisfy(refusal(400, /ni un CSV ni un classeur XLSX/));
    expect((await importsPage(s.team, s.lab.slug, target.id)).imports).toEqual([]);
    // an import seen through another roadmap does not exist
    const id = await startImport(s.team, s.lab.slug, target.id, [file]);
    const second = await createRoadmap(s.team, s.lab.slug, { title: "Une autre", description: "", partnerLab: null });
    await expect(importPage(s.team, s.lab.slug, second.id, id)).rejects.toSatisfy(refusal(404));
    await expect(importPage(s.agent, s.lab.slug, target.id, id)).rejects.toSatisfy(refusal(403));
    expect((await finished(id)).status).toBe("done");
  });

  it("marks an import left running by a stopped server as failed, to be sent again", async () => {
    const s = await setup();
    const target = await createRoadmap(s.team, s.lab.slug, { title: "Une feuille", description: "", partnerLab: null });
    const imp = await data.insertImport({ roadmapId: target.id, filename: "coupe.csv", format: "csv", content: Buffer.from("x"), requestedBy: s.team.userId });
    await data.claimImport(imp.id, new Date());
    expect((await importPage(s.team, s.lab.slug, target.id, imp.id)).import).toMatchObject({ active: true, stage: "Lecture du fichier" });
    expect(await recoverInterruptedImports()).toBeGreaterThanOrEqual(1);
    expect((await importPage(s.team, s.lab.slug, target.id, imp.id)).import).toMatchObject({ active: false, status: "failed", summary: "L’import a été interrompu par un redémarrage du serveur\u00a0: rien n’a été importé. Envoyez le fichier de nouveau." });
  });
});
