/**
 * What the roadmaps module publishes as open data (dataset « feuille-de-route », API resource
 * roadmap-progress): the progress history of the published roadmaps — one row per snapshot of a
 * figure, the whole roadmap's or an item's — for public items only, as the public tracker shows
 * them: an internal item (or one under an internal item) is left out, a confidential project is
 * « Projet interne » or left out (the roadmap's choice). Nothing personal: no owner, no cause
 * (it may name a confidential project). Read page by page (keyset on the snapshot's id). A reader
 * inside a lab (its access token) reads that lab's roadmaps whole: unpublished ones, internal
 * items, confidential projects by their name.
 */
import { isUuid } from "../kernel/ids";
import { untilDatabaseChanges } from "../kernel/cache";
import * as data from "./roadmaps";
import type { ItemKind } from "./rules";
import { compute, publicShape } from "./service";

export interface PublicProgressRow {
  id: string;
  roadmap_id: string;
  roadmap_title: string;
  lab_id: string;
  partner_lab_id: string | null;
  item_id: string | null;
  parent_id: string | null;
  kind: "roadmap" | ItemKind;
  title: string;
  at: Date;
  percent: number | null;
}

export interface PublicProgressFilter {
  labId?: string;
  roadmapId?: string;
  itemId?: string;
}

/**
 * The published roadmaps (of a lab, alone or as partner) and, for each, its items as the public
 * sees them; those of `insideLab` whole. Computed once and shared until anything is committed
 * (every page of the history, every reader of the API).
 */
const views = untilDatabaseChanges<Awaited<ReturnType<typeof computePublicView>>>(100);
function publicView(filter: PublicProgressFilter, insideLab: string | null = null) {
  return views(`${filter.labId ?? ""}|${filter.roadmapId ?? ""}|${insideLab ?? ""}`, () => computePublicView(filter, insideLab));
}

async function computePublicView(filter: PublicProgressFilter, insideLab: string | null) {
  const labId = filter.labId && isUuid(filter.labId) ? filter.labId : undefined;
  const own = insideLab && isUuid(insideLab) ? (await data.roadmapsOfLab(insideLab)).filter((r) => !labId || r.lab_id === labId || r.partner_lab_id === labId) : [];
  const ownIds = new Set(own.map((r) => r.id));
  const roadmaps = [...own, ...(await data.publishedRoadmaps(labId)).filter((r) => !ownIds.has(r.id))].filter((r) => !filter.roadmapId || r.id === filter.roadmapId);
  const views = await Promise.all(
    roadmaps.map(async (r) => {
      const c = await compute(r);
      const items = new Map<string, { parent_id: string | null; kind: ItemKind; title: string }>();
      for (const i of c.items) {
        const shape = ownIds.has(r.id) ? "shown" : publicShape(c, i);
        if (shape !== "hidden") items.set(i.id, { parent_id: i.parent_id, kind: i.kind, title: shape === "internal" ? "Projet interne" : i.title });
      }
      return { roadmap: r, items };
    }),
  );
  return { roadmaps: new Map(views.map((v) => [v.roadmap.id, v])) };
}

/** One page of the public progress history, after the snapshot `after` (in id order). */
export async function publicRoadmapProgressPage(filter: PublicProgressFilter, insideLab: string | null, after: string | null, limit: number): Promise<{ rows: PublicProgressRow[]; next: string | null }> {
  if ((filter.labId && !isUuid(filter.labId)) || (filter.roadmapId && !isUuid(filter.roadmapId)) || (filter.itemId && !isUuid(filter.itemId))) return { rows: [], next: null };
  const view = await publicView(filter, insideLab);
  const visible = [...view.roadmaps.values()].map((v) => ({ roadmapId: v.roadmap.id, itemIds: [...v.items.keys()].filter((id) => !filter.itemId || id === filter.itemId), whole: !filter.itemId }));
  const snaps = await data.publicSnapshotsPage(visible, after, limit + 1);
  const rows = snaps.slice(0, limit).map((s): PublicProgressRow => {
    const v = view.roadmaps.get(s.roadmap_id)!;
    const item = s.item_id ? v.items.get(s.item_id)! : null;
    return {
      id: s.id,
      roadmap_id: s.roadmap_id,
      roadmap_title: v.roadmap.title,
      lab_id: v.roadmap.lab_id,
      partner_lab_id: v.roadmap.partner_lab_id,
      item_id: s.item_id,
      parent_id: item?.parent_id ?? null,
      kind: item?.kind ?? "roadmap",
      title: item?.title ?? v.roadmap.title,
      at: s.at,
      percent: s.percent === null ? null : Math.round(s.percent * 100) / 100,
    };
  });
  return { rows, next: snaps.length > limit ? rows[rows.length - 1].id : null };
}

/** The public history's size and last snapshot. */
export async function publicRoadmapProgressStats(): Promise<{ count: number; updatedAt: Date | null }> {
  const view = await publicView({});
  return data.publicSnapshotsStats([...view.roadmaps.values()].map((v) => ({ roadmapId: v.roadmap.id, itemIds: [...v.items.keys()], whole: true })));
}
