import { createUser, type User } from "../../src/accounts/accounts";
import { createOrganization } from "../../src/organizations/organizations";
import { createLab, grantRole, loadPrincipal } from "../../src/labs/labs";
import { createCampaign, publishCampaign, type Campaign } from "../../src/campaigns/campaigns";
import type { Role } from "../../src/kernel/permissions";

let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

export async function makeOrganization(name = `Organisation ${uniq()}`) {
  return createOrganization({ name, kind: "lycee", units: ["Restauration", "Agents d'entretien"] });
}

export async function makeUser(over: Partial<{ organizationId: string | null; givenName: string; familyName: string; email: string }> = {}): Promise<User> {
  const id = uniq();
  return createUser({
    email: over.email ?? `agent.${id}@example.fr`,
    givenName: over.givenName ?? "Agent",
    familyName: over.familyName ?? id,
    organizationId: over.organizationId ?? null,
    isDemo: true,
  });
}

export async function makeLab(slug = `lab-${uniq()}`) {
  return createLab({ slug, name: `Lab ${slug}` });
}

export async function viewerOf(user: User) {
  return { userId: user.id, principal: await loadPrincipal(user.id) };
}

export async function makeMember(labId: string, ...roles: Role[]) {
  const u = await makeUser();
  for (const r of roles) await grantRole(u.id, labId, r);
  return u;
}

const DAY = 86_400_000;

export async function makeCampaign(labId: string, over: Partial<{ opensAt: Date; closesAt: Date; organizationIds: string[]; publish: boolean; criteria: { label: string; weight: number }[] }> = {}): Promise<Campaign> {
  const c = await createCampaign({
    labId,
    title: `Campagne ${uniq()}`,
    summary: "Résumé de la campagne",
    description: "Description de la campagne",
    rules: "",
    opensAt: over.opensAt ?? new Date(Date.now() - DAY),
    closesAt: over.closesAt ?? new Date(Date.now() + 30 * DAY),
    scaleMax: 5,
    criteria: over.criteria ?? [
      { label: "Utilité", weight: 3 },
      { label: "Faisabilité", weight: 1 },
    ],
    organizationIds: over.organizationIds ?? [],
    createdBy: null,
  });
  if (over.publish !== false) await publishCampaign(c.id);
  return c;
}

/**
 * A theme holding exactly these ideas, saved as an analysis run would and published (or not):
 * for the modules that start from a published theme (Mini-Labs, arbitration).
 */
export async function makeTheme(input: { labId: string; campaignId: string; ideaIds: string[]; label: string; curatorId: string; published?: boolean }) {
  const { createAnalysis, createRun, setPublished, startRun } = await import("../../src/themes/db/runs");
  const { listThemes, saveAnalysisRun } = await import("../../src/themes/db/themes");
  const a = await createAnalysis({ labId: input.labId, title: input.label, campaignIds: [input.campaignId], scope: "all", k: 2, createdBy: input.curatorId });
  const run = await createRun({ analysisId: a.id, kind: "analyse", k: 2, seed: 1, requestedBy: input.curatorId });
  await startRun(run.id, input.ideaIds.length);
  const ids = input.ideaIds;
  await saveAnalysisRun(
    {
      runId: run.id,
      analysisId: a.id,
      chosenK: 1,
      quality: [],
      stats: {},
      kept: [],
      created: [{ label: input.label, terms: [], representativeIds: ids, cohesion: 1, members: ids.map((ideaId) => ({ ideaId, similarity: 1 })) }],
      outliers: [],
      positions: [],
      frozenIdeaIds: [],
    },
    input.curatorId,
  );
  if (input.published !== false) await setPublished(a.id, input.curatorId, true);
  return (await listThemes(a.id))[0];
}
