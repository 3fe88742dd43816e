import { hasRole, Refusal, type Viewer } from "../permissions";
import { runtime } from "../runtime";
import * as outbox from "./outbox";

const PAGE = 50;
const canRead = (viewer: Viewer, labId: string) => hasRole(viewer.principal, labId, "lab_team", "admin");

/** The lab's outbox, newest first, a page at a time (keyset cursors): the lab team and the lab's admins read what was sent for the lab. */
export async function labOutbox(viewer: Viewer, labId: string, cursor: { after?: string; before?: string } = {}) {
  if (!canRead(viewer, labId)) throw new Refusal("Seuls l’équipe du lab et ses administrateurs lisent ses courriels.", 403);
  const { mails, total, next, prev } = await outbox.listLabMails(labId, { limit: PAGE, after: cursor.after, before: cursor.before });
  return {
    smtp: !!runtime().config.mail.smtpUrl,
    next,
    prev,
    total,
    mails: mails.map((m) => ({ id: m.id, to: m.to, subject: m.subject, kind: m.kind, status: m.status, statusLabel: outbox.mailStatuses[m.status], createdAt: m.created_at, sentAt: m.sent_at })),
  };
}

/** One mail of the lab's outbox, readable (text body; the HTML body as sent). */
export async function labOutboxMail(viewer: Viewer, labId: string, mailId: string) {
  if (!canRead(viewer, labId)) throw new Refusal("Seuls l’équipe du lab et ses administrateurs lisent ses courriels.", 403);
  const m = await outbox.getMail(mailId);
  if (!m || m.lab_id !== labId) throw new Refusal("Ce courriel n’existe pas.", 404);
  return {
    id: m.id,
    from: runtime().config.mail.from,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    /** The files sent with it: names and sizes (their content stays in the outbox). */
    attachments: (m.attachments ?? []).map((a) => ({ filename: a.filename, bytes: Math.floor((a.content.length * 3) / 4) })),
    kind: m.kind,
    status: m.status,
    statusLabel: outbox.mailStatuses[m.status],
    attempts: m.attempts,
    error: m.error,
    createdAt: m.created_at,
    sentAt: m.sent_at,
  };
}
