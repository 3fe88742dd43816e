/**
 * What the minilabs module publishes as open data: public Mini-Labs (a private one only for a
 * reader holding its lab's access token), without their members. Only this module's tables.
 */
import { sql } from "kysely";
import { db } from "../kernel/runtime";
import { isUuid } from "../kernel/ids";
import type { JoinPolicy, MinilabsTables, Visibility } from "./minilabs";

const q = () => db().withTables<MinilabsTables>();

export interface PublicMinilab {
  id: string;
  lab_id: string;
  theme_id: string | null;
  name: string;
  question: string;
  join_policy: JoinPolicy;
  visibility: Visibility;
  sessions_from: Date;
  sessions_until: Date;
  restitution_on: Date;
  arbitration_on: Date;
  directorates: string[];
  created_at: Date;
}

export interface PublicMinilabFilter {
  labId?: string;
}

/** Public Mini-Labs, and the private ones of `insideLab` (a lab's own token reads them). */
const readable = (insideLab: string | null) =>
  q()
    .selectFrom("minilabs")
    .where((eb) => (insideLab && isUuid(insideLab) ? eb.or([eb("visibility", "=", "public"), eb("lab_id", "=", insideLab)]) : eb("visibility", "=", "public")));

export async function publicMinilabsPage(filter: PublicMinilabFilter, insideLab: string | null, after: string | null, limit: number): Promise<{ rows: PublicMinilab[]; next: string | null }> {
  let query = readable(insideLab).select(["id", "lab_id", "theme_id", "name", "question", "join_policy", "visibility", "sessions_from", "sessions_until", "restitution_on", "arbitration_on", "directorates", "created_at"]);
  if (filter.labId) query = isUuid(filter.labId) ? query.where("lab_id", "=", filter.labId) : query.where(sql<boolean>`false`);
  if (after) query = query.where("id", ">", after);
  const rows = await query.orderBy("id").limit(limit).execute();
  return { rows, next: rows.length === limit ? rows[rows.length - 1].id : null };
}

/** The Mini-Labs a reader may see (ids and labs): few per lab, so read whole, for their decisions. */
export async function readableMinilabs(insideLab: string | null): Promise<{ id: string; lab_id: string }[]> {
  return readable(insideLab).select(["id", "lab_id"]).orderBy("id").execute();
}

export async function publicMinilabsStats(): Promise<{ count: number; updatedAt: Date | null }> {
  const r = await readable(null)
    .select((eb) => [eb.fn.countAll<string>().as("n"), eb.fn.max("created_at").as("at")])
    .executeTakeFirstOrThrow();
  return { count: Number(r.n), updatedAt: r.at ? new Date(r.at) : null };
}
