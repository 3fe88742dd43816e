/**
 * The demo's skills directory: about sixty agents of the Grand Est demo who opted in (every fifth
 * agent, across lycées, Maisons de la Région, headquarters and State services), with one to three
 * skills from the shared list, a level and, for most, their willingness to help other services;
 * a few present themselves as experts. The labs add their own skills and list external experts
 * (fictitious people).
 */
import { findUserByEmail } from "../accounts/accounts";
import { getLabBySlug, usersWithRole } from "../labs/labs";
import { mulberry32 } from "../demo/content/agents";
import * as data from "./skills";
import { sharedSkills } from "./db/migrations";
import type { ExpertKind, Level } from "./db/schema";

const labSkills: Record<string, string[]> = {
  "region-grand-est": ["Animation de Mini-Lab"],
  innovmandie: ["Accompagnement à l’incubation"],
};

const externals: { lab: string; name: string; affiliation: string; kind: ExpertKind; domains: string; availability: string }[] = [
  { lab: "labest", name: "Nathalie Roussel", affiliation: "Université de Lorraine, laboratoire de sciences de gestion", kind: "academic", domains: "Management public, conduite du changement", availability: "Une demi-journée par mois" },
  { lab: "labest", name: "Hugo Lambert", affiliation: "Université de Strasbourg, laboratoire de psychologie", kind: "researcher", domains: "Sciences comportementales, enquête auprès des usagers", availability: "Sur demande, pour un projet à la fois" },
  { lab: "region-grand-est", name: "Élise Marchal", affiliation: "École de design de Nancy", kind: "academic", domains: "Design de service, prototypage", availability: "Pendant l’année universitaire" },
  { lab: "innovmandie", name: "Antoine Delaunay", affiliation: "Agence régionale de santé de Normandie", kind: "practitioner", domains: "Design de service en santé, data", availability: "Deux jours par trimestre" },
];

/** Seeds the directory for these demo agents (by email, in order); returns how many opted in. */
export async function seedDemoSkills(agentEmails: string[]): Promise<{ listed: number; experts: number }> {
  const rand = mulberry32(20211126);
  const skills = new Map((await data.listSkills()).map((s) => [s.label, s.id]));
  for (const [slug, labels] of Object.entries(labSkills)) {
    const lab = await getLabBySlug(slug);
    if (!lab) continue;
    const [teamId] = await usersWithRole(lab.id, "lab_team");
    for (const label of labels) if (!skills.has(label)) skills.set(label, (await data.addSkill(lab.id, label, teamId ?? null)).id);
  }
  const levelsBy: Level[] = ["notions", "practice", "practice", "expert"];
  const chosen = agentEmails.filter((_, i) => i % 5 === 0).slice(0, 60);
  let listed = 0;
  let experts = 0;
  for (const [i, email] of chosen.entries()) {
    const u = await findUserByEmail(email);
    if (!u) continue;
    const count = 1 + Math.floor(rand() * 3);
    const mine = new Set<string>();
    // the first skills of the shared list (design de service, facilitation, prototypage…) come up most often
    while (mine.size < count) mine.add(sharedSkills[Math.floor(rand() * rand() * sharedSkills.length)]);
    if (i % 12 === 0) mine.add("Animation de Mini-Lab");
    for (const label of mine) await data.declare(u.id, skills.get(label)!, levelsBy[Math.floor(rand() * levelsBy.length)], rand() < 0.7);
    if (i % 9 === 4) {
      await data.saveProfile(u.id, { expert: true, domains: [...mine].join(", "), availability: rand() < 0.5 ? "Une demi-journée par mois" : "Ponctuellement, sur un projet" });
      experts++;
    }
    listed++;
  }
  for (const e of externals) {
    const lab = await getLabBySlug(e.lab);
    if (!lab) continue;
    const [teamId] = await usersWithRole(lab.id, "lab_team");
    await data.addExternalExpert({ labId: lab.id, name: e.name, affiliation: e.affiliation, kind: e.kind, domains: e.domains, availability: e.availability, createdBy: teamId ?? null });
  }
  return { listed, experts };
}
