/**
 * The ideas of the two demo campaigns.
 *
 * - closedCampaignIdeas: the Région's first internal ideas contest (244 ideas, 4 awarded).
 * - openCampaignIdeas: a campaign still open for submissions (12 ideas so far).
 *
 * Texts are written per topic in `ideas-*.ts` with an author profile; here the closed
 * campaign's ideas are put in a (seeded) submission order, numbered, and each profile is
 * resolved to a concrete agent, spreading authorship over as many agents as possible.
 * Everything is deterministic.
 */
import { agentGenders, agents, mulberry32, type DemoAgent } from "./agents";
import { organizations } from "./organizations";
import type { AuthorProfile, DemoIdea, RawIdea, RawIdeaGroup, TopicKey } from "./types";
import { cleaningIdeas } from "./ideas-cleaning";
import { cateringIdeas } from "./ideas-catering";
import { environmentIdeas } from "./ideas-environment";
import { onboardingIdeas, skillsIdeas, trainingIdeas } from "./ideas-people";
import { mobilityIdeas, wellbeingIdeas } from "./ideas-work";
import { communicationIdeas, digitalIdeas, paperworkIdeas, purchasingIdeas } from "./ideas-admin";
import { maintenanceIdeas } from "./ideas-maintenance";
import { openIdeasRaw } from "./ideas-open";

export type { DemoIdea, TopicKey } from "./types";

export const closedCampaignGroups: RawIdeaGroup[] = [
  environmentIdeas,
  cleaningIdeas,
  cateringIdeas,
  skillsIdeas,
  onboardingIdeas,
  trainingIdeas,
  mobilityIdeas,
  wellbeingIdeas,
  paperworkIdeas,
  communicationIdeas,
  purchasingIdeas,
  digitalIdeas,
  maintenanceIdeas,
];

// ---------------------------------------------------------------------------
// Author profiles
// ---------------------------------------------------------------------------

const orgKind = new Map(organizations.map((o) => [o.key, o.kind]));

function matchesProfile(profile: AuthorProfile, a: DemoAgent): boolean {
  const kind = orgKind.get(a.organizationKey);
  const inLycee = kind === "lycee";
  const atHq = kind === "region_hq";
  switch (profile) {
    case "entretien":
      return inLycee && a.unit === "Agents d'entretien";
    case "restauration":
      return inLycee && a.unit === "Restauration";
    case "maintenance":
      return inLycee && a.unit === "Maintenance";
    case "accueil":
      return a.job.includes("d'accueil");
    case "gestion":
      return inLycee && a.unit === "Administration";
    case "lycee":
      return inLycee;
    case "dir_lycees":
      return atHq && a.unit === "Direction des lycées";
    case "environnement":
      return atHq && a.unit === "Direction de l'environnement";
    case "rh":
      return atHq && a.unit === "Direction des ressources humaines";
    case "numerique":
      return atHq && a.unit === "Direction du numérique";
    case "finances":
      return atHq && a.unit === "Direction des finances";
    case "dimap":
      return atHq && a.unit.startsWith("DIMAP");
    case "education":
      return atHq && a.unit === "Direction de l'éducation";
    case "transports":
      return atHq && a.unit === "Direction des transports et de la mobilité";
    case "achats":
      return atHq && a.unit === "Direction de la commande publique";
    case "com":
      return atHq && a.unit === "Direction de la communication";
    case "moyens":
      return atHq && a.unit === "Direction de l'immobilier et des moyens généraux";
    case "siege":
      return atHq;
    case "assistante":
      return (atHq || kind === "maison_region") && a.job.startsWith("Assistant") && !a.job.includes("social");
    case "maison":
      return kind === "maison_region";
    case "maison_lycees":
      return kind === "maison_region" && a.unit === "Service territorial des lycées";
    case "etat":
      return kind === "prefecture" || kind === "ddt";
  }
}

function candidatesFor(raw: RawIdea): DemoAgent[] {
  return agents.filter(
    (a) =>
      matchesProfile(raw.by, a) &&
      (raw.at === undefined || a.organizationKey === raw.at) &&
      (raw.gender === undefined || agentGenders[a.key] === raw.gender) &&
      (raw.job === undefined || a.job.includes(raw.job)),
  );
}

interface Resolver {
  resolve(raw: RawIdea): { authorKey: string; coAuthorKeys: string[] };
}

/** Picks among candidates the least-loaded agent, ties broken by a seeded PRNG. */
function makeResolver(seed: number): Resolver {
  const rand = mulberry32(seed);
  const load = new Map<string, number>();
  const pick = (candidates: DemoAgent[]): DemoAgent => {
    let min = Infinity;
    for (const c of candidates) min = Math.min(min, load.get(c.key) ?? 0);
    const least = candidates.filter((c) => (load.get(c.key) ?? 0) === min);
    const chosen = least[Math.floor(rand() * least.length)];
    if (!chosen) throw new Error("no candidate");
    load.set(chosen.key, min + 1);
    return chosen;
  };
  return {
    resolve(raw) {
      const candidates = candidatesFor(raw);
      if (candidates.length === 0) throw new Error(`no author matches the idea « ${raw.title} »`);
      const author = pick(candidates);
      const chosen = new Set<string>([author.key]);
      const coAuthorKeys: string[] = [];
      for (const profile of raw.with ?? []) {
        const pool = agents.filter((a) => matchesProfile(profile, a) && !chosen.has(a.key));
        const sameOrg = pool.filter((a) => a.organizationKey === author.organizationKey);
        const from = sameOrg.length > 0 ? sameOrg : pool;
        if (from.length === 0) throw new Error(`no co-author matches the idea « ${raw.title} »`);
        const co = pick(from);
        chosen.add(co.key);
        coAuthorKeys.push(co.key);
      }
      return { authorKey: author.key, coAuthorKeys };
    },
  };
}

function seededShuffle<T>(items: T[], seed: number): T[] {
  const rand = mulberry32(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

function toIdea(key: string, topic: TopicKey, raw: RawIdea, resolver: Resolver): DemoIdea {
  const { authorKey, coAuthorKeys } = resolver.resolve(raw);
  const idea: DemoIdea = {
    key,
    authorKey,
    coAuthorKeys,
    title: raw.title,
    problem: raw.problem,
    proposal: raw.proposal,
    beneficiaries: raw.beneficiaries,
    topic,
  };
  if (raw.award) idea.awarded = { ...raw.award };
  return idea;
}

function ideaKey(n: number): string {
  return `i${String(n).padStart(3, "0")}`;
}

const resolver = makeResolver(2019);

/** Ideas of the closed contest, in submission order (i001..i244). */
export const closedCampaignIdeas: DemoIdea[] = seededShuffle(
  closedCampaignGroups.flatMap((g) => g.ideas.map((raw) => ({ topic: g.topic, raw }))),
  244,
).map(({ topic, raw }, i) => toIdea(ideaKey(i + 1), topic, raw, resolver));

/** Ideas submitted so far to the open campaign (i245..i256). */
export const openCampaignIdeas: DemoIdea[] = openIdeasRaw.map((raw, i) =>
  toIdea(ideaKey(closedCampaignIdeas.length + i + 1), raw.topic, raw, resolver),
);

export function ideasByTopic(ideas: DemoIdea[]): Map<TopicKey, DemoIdea[]> {
  const byTopic = new Map<TopicKey, DemoIdea[]>();
  for (const idea of ideas) {
    const list = byTopic.get(idea.topic) ?? [];
    list.push(idea);
    byTopic.set(idea.topic, list);
  }
  return byTopic;
}
