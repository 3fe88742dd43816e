/**
 * A Mini-Lab's members and their attendance, for its lab team and facilitators: one row per
 * active member, one column per session with « présent », « absent » or nothing (not recorded).
 * Whoever may not see the Mini-Lab gets the same 404 as for its page; a member who sees it but does
 * not manage it, a 403.
 */
import { Refusal, type Viewer } from "../kernel/permissions";
import { fileSlug, rowsByPage, type Row, type TableExport } from "../kernel/export";
import { formatDate, isoDay } from "../kernel/format";
import { displayName, getUserProfiles } from "../accounts/accounts";
import { getOrganizations, getUnits } from "../organizations/organizations";
import * as minilabs from "./minilabs";
import * as sessions from "./sessions";
import { canManage, requireMinilabVisible } from "./service";

const roleLabels: Record<minilabs.MemberRole, string> = { facilitator: "Animation", member: "Membre" };
const sourceLabels: Record<minilabs.MinilabMember["source"], string> = { theme: "Une idée du thème", lab: "Une invitation", self: "Sa propre démarche" };

export async function membersExport(viewer: Viewer, minilabId: string): Promise<TableExport> {
  const { minilab: m, me } = await requireMinilabVisible(viewer, minilabId);
  if (!canManage(viewer, m, me)) throw new Refusal("Seuls l’équipe du lab et les animateurs du Mini-Lab exportent ses membres et leurs présences.", 403);
  const members = (await minilabs.listMembers([m.id]))
    .filter((x) => x.status === "active")
    .sort((a, b) => (a.role === b.role ? (a.joined_at?.getTime() ?? 0) - (b.joined_at?.getTime() ?? 0) || a.user_id.localeCompare(b.user_id) : a.role === "facilitator" ? -1 : 1));
  const list = await sessions.listSessions([m.id]);
  const attendance = await sessions.attendanceOf(list.map((x) => x.id));
  const present = new Map(attendance.map((a) => [`${a.session_id}/${a.user_id}`, a.present]));
  const recorded = new Set(attendance.map((a) => a.session_id));
  const header = [
    "Nom",
    "Rôle",
    "Arrivée par",
    "Organisation",
    "Service",
    "Fonction",
    "Site",
    "Membre depuis",
    "Présences",
    "Séances dont l’appel est fait",
    ...list.map((x) => `${formatDate(x.starts_at)} – ${x.title}`),
  ];
  const rows = rowsByPage(members, 200, async (page) => {
    const users = await getUserProfiles(page.map((x) => x.user_id));
    const [orgs, units] = await Promise.all([
      getOrganizations([...users.values()].map((u) => u.organization_id).filter((x): x is string => !!x)),
      getUnits([...users.values()].map((u) => u.unit_id).filter((x): x is string => !!x)),
    ]);
    return page.map((x): Row => {
      const u = users.get(x.user_id);
      const marks = list.map((s) => (recorded.has(s.id) ? (present.get(`${s.id}/${x.user_id}`) ? "présent" : "absent") : null));
      return [
        u ? displayName(u) : "Agent",
        roleLabels[x.role],
        sourceLabels[x.source],
        u?.organization_id ? (orgs.get(u.organization_id)?.name ?? null) : null,
        u?.unit_id ? (units.get(u.unit_id)?.name ?? null) : null,
        u?.job ?? null,
        u?.site ?? null,
        x.joined_at,
        marks.filter((p) => p === "présent").length,
        marks.filter((p) => p !== null).length,
        ...marks,
      ];
    });
  });
  return { filename: `membres-${fileSlug(m.name)}-${isoDay(new Date())}`, sheet: "Membres et présences", header, rows };
}
