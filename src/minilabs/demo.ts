/**
 * The demo's Mini-Labs, opened by the lab team from two of the contest's published themes: one in
 * its sessions (open to all), one in preparation (on request). Some invited holders have joined.
 */
import { getUser, getUsers } from "../accounts/accounts";
import { publishedThemesOfLab } from "../themes";
import { getLabBySlug, loadPrincipal } from "../labs/labs";
import * as minilabs from "./minilabs";
import { join, openMinilab } from "./service";

const DAY = 86_400_000;

export async function seedDemoMinilabs(input: { labSlug: string; curatorId: string; facilitatorIds: string[]; now: Date }): Promise<number> {
  const lab = await getLabBySlug(input.labSlug);
  if (!lab) return 0;
  const themes = await publishedThemesOfLab(lab.id);
  const find = (start: string) => themes.find((t) => t.label.startsWith(start));
  const team = { userId: input.curatorId, principal: await loadPrincipal(input.curatorId) };
  const facilitators = [...(await getUsers(input.facilitatorIds)).values()];
  const emails = async (ids: string[]) => (await Promise.all(ids.map((id) => getUser(id)))).map((u) => u!.email);
  const plans = [
    {
      theme: find("La restauration"),
      name: "Mini-Lab Restauration scolaire",
      question: "Comment servir des repas meilleurs, avec moins de gaspillage, sans allonger le service des équipes de cuisine ?",
      joinPolicy: "open" as const,
      from: -30,
      joiners: 0.6,
      directorates: ["Direction des lycées", "Direction de l’environnement"],
    },
    {
      theme: find("Le ménage"),
      name: "Mini-Lab Propreté des lycées",
      question: "Comment organiser le ménage des lycées pour qu’il soit moins pénible et mieux reconnu ?",
      joinPolicy: "request" as const,
      from: 20,
      joiners: 0.3,
      directorates: ["Direction des lycées"],
    },
  ];
  let n = 0;
  for (const [i, p] of plans.entries()) {
    if (!p.theme) continue;
    const start = input.now.getTime() + p.from * DAY;
    const m = await openMinilab(team, input.labSlug, {
      themeId: p.theme.id,
      name: p.name,
      question: p.question,
      joinPolicy: p.joinPolicy,
      facilitatorEmails: await emails(facilitators.slice(i, i + 1).map((f) => f.id)),
      sessionsFrom: new Date(start),
      sessionsUntil: new Date(start + 150 * DAY),
      restitutionOn: new Date(start + 200 * DAY),
      arbitrationOn: new Date(start + 260 * DAY),
      directorates: p.directorates,
    });
    const invited = (await minilabs.listMembers([m.id])).filter((x) => x.status === "invited");
    const joining = invited.slice(0, Math.round(invited.length * p.joiners));
    for (const x of joining) await join({ userId: x.user_id, principal: await loadPrincipal(x.user_id) }, m.id);
    n++;
  }
  return n;
}
