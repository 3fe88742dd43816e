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

export function startScheduler(everyMs = 60_000): () => void {
  let lastPurge = 0;
  const tick = async () => {
    try {
      await closeCampaignsAndStartReview();
      if (Date.now() - lastPurge >= PURGE_EVERY_MS) {
        lastPurge = Date.now();
        await purgePastRetention();
      }
      await purgeOnceKeys();
      // offered seats past their deadline pass on to the next waiting agent
      await expireDue();
      // the other labs' calendars a lab follows are fetched again every six hours
      await refreshFollowedCalendars();
    } catch (err) {
      runtime().log.error("scheduler tick failed", { err });
    }
  };
  void tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
