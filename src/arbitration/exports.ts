/**
 * Decisions on the Mini-Labs' proposals, as a table: for a director, the proposals addressed to
 * their directorate (as on « Arbitrage »); for a lab team, every submitted proposal of the lab's
 * Mini-Labs. Each proposal is asked of `rightsOn` before it becomes a row.
 */
import { labsWhere, Refusal, type Viewer } from "../kernel/permissions";
import { absoluteLink, fileSlug, rowsByPage, type Row, type TableExport } from "../kernel/export";
import { isoDay } from "../kernel/format";
import { displayName, getUsers } from "../accounts/accounts";
import { requireLabRole } from "../labs/service";
import * as minilabs from "../minilabs/minilabs";
import * as arb from "./arbitration";
import { directorateOf, normaliseDirectorate, rightsOn } from "./service";

const header = [
  "Mini-Lab",
  "Proposition",
  "Direction concernée",
  "Soumise le",
  "Coût estimé (€)",
  "Décision",
  "Motif",
  "Décidée le",
  "Décidée par",
  "Responsable du suivi",
  "Échéance du suivi",
  "Corrections",
  "Adresse",
];

function decisionRows(viewer: Viewer, list: arb.Proposal[], byId: Map<string, minilabs.Minilab>) {
  const sorted = [...list].sort(
    (a, b) =>
      (byId.get(a.minilab_id)?.name ?? "").localeCompare(byId.get(b.minilab_id)?.name ?? "", "fr") ||
      (a.submitted_at?.getTime() ?? 0) - (b.submitted_at?.getTime() ?? 0) ||
      a.id.localeCompare(b.id),
  );
  return rowsByPage(sorted, 200, async (page) => {
    const allowed: arb.Proposal[] = [];
    for (const p of page) {
      const m = byId.get(p.minilab_id);
      if (m && (await rightsOn(viewer, p, m)).canView) allowed.push(p);
    }
    const chains = await arb.decisionsOf(allowed.map((p) => p.id));
    const users = await getUsers(allowed.flatMap((p) => (chains.get(p.id) ?? []).flatMap((d) => [d.decided_by, ...(d.follow_up_owner_id ? [d.follow_up_owner_id] : [])])));
    const name = (id: string | null) => (id && users.get(id) ? displayName(users.get(id)!) : null);
    return allowed.map((p): Row => {
      const chain = chains.get(p.id) ?? [];
      const d = arb.currentDecision(chain);
      return [
        byId.get(p.minilab_id)?.name ?? null,
        p.title,
        p.directorate,
        p.submitted_at,
        p.cost_eur,
        d ? arb.decisionOutcomes[d.outcome] : "En attente",
        d?.reason ?? null,
        d?.decided_at ?? null,
        d ? name(d.decided_by) : null,
        d ? name(d.follow_up_owner_id) : null,
        d?.follow_up_due ? isoDay(d.follow_up_due) : null,
        Math.max(0, chain.length - 1),
        absoluteLink(`/propositions/${p.id}`),
      ];
    });
  });
}

/** The decisions a director is asked for: the proposals addressed to their directorate, in the labs where they direct. */
export async function directorDecisionsExport(viewer: Viewer): Promise<TableExport> {
  const labIds = labsWhere(viewer.principal, "director");
  if (!labIds.length) throw new Refusal("Cet export est réservé aux directions.", 403);
  const directorate = await directorateOf(viewer.userId);
  const labs = await minilabs.listMinilabs(labIds);
  const byId = new Map(labs.map((m) => [m.id, m]));
  const key = directorate ? normaliseDirectorate(directorate) : null;
  const list = key ? (await arb.submittedProposalsOfMinilabs(labs.map((m) => m.id))).filter((p) => normaliseDirectorate(p.directorate) === key) : [];
  return { filename: `decisions-${fileSlug(directorate ?? "direction")}-${isoDay(new Date())}`, sheet: "Décisions", header, rows: decisionRows(viewer, list, byId) };
}

/** Every submitted proposal of the lab's Mini-Labs and its decision, for the lab team. */
export async function labDecisionsExport(viewer: Viewer, labSlug: string): Promise<TableExport> {
  const lab = await requireLabRole(labSlug, viewer.principal, "lab_team");
  const labs = await minilabs.listMinilabs([lab.id]);
  const byId = new Map(labs.map((m) => [m.id, m]));
  const list = await arb.submittedProposalsOfMinilabs(labs.map((m) => m.id));
  return { filename: `decisions-${fileSlug(lab.slug)}-${isoDay(new Date())}`, sheet: "Décisions", header, rows: decisionRows(viewer, list, byId) };
}
