/**
 * Reads a V8 `.cpuprofile` (written by `node --cpu-prof`) and prints where the process spent
 * its CPU: the functions with the most self time, and the same time summed by package
 * (node_modules) or by source file of ours. Used by `BENCH_PROFILE=true npm run bench:web`.
 */
import fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const shortUrl = (url: string) => url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(app|src|build|server)\//, "$1/");

function packageOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName.startsWith("(") ? functionName : "(natif)";
  const m = url.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  if (m) return m[1];
  if (url.startsWith("node:")) return "node:*";
  return shortUrl(url);
}

export function summarizeProfile(profile: Profile, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfById = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    selfById.set(id, (selfById.get(id) ?? 0) + dt);
    total += dt;
  });
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  for (const [id, t] of selfById) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || "(anonyme)"}${url ? ` ${shortUrl(url)}:${lineNumber + 1}` : ""}`;
    functions.set(name, (functions.get(name) ?? 0) + t);
    const pkg = packageOf(node);
    packages.set(pkg, (packages.get(pkg) ?? 0) + t);
  }
  const sorted = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => ({ name, ms: us / 1000, share: us / total }));
  return { totalMs: total / 1000, functions: sorted(functions), packages: sorted(packages) };
}

export function printProfile(file: string, top = 25) {
  const s = summarizeProfile(JSON.parse(fs.readFileSync(file, "utf8")) as Profile, top);
  const row = (r: { name: string; ms: number; share: number }) =>
    `${(100 * r.share).toFixed(1).padStart(5)} %  ${r.ms.toFixed(0).padStart(7)} ms  ${r.name}`;
  console.log(`\nProfil CPU ${file} : ${(s.totalMs / 1000).toFixed(1)} s échantillonnées`);
  console.log("Temps propre par fonction :");
  for (const r of s.functions) console.log(row(r));
  console.log("Temps propre par paquet ou fichier :");
  for (const r of s.packages.slice(0, 15)) console.log(row(r));
}

if (import.meta.url === `file://${process.argv[1]}`) printProfile(process.argv[2], Number(process.argv[3] ?? 25));
