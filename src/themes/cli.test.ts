import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const fixture = path.join(root, "tests/fixtures/grand-debat-mel-sample.csv");
const run = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "scripts/themes.ts", ...args], { cwd: root, encoding: "utf8", timeout: 120_000 });

describe("npm run themes", () => {
  it("prints themes and, with a label column, ends with the scores line", () => {
    const r = run(fixture, "--seed", "1");
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^60 idées, \d+ thèmes \(k automatique : \d+\)/);
    expect(r.stdout).toMatch(/\n1\. .+ — \d+ idées\n {3}termes : .+\n {3}exemples : « .+ »/);
    // why this k: the score per candidate, and the rule the application uses too
    expect(r.stdout).toMatch(/\nPar nombre de thèmes \(k : silhouette \/ reproductibilité\) : 2 : -?\d\.\d\d \/ \d\.\d\d, 3 : /);
    expect(r.stdout).toMatch(/\nk retenu : \d+, le plus reproductible parmi ceux dont la silhouette .+ entre 2 et 8 thèmes/);
    const last = lines.at(-1)!;
    expect(last).toMatch(/^scores: nmi=\d\.\d{3} ari=-?\d\.\d{3} v=\d\.\d{3}$/);
    const [nmi, ari, v] = [...last.matchAll(/=(-?\d\.\d{3})/g)].map((m) => Number(m[1]));
    // 5 human categories; on 60 ideas, a random partition into 6 to 8 groups scores about 0.12 to 0.15 (NMI is biased up on small samples)
    expect(nmi).toBeGreaterThan(0.2);
    expect(nmi).toBeLessThan(1);
    expect(ari).toBeGreaterThan(-0.1);
    expect(v).toBeCloseTo(nmi, 3);
  });

  it("takes --k and is deterministic for a seed", () => {
    const a = run(fixture, "--k", "5", "--seed", "3");
    const b = run(fixture, "--k", "5", "--seed", "3");
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout).toMatch(/^60 idées, \d thèmes \(k = 5\)/);
    const strip = (s: string) => s.replace(/, [\d.]+ s\n/, "\n");
    expect(strip(a.stdout)).toBe(strip(b.stdout));
  });

  it("prints no scores without labels, JSON on request, and a clear error on a bad file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "themes-"));
    const file = path.join(dir, "idees.csv");
    writeFileSync(file, "id,title,body\n1,Cantine,Des menus bio à la cantine\n2,Cantine,Moins de gaspillage à la cantine\n3,Ménage,Des produits d'entretien écologiques\n");
    const r = run(file);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/scores:/);
    const json = run(file, "--json");
    expect(JSON.parse(json.stdout).themes.length).toBeGreaterThan(0);
    writeFileSync(file, "identifiant,texte\n1,a\n");
    const bad = run(file);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/colonne manquante : id/);
    expect(run().status).toBe(1);
  });
});
