import { sql, type Generated, type Selectable } from "kysely";
import { db } from "../kernel/runtime";
import { transaction } from "../kernel/db/transaction";
import type { MigrationSet } from "../kernel/db/migrate";
import { isUuid } from "../kernel/ids";
import { announceAccessChange } from "../kernel/live/hub";

export type JoinPolicy = "open" | "request";
export const joinPolicies: Record<JoinPolicy, string> = {
  open: "Tout agent peut rejoindre librement",
  request: "Sur demande, acceptée par l’équipe du lab ou un animateur",
};
/** Private: only its members (invited, active), the lab team and its facilitators see it; joined by invitation only. */
export type Visibility = "public" | "private";
export const visibilities: Record<Visibility, { label: string; hint: string }> = {
  public: { label: "Public", hint: "Visible de tous les agents connectés." },
  private: { label: "Privé", hint: "Visible de ses seuls membres, de l’équipe du lab et des animateurs ; on y entre sur invitation." },
};
export type MemberRole = "facilitator" | "member";
export type MemberStatus = "invited" | "requested" | "active" | "declined" | "left";
export type MinilabPhase = "preparation" | "sessions" | "restitution" | "arbitration" | "done";
export const minilabPhases: Record<MinilabPhase, string> = {
  preparation: "En préparation",
  sessions: "Sessions en cours",
  restitution: "Restitution",
  arbitration: "Arbitrage",
  done: "Cycle terminé",
};

export type MinilabsTables = {
  minilabs: {
    id: Generated<string>;
    lab_id: string;
    theme_id: string | null;
    theme_label: string | null;
    name: string;
    question: string;
    join_policy: JoinPolicy;
    sessions_from: Date;
    sessions_until: Date;
    restitution_on: Date;
    arbitration_on: Date;
    directorates: string[];
    created_by: string | null;
    created_at: Generated<Date>;
    visibility: Generated<Visibility>;
  };
  minilab_members: {
    minilab_id: string;
    user_id: string;
    role: MemberRole;
    status: MemberStatus;
    /** Why they are here: a holder of one of the theme's ideas, named by the lab, or of their own will. */
    source: "theme" | "lab" | "self";
    invited_at: Date | null;
    joined_at: Date | null;
    updated_at: Generated<Date>;
  };
};

export type Minilab = Selectable<MinilabsTables["minilabs"]>;
export type MinilabMember = Selectable<MinilabsTables["minilab_members"]>;

const q = () => db().withTables<MinilabsTables>();

export const minilabsMigrations: MigrationSet = {
  "2026-11-26-01-minilabs": {
    async up(d) {
      await sql`CREATE TABLE minilabs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lab_id uuid NOT NULL REFERENCES labs(id) ON DELETE CASCADE,
        theme_id uuid REFERENCES themes(id) ON DELETE SET NULL,
        theme_label text,
        name text NOT NULL,
        question text NOT NULL,
        join_policy text NOT NULL CHECK (join_policy IN ('open','request')),
        sessions_from timestamptz NOT NULL,
        sessions_until timestamptz NOT NULL,
        restitution_on timestamptz NOT NULL,
        arbitration_on timestamptz NOT NULL,
        directorates text[] NOT NULL DEFAULT '{}',
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (sessions_from <= sessions_until AND sessions_until <= restitution_on AND restitution_on <= arbitration_on)
      )`.execute(d);
      await sql`CREATE INDEX minilabs_lab_idx ON minilabs (lab_id, sessions_from DESC)`.execute(d);
      await sql`CREATE TABLE minilab_members (
        minilab_id uuid NOT NULL REFERENCES minilabs(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('facilitator','member')),
        status text NOT NULL CHECK (status IN ('invited','requested','active','declined','left')),
        source text NOT NULL CHECK (source IN ('theme','lab','self')),
        invited_at timestamptz,
        joined_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (minilab_id, user_id)
      )`.execute(d);
      await sql`CREATE INDEX minilab_members_user_idx ON minilab_members (user_id)`.execute(d);
    },
  },
  "2026-11-27-31-minilab-visibility": {
    async up(d) {
      await sql`ALTER TABLE minilabs ADD COLUMN visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public','private'))`.execute(d);
    },
  },
};

export { visibleTo } from "./permissions";

export function phaseOf(m: Pick<Minilab, "sessions_from" | "sessions_until" | "restitution_on" | "arbitration_on">, now = new Date()): MinilabPhase {
  if (now < m.sessions_from) return "preparation";
  if (now <= m.sessions_until) return "sessions";
  if (now <= m.restitution_on) return "restitution";
  if (now <= m.arbitration_on) return "arbitration";
  return "done";
}

export interface NewMinilab {
  labId: string;
  themeId: string | null;
  themeLabel: string | null;
  name: string;
  question: string;
  joinPolicy: JoinPolicy;
  sessionsFrom: Date;
  sessionsUntil: Date;
  restitutionOn: Date;
  arbitrationOn: Date;
  directorates: string[];
  createdBy: string | null;
  /** Public when omitted. */
  visibility?: Visibility;
}

/** Creates the Mini-Lab with its facilitators (active) and its invited holders, in one transaction. */
export async function createMinilab(input: NewMinilab, facilitatorIds: string[], inviteeIds: string[], at = new Date()): Promise<Minilab> {
  return transaction(async () => {
      const trx = db();
      const t = trx.withTables<MinilabsTables>();
      const m = await t
        .insertInto("minilabs")
        .values({
          lab_id: input.labId,
          theme_id: input.themeId,
          theme_label: input.themeLabel,
          name: input.name,
          question: input.question,
          join_policy: input.joinPolicy,
          sessions_from: input.sessionsFrom,
          sessions_until: input.sessionsUntil,
          restitution_on: input.restitutionOn,
          arbitration_on: input.arbitrationOn,
          directorates: input.directorates,
          created_by: input.createdBy,
          ...(input.visibility ? { visibility: input.visibility } : {}),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const facilitators = [...new Set(facilitatorIds)];
      const rows = [
        ...facilitators.map((u) => ({ minilab_id: m.id, user_id: u, role: "facilitator" as const, status: "active" as const, source: "lab" as const, invited_at: at, joined_at: at })),
        ...[...new Set(inviteeIds)]
          .filter((u) => !facilitators.includes(u))
          .map((u) => ({ minilab_id: m.id, user_id: u, role: "member" as const, status: "invited" as const, source: "theme" as const, invited_at: at, joined_at: null })),
      ];
      for (let i = 0; i < rows.length; i += 500) if (rows.length) await t.insertInto("minilab_members").values(rows.slice(i, i + 500)).execute();
      return m;
    });
}

export async function getMinilab(id: string): Promise<Minilab | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("minilabs").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listMinilabs(labIds?: string[]): Promise<Minilab[]> {
  let query = q().selectFrom("minilabs").selectAll().orderBy("sessions_from", "desc");
  if (labIds) {
    if (!labIds.length) return [];
    query = query.where("lab_id", "in", labIds);
  }
  return query.execute();
}

export async function listMembers(minilabIds: string[]): Promise<MinilabMember[]> {
  const ids = minilabIds.filter(isUuid);
  if (!ids.length) return [];
  return q().selectFrom("minilab_members").selectAll().where("minilab_id", "in", ids).execute();
}

export async function getMember(minilabId: string, userId: string): Promise<MinilabMember | undefined> {
  return q().selectFrom("minilab_members").selectAll().where("minilab_id", "=", minilabId).where("user_id", "=", userId).executeTakeFirst();
}

export async function membershipsOf(userId: string): Promise<MinilabMember[]> {
  return q().selectFrom("minilab_members").selectAll().where("user_id", "=", userId).execute();
}

/** The access key announced when someone's place in a Mini-Lab changes (their live streams check again). */
export const memberAccessKey = (minilabId: string, userId: string) => `minilab-member:${minilabId}:${userId}`;

/**
 * Sets a member's status (creating the row for someone who joins or asks of their own will), and
 * announces it once committed: the member's open board streams check whether they may still follow.
 */
export async function setMemberStatus(minilabId: string, userId: string, status: MemberStatus, at = new Date()): Promise<void> {
  // The change and its announcement commit together (NOTIFY is delivered at COMMIT).
  await transaction(async () => {
    await q()
      .insertInto("minilab_members")
      .values({ minilab_id: minilabId, user_id: userId, role: "member", status, source: "self", invited_at: null, joined_at: status === "active" ? at : null })
      .onConflict((oc) =>
        oc.columns(["minilab_id", "user_id"]).doUpdateSet({
          status,
          joined_at: status === "active" ? sql<Date>`coalesce(minilab_members.joined_at, ${at}::timestamptz)` : sql<Date | null>`minilab_members.joined_at`,
          updated_at: at,
        }),
      )
      .execute();
    if (status !== "active" && status !== "invited") await announceAccessChange(db(), memberAccessKey(minilabId, userId));
  });
}

export async function getMinilabs(ids: string[]): Promise<Map<string, Minilab>> {
  const list = [...new Set(ids)].filter(isUuid);
  if (!list.length) return new Map();
  const rows = await q().selectFrom("minilabs").selectAll().where("id", "in", list).execute();
  return new Map(rows.map((m) => [m.id, m]));
}

/** The Mini-Labs opened from these themes, oldest cycle first. */
export async function minilabsOfTheme(themeIds: string[]): Promise<Minilab[]> {
  const ids = [...new Set(themeIds)].filter(isUuid);
  if (!ids.length) return [];
  return q().selectFrom("minilabs").selectAll().where("theme_id", "in", ids).orderBy("sessions_from").execute();
}

/**
 * The lab team or a facilitator invites people by name: new rows are "invited" (source "lab"), and
 * someone who had declined, left or asked is invited again. Returns who was newly invited.
 */
export async function inviteMembers(minilabId: string, userIds: string[], at = new Date()): Promise<string[]> {
  const ids = [...new Set(userIds)].filter(isUuid);
  if (!ids.length) return [];
  const rows = await q()
    .insertInto("minilab_members")
    .values(ids.map((u) => ({ minilab_id: minilabId, user_id: u, role: "member" as const, status: "invited" as const, source: "lab" as const, invited_at: at, joined_at: null })))
    .onConflict((oc) =>
      oc
        .columns(["minilab_id", "user_id"])
        .doUpdateSet({ status: "invited", source: "lab", invited_at: at, updated_at: at })
        .where("minilab_members.status", "in", ["declined", "left", "requested"]),
    )
    .returning("user_id")
    .execute();
  return rows.map((r) => r.user_id);
}
