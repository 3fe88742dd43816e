/**
 * Speed of the likely-duplicates detection (similarPairs) on generated campaigns of 1,000 to
 * 5,000 ideas (the benchmark's texts: about one in ten shares most of its sentences with another).
 *
 *   node --import tsx bench/pairs.ts
 */
import { similarPairs } from "../src/themes/engine";
import { generateIdeaTexts } from "./generate";

for (const n of [1000, 2000, 5000]) {
  const docs = generateIdeaTexts(n).map((t, i) => ({ id: String(i), title: t.title, text: `${t.problem}\n${t.proposal}` }));
  await similarPairs(docs.slice(0, 200)); // warm-up
  const t0 = performance.now();
  const pairs = await similarPairs(docs, { threshold: 0.5, limit: 200 });
  const ms = performance.now() - t0;
  console.log(`${String(n).padStart(5)} ideas: ${ms.toFixed(0)} ms, ${pairs.length} pairs ≥ 0.5 kept (best ${pairs[0]?.similarity.toFixed(2) ?? "–"})`);
}
