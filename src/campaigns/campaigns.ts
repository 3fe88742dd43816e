import { sql, type Generated, type Selectable } from "kysely";
import { db } from "../kernel/runtime";
import { transaction } from "../kernel/db/transaction";
import type { MigrationSet } from "../kernel/db/migrate";
import { isUuid } from "../kernel/ids";
import { referenceCache } from "../kernel/cache";

export type CampaignState = "draft" | "published" | "closed";
export type CampaignPhase = "draft" | "upcoming" | "open" | "closed";
export const campaignPhaseLabels: Record<CampaignPhase, string> = {
  draft: "Brouillon",
  upcoming: "À venir",
  open: "Ouverte",
  closed: "Clôturée",
};

export type CampaignsTables = {
  campaigns: {
    id: Generated<string>;
    lab_id: string;
    title: string;
    summary: string;
    description: string;
    rules: string;
    opens_at: Date;
    closes_at: Date;
    scale_max: number;
    state: CampaignState;
    created_by: string | null;
    created_at: Generated<Date>;
    published_at: Date | null;
    closed_at: Date | null;
  };
  campaign_criteria: {
    id: Generated<string>;
    campaign_id: string;
    label: string;
    description: string;
    weight: number;
    position: number;
  };
  campaign_organizations: {
    campaign_id: string;
    organization_id: string;
  };
}
export type Campaign = Selectable<CampaignsTables["campaigns"]>;
export type Criterion = Selectable<CampaignsTables["campaign_criteria"]>;

const q = () => db().withTables<CampaignsTables>();

export const campaignsMigrations: MigrationSet = {
  "2026-11-22-04-campaigns": {
    async up(d) {
      await sql`CREATE TABLE campaigns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        title text NOT NULL,
        summary text NOT NULL DEFAULT '',
        description text NOT NULL DEFAULT '',
        rules text NOT NULL DEFAULT '',
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        scale_max integer NOT NULL DEFAULT 5 CHECK (scale_max BETWEEN 2 AND 20),
        state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','published','closed')),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        closed_at timestamptz,
        CHECK (closes_at > opens_at)
      )`.execute(d);
      await sql`CREATE INDEX campaigns_lab_idx ON campaigns (lab_id, opens_at DESC)`.execute(d);
      await sql`CREATE TABLE campaign_criteria (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        label text NOT NULL,
        description text NOT NULL DEFAULT '',
        weight integer NOT NULL CHECK (weight BETWEEN 1 AND 100),
        position integer NOT NULL
      )`.execute(d);
      await sql`CREATE INDEX campaign_criteria_idx ON campaign_criteria (campaign_id, position)`.execute(d);
      await sql`CREATE TABLE campaign_organizations (
        campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        PRIMARY KEY (campaign_id, organization_id)
      )`.execute(d);
    },
  },
};

export function campaignPhase(c: Pick<Campaign, "state" | "opens_at" | "closes_at">, now = new Date()): CampaignPhase {
  if (c.state === "draft") return "draft";
  if (c.state === "closed" || now >= c.closes_at) return "closed";
  if (now < c.opens_at) return "upcoming";
  return "open";
}

export interface CampaignInput {
  labId: string;
  title: string;
  summary: string;
  description: string;
  rules: string;
  opensAt: Date;
  closesAt: Date;
  scaleMax: number;
  criteria: { label: string; description?: string; weight: number }[];
  organizationIds: string[];
  createdBy: string | null;
}

export async function createCampaign(input: CampaignInput): Promise<Campaign> {
  const created = await transaction(async () => {
      const trx = db();
    const t = trx.withTables<CampaignsTables>();
    const c = await t
      .insertInto("campaigns")
      .values({
        lab_id: input.labId,
        title: input.title,
        summary: input.summary,
        description: input.description,
        rules: input.rules,
        opens_at: input.opensAt,
        closes_at: input.closesAt,
        scale_max: input.scaleMax,
        state: "draft",
        created_by: input.createdBy,
        published_at: null,
        closed_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.criteria.length) {
      await t
        .insertInto("campaign_criteria")
        .values(input.criteria.map((cr, i) => ({ campaign_id: c.id, label: cr.label, description: cr.description ?? "", weight: cr.weight, position: i })))
        .execute();
    }
    if (input.organizationIds.length) {
      await t
        .insertInto("campaign_organizations")
        .values(input.organizationIds.map((o) => ({ campaign_id: c.id, organization_id: o })))
        .execute();
    }
    return c;
  });
  campaignTitles.clear();
  return created;
}

/** Editing is allowed on a draft; once published only dates and texts may change. */
export async function updateCampaign(id: string, input: Omit<CampaignInput, "labId" | "createdBy">): Promise<void> {
  await transaction(async () => {
      const trx = db();
    const t = trx.withTables<CampaignsTables>();
    const current = await t.selectFrom("campaigns").select("state").where("id", "=", id).executeTakeFirstOrThrow();
    await t
      .updateTable("campaigns")
      .set({
        title: input.title,
        summary: input.summary,
        description: input.description,
        rules: input.rules,
        opens_at: input.opensAt,
        closes_at: input.closesAt,
        ...(current.state === "draft" ? { scale_max: input.scaleMax } : {}),
      })
      .where("id", "=", id)
      .execute();
    if (current.state === "draft") {
      await t.deleteFrom("campaign_criteria").where("campaign_id", "=", id).execute();
      if (input.criteria.length)
        await t
          .insertInto("campaign_criteria")
          .values(input.criteria.map((cr, i) => ({ campaign_id: id, label: cr.label, description: cr.description ?? "", weight: cr.weight, position: i })))
          .execute();
    }
    await t.deleteFrom("campaign_organizations").where("campaign_id", "=", id).execute();
    if (input.organizationIds.length)
      await t
        .insertInto("campaign_organizations")
        .values(input.organizationIds.map((o) => ({ campaign_id: id, organization_id: o })))
        .execute();
  });
  campaignTitles.clear();
}

export async function getCampaign(id: string): Promise<Campaign | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("campaigns").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function getCampaigns(ids: string[]): Promise<Map<string, Campaign>> {
  const unique = [...new Set(ids)].filter(isUuid);
  if (!unique.length) return new Map();
  const rows = await q().selectFrom("campaigns").selectAll().where("id", "in", unique).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function getCriteria(campaignId: string): Promise<Criterion[]> {
  return q().selectFrom("campaign_criteria").selectAll().where("campaign_id", "=", campaignId).orderBy("position").execute();
}

export async function getEligibleOrganizationIds(campaignId: string): Promise<string[]> {
  const rows = await q().selectFrom("campaign_organizations").select("organization_id").where("campaign_id", "=", campaignId).execute();
  return rows.map((r) => r.organization_id);
}

/** A campaign with no listed organisation is open to every agent. */
export async function isEligible(campaignId: string, organizationId: string | null): Promise<boolean> {
  const ids = await getEligibleOrganizationIds(campaignId);
  return ids.length === 0 || (organizationId !== null && ids.includes(organizationId));
}

export async function listPublishedCampaigns(): Promise<Campaign[]> {
  return q().selectFrom("campaigns").selectAll().where("state", "<>", "draft").orderBy("opens_at", "desc").execute();
}

export async function listLabCampaigns(labIds: string[]): Promise<Campaign[]> {
  const ids = labIds.filter(isUuid);
  if (!ids.length) return [];
  return q().selectFrom("campaigns").selectAll().where("lab_id", "in", ids).orderBy("created_at", "desc").execute();
}

/** Every campaign's id, title and state, newest first: read on most pages, so cached for a few seconds. */
const campaignTitles = referenceCache(5_000, () =>
  q().selectFrom("campaigns").select(["id", "title", "state"]).orderBy("opens_at", "desc").execute(),
);

/** Published campaigns, for filters. */
export async function listAllCampaignOptions(): Promise<Pick<Campaign, "id" | "title">[]> {
  return (await campaignTitles.get()).filter((c) => c.state !== "draft").map(({ id, title }) => ({ id, title }));
}

/** Campaign titles by id, for lists that only display them. */
export async function getCampaignTitles(ids: string[]): Promise<Map<string, string>> {
  const wanted = new Set(ids);
  return new Map((await campaignTitles.get()).filter((c) => wanted.has(c.id)).map((c) => [c.id, c.title]));
}

export async function publishCampaign(id: string): Promise<void> {
  await q().updateTable("campaigns").set({ state: "published", published_at: new Date() }).where("id", "=", id).where("state", "=", "draft").execute();
  campaignTitles.clear();
}

export async function extendCampaign(id: string, closesAt: Date): Promise<void> {
  await q().updateTable("campaigns").set({ closes_at: closesAt, state: "published", closed_at: null }).where("id", "=", id).execute();
  campaignTitles.clear();
}

export async function closeCampaignNow(id: string): Promise<void> {
  const now = new Date();
  await q()
    .updateTable("campaigns")
    .set({ state: "closed", closed_at: now, closes_at: sql<Date>`LEAST(closes_at, ${now}::timestamptz)`, opens_at: sql<Date>`LEAST(opens_at, ${new Date(now.getTime() - 1000)}::timestamptz)` })
    .where("id", "=", id)
    .where("state", "=", "published")
    .execute();
  campaignTitles.clear();
}

/** Campaigns whose closing date has passed, marked closed; returns their ids. */
export async function closeDueCampaigns(now = new Date()): Promise<string[]> {
  const rows = await q()
    .updateTable("campaigns")
    .set({ state: "closed", closed_at: now })
    .where("state", "=", "published")
    .where("closes_at", "<=", now)
    .returning("id")
    .execute();
  if (rows.length) campaignTitles.clear();
  return rows.map((r) => r.id);
}

export async function listClosedCampaignIds(): Promise<string[]> {
  const rows = await q().selectFrom("campaigns").select("id").where("state", "=", "closed").execute();
  return rows.map((r) => r.id);
}
