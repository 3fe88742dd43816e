import { sql, type Generated, type Selectable } from "kysely";
import { db } from "../kernel/runtime";
import type { MigrationSet } from "../kernel/db/migrate";
import { isUuid } from "../kernel/ids";
import { keysetPage, type KeysetPage } from "../kernel/db/keyset";
import { frenchSpaces } from "../kernel/format";

export const notificationKinds = {
  idea_status: "Statut de votre idée",
  idea_comment: "Commentaire sur votre idée",
  coauthor_request: "Demande de co-autorat",
  coauthor_answer: "Réponse de co-autorat",
  jury_assignment: "Affectation au jury",
  moderation: "Modération",
  idea_merged: "Fusion d’idées",
  minilab_invitation: "Invitation à un Mini-Lab",
  minilab_request: "Demande pour rejoindre un Mini-Lab",
  minilab_membership: "Mini-Lab",
  proposal_submitted: "Proposition soumise à votre direction",
  proposal_decision: "Décision sur une proposition",
  follow_up: "Suivi d’une proposition adoptée",
  community_panel: "Question au panel d’une communauté",
  community_activity: "Communauté de métiers",
  request_submitted: "Nouvelle demande au guichet de votre lab",
  request_status: "Statut d’une demande au guichet",
  request_message: "Conversation d’une demande au guichet",
  request_sponsor: "Demande au guichet à confirmer comme commanditaire",
  request_expert: "Avis d’expert demandé sur une demande au guichet",
  project_stage: "Étape d’un de vos projets",
  project_gate: "Décision de comité sur un de vos projets",
  committee_meeting: "Réunion d’un comité",
  committee_minutes: "Compte rendu d’un comité",
  seat_offered: "Place libérée sur une liste d’attente",
  seat_update: "Inscription à une formation ou un événement",
} as const;
export type NotificationKind = keyof typeof notificationKinds;

export type NotificationsTables = {
  notifications: {
    id: Generated<string>;
    user_id: string;
    kind: NotificationKind;
    title: string;
    link: string | null;
    created_at: Generated<Date>;
    read_at: Date | null;
  };
}
export type Notification = Selectable<NotificationsTables["notifications"]>;

const q = () => db().withTables<NotificationsTables>();

export const notificationsMigrations: MigrationSet = {
  "2026-11-22-07-notifications": {
    async up(d) {
      await sql`CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        title text NOT NULL,
        link text,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`.execute(d);
      await sql`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`.execute(d);
      await sql`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`.execute(d);
    },
  },
};

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  title: string;
  link?: string | null;
}

export async function notify(items: NewNotification | NewNotification[]): Promise<void> {
  const list = (Array.isArray(items) ? items : [items]).filter((n) => isUuid(n.userId));
  if (list.length === 0) return;
  for (let i = 0; i < list.length; i += 1000) {
    await q()
      .insertInto("notifications")
      .values(list.slice(i, i + 1000).map((n) => ({ user_id: n.userId, kind: n.kind, title: frenchSpaces(n.title), link: n.link ?? null })))
      .execute();
  }
}

export async function unreadCount(userId: string): Promise<number> {
  const r = await q()
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listNotifications(userId: string, limit = 50): Promise<Notification[]> {
  return q()
    .selectFrom("notifications")
    .selectAll()
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** One page of a user's notifications, newest first, by keyset (« Plus anciennes » / « Plus récentes »). */
export async function notificationsPage(userId: string, opts: { limit?: number; after?: string; before?: string } = {}): Promise<KeysetPage<Notification>> {
  return keysetPage(q().selectFrom("notifications").selectAll().where("user_id", "=", userId), {
    timeColumn: "created_at",
    limit: opts.limit ?? 50,
    after: opts.after,
    before: opts.before,
  });
}

/** Marks one notification (or all when id is omitted) as read; only the owner's. */
export async function markRead(userId: string, id?: string): Promise<void> {
  let u = q().updateTable("notifications").set({ read_at: new Date() }).where("user_id", "=", userId).where("read_at", "is", null);
  if (id) {
    if (!isUuid(id)) return;
    u = u.where("id", "=", id);
  }
  await u.execute();
}

/** Marks read a user's notifications of this kind about this link: the task they announced is done (a director who decided). */
export async function markReadAbout(userId: string, kind: NotificationKind, link: string): Promise<void> {
  if (!isUuid(userId)) return;
  await q().updateTable("notifications").set({ read_at: new Date() }).where("user_id", "=", userId).where("kind", "=", kind).where("link", "=", link).where("read_at", "is", null).execute();
}

export async function getNotification(userId: string, id: string): Promise<Notification | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("notifications").selectAll().where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
}
