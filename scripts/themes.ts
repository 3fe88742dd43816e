// npm run themes -- <file.csv> [--k N] [--seed S] [--json]
// Reads a CSV with columns id,title,body (and optionally label), prints the themes found; with a
// label column, the last line is "scores: nmi=… ari=… v=…" against those labels.
import { readFileSync } from "node:fs";
import { parseCsvRecords } from "../src/themes/engine/csv";
import { discoverThemes, type ThemeDiscovery } from "../src/themes/engine/index";
import { scorePartition } from "../src/themes/engine/metrics";

const USAGE = "usage : npm run themes -- <fichier.csv> [--k N] [--seed S] [--json]";

function parseArgs(argv: string[]) {
  let file: string | undefined;
  let k: number | "auto" = "auto";
  let seed = 1;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--k") {
      const v = argv[++i];
      k = v === "auto" ? "auto" : Number(v);
      if (k !== "auto" && !(Number.isInteger(k) && k >= 1)) throw new Error(`--k attend un entier positif ou « auto », reçu ${v}`);
    } else if (a === "--seed") {
      seed = Number(argv[++i]);
      if (!Number.isInteger(seed)) throw new Error("--seed attend un entier");
    } else if (a === "--json") json = true;
    else if (a === "--help" || a === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith("--")) throw new Error(`option inconnue : ${a}`);
    else if (!file) file = a;
    else throw new Error(`argument en trop : ${a}`);
  }
  if (!file) throw new Error(USAGE);
  return { file, k, seed, json };
}

/** Each idea's theme for scoring: its theme, or for « à classer » ideas the nearest theme (or the « à classer » group). */
export function assignment(result: ThemeDiscovery, ids: string[]): string[] {
  const themeOf = new Map<string, string>();
  for (const t of result.themes) for (const id of t.memberIds) themeOf.set(id, t.key);
  for (const o of result.outliers) themeOf.set(o.id, o.nearestTheme ?? "à classer");
  return ids.map((id) => themeOf.get(id) ?? "à classer");
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { header, records } = parseCsvRecords(readFileSync(args.file, "utf8"));
  for (const col of ["id", "body"]) if (!header.includes(col)) throw new Error(`colonne manquante : ${col} (colonnes : ${header.join(", ")})`);
  const hasLabel = header.includes("label");
  const docs = records.map((r) => ({ id: r.id, title: r.title ?? "", text: r.body ?? "" }));
  const progress = process.stderr.isTTY
    ? (stage: string, f: number) => process.stderr.write(`\r${stage.padEnd(10)} ${String(Math.round(f * 100)).padStart(3)} %`)
    : undefined;
  const started = performance.now();
  const result = await discoverThemes(docs, { k: args.k, seed: args.seed, onProgress: progress });
  if (progress) process.stderr.write("\r\x1b[K");
  const seconds = (performance.now() - started) / 1000;

  if (args.json) console.log(JSON.stringify(result, null, 2));
  else {
    const byId = new Map(docs.map((d) => [d.id, d]));
    const example = (id: string) => {
      const d = byId.get(id)!;
      const t = (d.title || d.text).replace(/\s+/g, " ").trim();
      return `« ${t.length > 90 ? t.slice(0, 89) + "…" : t} »`;
    };
    console.log(`${docs.length} idées, ${result.themes.length} thèmes (${args.k === "auto" ? `k automatique : ${result.chosenK}` : `k = ${args.k}`}), ${seconds.toFixed(1)} s\n`);
    result.themes.forEach((t, i) => {
      console.log(`${i + 1}. ${t.label} — ${t.size} idée${t.size > 1 ? "s" : ""}${t.pinned ? " (épinglé)" : ""}`);
      console.log(`   termes : ${t.terms.map((x) => x.term).join(", ")}`);
      console.log(`   exemples : ${t.representativeIds.slice(0, 2).map(example).join(" ; ")}`);
    });
    if (result.outliers.length) {
      const reasons: Record<string, number> = {};
      for (const o of result.outliers) reasons[o.reason] = (reasons[o.reason] ?? 0) + 1;
      const names: Record<string, string> = { empty: "sans mot utile", language: "autre langue", far: "éloignées de tout thème", "small-theme": "thème trop petit" };
      console.log(`\nÀ classer : ${result.outliers.length} (${Object.entries(reasons).map(([r, c]) => `${names[r] ?? r} : ${c}`).join(", ")})`);
    }
    if (result.quality.length) {
      // the same choice as the application's: candidates from √n / 5 to √n (themeCountRange), then chooseK
      const ks = result.quality.map((q) => q.k);
      console.log(`\nPar nombre de thèmes (k : silhouette / reproductibilité) : ${result.quality.map((q) => `${q.k} : ${q.silhouette.toFixed(2)} / ${q.score.toFixed(2)}`).join(", ")}`);
      console.log(`k retenu : ${result.chosenK}, le plus reproductible parmi ceux dont la silhouette est à moins de 5 % de la meilleure, entre ${Math.min(...ks)} et ${Math.max(...ks)} thèmes (de √n / 5 à √n pour ${result.stats.clustered} idées)`);
    }
  }
  if (hasLabel) {
    const s = scorePartition(records.map((r) => r.label), assignment(result, docs.map((d) => d.id)));
    console.log(`scores: nmi=${s.nmi.toFixed(3)} ari=${s.ari.toFixed(3)} v=${s.v.toFixed(3)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
