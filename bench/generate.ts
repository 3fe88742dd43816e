/**
 * Deterministic generation of a large, varied data set from the demo content:
 * 20,000 agents (demo name stock), 50 campaigns, 100,000 ideas whose texts recombine
 * sentences of the 256 demo ideas of the same topic plus a few random words.
 */
import { closedCampaignIdeas, openCampaignIdeas, organizations, type DemoIdea, type TopicKey } from "../src/demo/content";
import { FIRST_NAMES, LAST_NAMES, emailSlug, mulberry32 } from "../src/demo/content/agents";
import { topicLabels } from "../src/demo/content/types";

export type Rand = () => number;

export function rng(seed: number): { rand: Rand; pick: <T>(a: readonly T[]) => T; int: (lo: number, hi: number) => number; uuid: () => string } {
  const rand = mulberry32(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const hex = (n: number) => (Math.floor(rand() * 2 ** 32) >>> 0).toString(16).padStart(8, "0").slice(0, n);
  // Version-4 shaped UUID drawn from the seeded generator, so ids are stable across runs.
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[Math.floor(rand() * 4)]}${hex(3)}-${hex(8)}${hex(4)}`;
  return { rand, pick, int, uuid };
}

// ---------------------------------------------------------------- agents

const JOBS = [
  ["Agent d'entretien", "Agente d'entretien"],
  ["Agent de restauration", "Agente de restauration"],
  ["Cuisinier", "Cuisinière"],
  ["Agent de maintenance", "Agente de maintenance"],
  ["Agent d'accueil", "Agente d'accueil"],
  ["Gestionnaire administratif", "Gestionnaire administrative"],
  ["Chargé de mission", "Chargée de mission"],
  ["Chef de projet", "Cheffe de projet"],
  ["Assistant de direction", "Assistante de direction"],
  ["Technicien informatique", "Technicienne informatique"],
  ["Responsable de service", "Responsable de service"],
  ["Instructeur", "Instructrice"],
] as const;

export interface GenAgent {
  email: string;
  givenName: string;
  familyName: string;
  orgKey: string;
  unit: string;
  job: string;
}

export function generateAgents(n: number): GenAgent[] {
  const { rand, pick } = rng(4242);
  const women = FIRST_NAMES.filter((f) => f.gender === "f");
  const men = FIRST_NAMES.filter((f) => f.gender === "m");
  // Lycées employ most agents; weight organisations by kind.
  const weighted = organizations.flatMap((o) => Array(o.kind === "lycee" ? 3 : o.kind === "region_hq" ? 6 : 1).fill(o));
  const seen = new Map<string, number>();
  const out: GenAgent[] = [];
  for (let i = 0; i < n; i++) {
    const woman = rand() < 0.6;
    const first = pick(woman ? women : men);
    const last = rand() < 0.7 ? pick(LAST_NAMES.filter((l) => l.group === first.group).length ? LAST_NAMES.filter((l) => l.group === first.group) : LAST_NAMES) : pick(LAST_NAMES);
    const org = pick(weighted);
    const base = `${emailSlug(first.name)}.${emailSlug(last.name)}`;
    const k = (seen.get(`${base}@${org.domain}`) ?? 0) + 1;
    seen.set(`${base}@${org.domain}`, k);
    const job = pick(JOBS);
    out.push({
      email: `${base}${k > 1 ? k : ""}@${org.domain}`,
      givenName: first.name,
      familyName: last.name,
      orgKey: org.key,
      unit: pick(org.units),
      job: woman ? job[1] : job[0],
    });
  }
  return out;
}

// ---------------------------------------------------------------- campaigns

export interface GenCampaign {
  title: string;
  summary: string;
  lab: "region" | "labest";
  opensAt: Date;
  closesAt: Date;
  /** closed and judged (awarded / not awarded), closed and under review, or open now */
  stage: "judged" | "review" | "open";
  /** share of the ideas */
  weight: number;
}

const DAY = 86_400_000;

export function generateCampaigns(n: number, now: Date): GenCampaign[] {
  const { rand, pick } = rng(5151);
  const themes = Object.values(topicLabels);
  const kinds = ["Appel à idées", "Concours d’idées", "Défi", "Boîte à idées", "Mini-Lab"];
  const out: GenCampaign[] = [];
  for (let i = 0; i < n; i++) {
    const stage: GenCampaign["stage"] = i < 30 ? "judged" : i < 40 ? "review" : "open";
    let opensAt: Date, closesAt: Date;
    if (stage === "open") {
      opensAt = new Date(now.getTime() - (10 + Math.floor(rand() * 60)) * DAY);
      closesAt = new Date(now.getTime() + (15 + Math.floor(rand() * 60)) * DAY);
    } else {
      // closed campaigns spread over the last six years
      const end = now.getTime() - (stage === "review" ? 5 + Math.floor(rand() * 40) : 60 + Math.floor(rand() * 2000)) * DAY;
      closesAt = new Date(end);
      opensAt = new Date(end - (30 + Math.floor(rand() * 60)) * DAY);
    }
    const theme = pick(themes);
    out.push({
      title: `${pick(kinds)} ${opensAt.getUTCFullYear()} n° ${i + 1} – ${theme}`,
      summary: `Campagne de la plateforme sur le thème « ${theme.toLowerCase()} ».`,
      lab: rand() < 0.8 ? "region" : "labest",
      opensAt,
      closesAt,
      stage,
      // a few big campaigns, many small ones
      weight: rand() < 0.15 ? 8 + rand() * 8 : 0.5 + rand() * 2,
    });
  }
  return out;
}

// ---------------------------------------------------------------- ideas

interface Pools {
  titles: string[];
  problems: string[];
  proposals: string[];
  beneficiaries: string[];
}

const sentences = (t: string) => t.split(/(?<=[.!?…])\s+/).map((s) => s.trim()).filter((s) => s.length > 0);

function pools(): { topics: TopicKey[]; byTopic: Map<TopicKey, Pools>; words: string[] } {
  const all: DemoIdea[] = [...closedCampaignIdeas, ...openCampaignIdeas];
  const byTopic = new Map<TopicKey, Pools>();
  const words = new Set<string>();
  for (const i of all) {
    const p = byTopic.get(i.topic) ?? { titles: [], problems: [], proposals: [], beneficiaries: [] };
    p.titles.push(i.title);
    p.problems.push(...sentences(i.problem));
    p.proposals.push(...sentences(i.proposal));
    p.beneficiaries.push(i.beneficiaries);
    byTopic.set(i.topic, p);
    for (const w of `${i.problem} ${i.proposal}`.split(/[^\p{L}'-]+/u)) if (w.length >= 6) words.add(w.toLowerCase());
  }
  return { topics: [...byTopic.keys()], byTopic, words: [...words].sort() };
}

const PLACES = ["au siège", "dans les lycées", "à la Maison de la Région", "sur le site de Metz", "à Châlons", "à Strasbourg", "à Nancy", "à Reims", "à Mulhouse", "en DDT", "à Épinal", "à Troyes"];

export interface GenIdeaText {
  topic: TopicKey;
  title: string;
  problem: string;
  proposal: string;
  beneficiaries: string;
}

/** n idea texts; same seed, same texts. */
export function generateIdeaTexts(n: number): GenIdeaText[] {
  const { rand, pick, int } = rng(777);
  const { topics, byTopic, words } = pools();
  const out: GenIdeaText[] = [];
  for (let i = 0; i < n; i++) {
    const topic = pick(topics);
    const p = byTopic.get(topic)!;
    const other = byTopic.get(pick(topics))!;
    const problem: string[] = [];
    for (let k = int(1, 3); k > 0; k--) problem.push(pick(p.problems));
    if (rand() < 0.25) problem.push(pick(other.problems));
    // A few free words keep the vocabulary of every text a little different.
    const extra = Array.from({ length: int(2, 6) }, () => pick(words)).join(", ");
    problem.push(`Mots-clés : ${extra}.`);
    const proposal: string[] = [];
    for (let k = int(2, 4); k > 0; k--) proposal.push(pick(p.proposals));
    const title = rand() < 0.5 ? pick(p.titles) : `${pick(p.titles)} ${pick(PLACES)}`;
    out.push({ topic, title, problem: problem.join(" "), proposal: proposal.join(" "), beneficiaries: pick(p.beneficiaries) });
  }
  return out;
}

