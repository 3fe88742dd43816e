import nodemailer, { type Transporter } from "nodemailer";
import { runtime } from "../runtime";
import type { QueueSpec } from "../jobs/jobs";
import * as outbox from "./outbox";
import { onCommit } from "../db/transaction";
import { renderMail, type MailContent } from "./render";

export { mailMigrations, mailStatuses, type MailAttachment, type MailStatus, type OutboxMail } from "./outbox";
export type { MailContent } from "./render";

/** The job queue that delivers the outbox (handler: mailJob). */
export const MAIL_QUEUE = "mail-deliver";
/** Attempts per mail before it is marked failed. */
export const MAX_ATTEMPTS = 5;
/** pg-boss retries the job that delivers a batch: 30 s, then 1, 2, 4 minutes (backoff). */
export const mailQueueSpec: QueueSpec = { retryLimit: MAX_ATTEMPTS - 1, retryDelay: 30, retryBackoff: true, expireInSeconds: 10 * 60 };
const BATCH = 50;

export interface Mail {
  to: string;
  content: MailContent;
  /** Files sent with the mail (an invitation.ics), delivered as attachments by nodemailer. */
  attachments?: outbox.MailAttachment[];
}

/** The absolute link to a path of the application, for mails. */
export function absoluteUrl(path: string): string {
  return `${runtime().config.publicUrl}${path.startsWith("/") ? path : `/${path}`}`;
}

/**
 * Queues mails: they are written to the outbox first (so a crash loses none; inside a use case's
 * transaction, they exist only if it commits), then, once committed, a job delivers them, in
 * batches, with retries. Without a running queue (a script, a test) they stay pending
 * until the next server start picks them up.
 */
export async function queueMail(opts: { kind: string; labId?: string | null }, mails: Mail[]): Promise<string[]> {
  if (!mails.length) return [];
  const name = runtime().config.instance.name;
  const ids = await outbox.insertMails(mails.map((m) => ({ ...renderMail(m.content, name), to: m.to, attachments: m.attachments, kind: opts.kind, labId: opts.labId ?? null })));
  await onCommit(() => enqueueDelivery(ids));
  return ids;
}

async function enqueueDelivery(ids: string[]): Promise<void> {
  const rt = runtime();
  if (!rt.jobs) {
    rt.log.debug("mail queued without a job queue: delivered at the next start", { mails: ids.length });
    return;
  }
  for (let i = 0; i < ids.length; i += BATCH) {
    try {
      await rt.jobs.send(MAIL_QUEUE, { ids: ids.slice(i, i + BATCH) });
    } catch (err) {
      // The mails are in the outbox: the next start delivers them.
      rt.log.warn("mail delivery not enqueued", { err, mails: ids.length });
    }
  }
}

const transports = new Map<string, Transporter>();
function transportFor(url: string): Transporter {
  let t = transports.get(url);
  // pooled: a batch of invitations reuses a few connections instead of one per mail
  if (!t) transports.set(url, (t = nodemailer.createTransport({ url, pool: true, maxConnections: 3 })));
  return t;
}

/** Closes the SMTP connections (pooled transports) on shutdown. */
export function closeTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}

/**
 * Delivers the pending mails among ids: through SMTP when SMTP_URL is set, else kept in the local
 * outbox (« conservé localement »). Throws when one must be retried, so that the job is retried.
 */
export async function deliverMails(ids: string[]): Promise<{ delivered: number; retry: number; failed: number }> {
  const { config, log } = runtime();
  const claimed = await outbox.claimPending(ids);
  let delivered = 0;
  let retry = 0;
  let failed = 0;
  for (const m of claimed) {
    if (!config.mail.smtpUrl) {
      await outbox.markDelivered(m.id, "kept");
      delivered++;
      continue;
    }
    try {
      await transportFor(config.mail.smtpUrl).sendMail({
        from: config.mail.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        attachments: (m.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content, "base64") })),
      });
      await outbox.markDelivered(m.id, "sent");
      delivered++;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const status = await outbox.markAttemptFailed(m.id, message, MAX_ATTEMPTS);
      log.warn("mail not delivered", { mail: m.id, error: message, status });
      if (status === "failed") failed++;
      else retry++;
    }
  }
  if (retry > 0) throw new Error(`${retry} mail(s) to retry`);
  return { delivered, retry, failed };
}

/** The job handler of MAIL_QUEUE. */
export async function mailJob(data: Record<string, unknown>): Promise<void> {
  const ids = Array.isArray(data.ids) ? data.ids.filter((x): x is string => typeof x === "string") : [];
  await deliverMails(ids);
}

/** At start (the process that runs jobs): mails left pending by a crash or a stop are delivered. */
export async function resumePendingMail(): Promise<number> {
  const ids = await outbox.resetAndListPending();
  await enqueueDelivery(ids);
  return ids.length;
}
