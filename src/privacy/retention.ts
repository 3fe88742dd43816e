import { runtime } from "../kernel/runtime";
import { purgeExpiredSessions } from "../kernel/auth/sessions";
import { purgeMailBodies } from "../kernel/mail/personal-data";
import { purgeReadNotifications } from "../notifications/personal-data";
import { purgeDeletionLog } from "./db/deletions";

export interface PurgeReport {
  sessions: number;
  mailBodies: number;
  readNotifications: number;
  deletionLog: number;
}

/**
 * Removes what is past its retention (durations from the configuration, shown on the privacy
 * page): expired sessions, the bodies of mails delivered long ago (their rows stay), read
 * notifications, and the oldest entries of the deletion log.
 */
export async function purgePastRetention(now = new Date()): Promise<PurgeReport> {
  const { retention } = runtime().config;
  const report: PurgeReport = {
    sessions: await purgeExpiredSessions(now),
    mailBodies: await purgeMailBodies(retention.mailBodyDays, now),
    readNotifications: await purgeReadNotifications(retention.readNotificationDays, now),
    deletionLog: await purgeDeletionLog(retention.deletionLogDays, now),
  };
  if (Object.values(report).some((n) => n > 0)) runtime().log.info("personal data purged", { ...report });
  return report;
}
