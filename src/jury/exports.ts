/**
 * A campaign's exports for its lab team: the ideas (everything an idea says, page by page) and the
 * jury's ranking. Only the campaign's lab team may download them (`requireLabCampaign`), and each
 * idea is asked of the ideas module's rule (`ideaRights`) before it becomes a row.
 */
import type { Viewer } from "../kernel/permissions";
import { absoluteLink, fileSlug, pagedRows, rowsByPage, type Row, type TableExport } from "../kernel/export";
import { isoDay } from "../kernel/format";
import { displayName, getUsers } from "../accounts/accounts";
import { getOrganizations, getUnits } from "../organizations/organizations";
import { campaignPhase } from "../campaigns/campaigns";
import { awardKinds, holdersOf, ideaStatuses } from "../ideas/ideas";
import { campaignIdeasPage, type CampaignIdeaCursor } from "../ideas/campaign-pages";
import { ideaRights } from "../ideas/permissions";
import { rankCampaign, requireLabCampaign } from "./service";

const PAGE = 200;
const round2 = (n: number | null | undefined) => (n == null ? null : Math.round(n * 100) / 100);

/** Display names of a page's people, fetched once per page. */
async function namesOf(userIds: string[]): Promise<(id: string) => string> {
  const users = await getUsers(userIds);
  return (id: string) => (users.get(id) ? displayName(users.get(id)!) : "Agent");
}

/** Every idea of the campaign (drafts and merged ones aside), hidden ones marked, in the order they were submitted. */
export async function campaignIdeasExport(viewer: Viewer, campaignId: string): Promise<TableExport> {
  const campaign = await requireLabCampaign(campaignId, viewer);
  const open = campaignPhase(campaign) === "open";
  const header = [
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
  ];
  const rows = pagedRows<CampaignIdeaCursor>(async (cursor) => {
    const { ideas, next } = await campaignIdeasPage(campaign.id, cursor, PAGE);
    const holders = await holdersOf(ideas.map((i) => i.id));
    const visible = ideas.filter((i) => ideaRights(i, (holders.get(i.id) ?? []).filter((u) => u !== i.author_id).map((user_id) => ({ user_id, status: "confirmed" as const })), viewer, open).canView);
    const name = await namesOf(visible.flatMap((i) => holders.get(i.id) ?? [i.author_id]));
    const [orgs, units] = await Promise.all([
      getOrganizations(visible.map((i) => i.organization_id).filter((x): x is string => !!x)),
      getUnits(visible.map((i) => i.unit_id).filter((x): x is string => !!x)),
    ]);
    return {
      next,
      rows: visible.map((i): Row => [
        i.title,
        ideaStatuses[i.status],
        i.award_kind ? awardKinds[i.award_kind] : null,
        i.award_citation,
        name(i.author_id),
        (holders.get(i.id) ?? []).filter((u) => u !== i.author_id).map(name).join(", "),
        i.organization_id ? (orgs.get(i.organization_id)?.name ?? null) : null,
        i.unit_id ? (units.get(i.unit_id)?.name ?? null) : null,
        i.submitted_at,
        i.support_count,
        i.comment_count,
        i.hidden_at ? "oui" : "non",
        i.hidden_reason,
        i.problem,
        i.proposal,
        i.beneficiaries,
        absoluteLink(`/idees/${i.id}`),
      ]),
    };
  });
  return { filename: `idees-${fileSlug(campaign.title)}-${isoDay(new Date())}`, sheet: "Idées", header, rows };
}

/** The jury's ranking: rank, weighted mean, spread, number of jurors, and the mean on each criterion. */
export async function rankingExport(viewer: Viewer, campaignId: string): Promise<TableExport> {
  const campaign = await requireLabCampaign(campaignId, viewer);
  const { criteria, ranked } = await rankCampaign(campaign);
  const header = [
    "Rang",
    "Titre",
    "Auteur",
    "Organisation",
    "Statut",
    "Moyenne pondérée",
    "Écart entre jurés",
    "Jurés ayant noté",
    ...criteria.map((c) => `${c.label} (poids ${c.weight})`),
    "Soutiens",
    "Adresse",
  ];
  const rows = rowsByPage(ranked, PAGE, async (page) => {
    const [name, orgs] = await Promise.all([namesOf(page.map((r) => r.authorId)), getOrganizations(page.map((r) => r.organizationId).filter((x): x is string => !!x))]);
    return page.map((r): Row => [
      r.rank,
      r.title,
      name(r.authorId),
      r.organizationId ? (orgs.get(r.organizationId)?.name ?? null) : null,
      `${ideaStatuses[r.status]}${r.awardKind ? ` (${awardKinds[r.awardKind].toLowerCase()})` : ""}`,
      round2(r.mean),
      round2(r.spread),
      r.count,
      ...criteria.map((c) => round2(r.byCriterion.get(c.id))),
      r.supports,
      absoluteLink(`/idees/${r.id}`),
    ]);
  });
  return { filename: `classement-${fileSlug(campaign.title)}-${isoDay(new Date())}`, sheet: "Classement", header, rows };
}
