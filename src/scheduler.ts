import { closeDueCampaigns, listClosedCampaignIds } from "./campaigns/campaigns";
import { startReview } from "./ideas/ideas";
import { notify } from "./notifications/notifications";
import { purgePastRetention } from "./privacy";
import { runtime } from "./kernel/runtime";
import { transaction } from "./kernel/db/transaction";
import { purgeOnceKeys } from "./kernel/db/once";
import { expireDue } from "./registrations";
import { refreshFollowedCalendars } from "./events";

/** Campaigns past their closing date close; their submitted ideas go to review and authors are told. */
export async function closeCampaignsAndStartReview(): Promise<number> {
  // Closed, moved and told together: a crash between them would leave authors never told.
  return transaction(async () => {
    await closeDueCampaigns();
    const moved = await startReview(await listClosedCampaignIds());
    await notify(
      moved.map((i) => ({
        userId: i.author_id,
        kind: "idea_status" as const,
        title: `Votre idée « ${i.title} » est en évaluation`,
        link: `/idees/${i.id}`,
      })),
    );
    return moved.length;
  });
}

/** The retention purge runs at start, then once an hour (its durations are counted in days). */
const PURGE_EVERY_MS = 3_600_000;

/**
 * Runs the periodic work now, then every `everyMs`, one tick at a time. The function it returns
 * stops it: no new tick nor step starts, and its promise ends when the tick under way has, so that
 * a shutdown closes the database only after (a step is a transaction: it commits or not at all).
 */
export function startScheduler(everyMs = 60_000): () => Promise<void> {
  let lastPurge = 0;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const steps: (() => Promise<unknown>)[] = [
    closeCampaignsAndStartReview,
    async () => {
      if (Date.now() - lastPurge < PURGE_EVERY_MS) return;
      lastPurge = Date.now();
      await purgePastRetention();
    },
    purgeOnceKeys,
    // offered seats past their deadline pass on to the next waiting agent
    expireDue,
    // the other labs' calendars a lab follows are fetched again every six hours
    refreshFollowedCalendars,
  ];
  const tick = async () => {
    try {
      for (const step of steps) {
        if (stopped) return;
        await step();
      }
    } catch (err) {
      runtime().log.error("scheduler tick failed", { err });
    }
  };
  const next = () => {
    // a tick that outlasts the interval is not run twice at once
    running = running.then(tick);
  };
  next();
  const timer = setInterval(next, everyMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
    return running;
  };
}
