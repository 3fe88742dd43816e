import crypto from "node:crypto";
import { z } from "zod";
import { runtime } from "../kernel/runtime";
import { transaction } from "../kernel/db/transaction";
import { Refusal } from "../kernel/permissions";
import * as accounts from "../accounts/personal-data";
import * as labs from "../labs/personal-data";
import { labsRemovingContributions } from "../labs/labs";
import * as ideas from "../ideas/personal-data";
import * as minilabs from "../minilabs/personal-data";
import * as communities from "../communities/personal-data";
import * as requests from "../requests/personal-data";
import * as projects from "../projects/personal-data";
import * as committees from "../committees/personal-data";
import * as skills from "../skills/personal-data";
import * as events from "../events/personal-data";
import * as registrations from "../registrations/personal-data";
import * as trainings from "../trainings/personal-data";
import * as surveys from "../surveys/surveys";
import * as notifications from "../notifications/personal-data";
import * as sessions from "../kernel/auth/personal-data";
import * as mail from "../kernel/mail/personal-data";
import { logDeletion } from "./db/deletions";
import { privacyRights } from "./permissions";

/** The word typed to confirm: the form works without JavaScript, and a stray click deletes nothing. */
export const DELETE_CONFIRMATION_WORD = "SUPPRIMER";

export const deleteAccountSchema = z.object({
  confirmation: z
    .string({ error: `Confirmation : saisissez ${DELETE_CONFIRMATION_WORD}.` })
    .trim()
    .max(100, `Confirmation : saisissez ${DELETE_CONFIRMATION_WORD}.`)
    .refine((v) => v.toUpperCase() === DELETE_CONFIRMATION_WORD, `Confirmation : saisissez ${DELETE_CONFIRMATION_WORD} pour confirmer.`),
});

/** The pseudonym logged for a deleted account: stable for the instance, not the account id. */
export function deletionPseudonym(accountId: string): string {
  return crypto.createHmac("sha256", runtime().config.sessionSecret).update(`account-deletion:${accountId}`).digest("base64url").slice(0, 32);
}

/**
 * Deletes the viewer's account: sessions end first (nothing opens in their name any more), mails
 * waiting for them are cancelled, each module forgets what it keeps about them, then the personal
 * fields are erased; contributions stay, signed « Agent supprimé » (withdrawn in the labs that chose so). The deletion is logged with a
 * pseudonym and the date only. It is one transaction: done whole or not at all (and every step may
 * be run again).
 */
export async function deleteAccount(viewer: { userId: string }, accountId: string, now = new Date()): Promise<void> {
  if (!privacyRights(viewer, accountId).mayDeleteAccount) throw new Refusal("Vous ne pouvez supprimer que votre propre compte.", 403);
  const email = await accounts.accountEmail(accountId);
  if (!email) throw new Refusal("Ce compte n’existe pas ou a déjà été supprimé.", 404);
  await transaction(async () => {
    await sessions.endSessionsOf(accountId);
    await mail.forgetRecipient(email);
    await notifications.forgetAccount(accountId);
    // contributions stay, signed « Agent supprimé », except in the labs that chose to withdraw them
    const removing = await labsRemovingContributions();
    await ideas.removeContributions(accountId, removing);
    await communities.removeContributions(accountId, removing);
    await minilabs.removeContributions(accountId, removing);
    await labs.forgetAccount(accountId);
    await minilabs.forgetAccount(accountId);
    await communities.forgetAccount(accountId);
    await requests.forgetAccount(accountId);
    await projects.forgetAccount(accountId);
    await committees.forgetAccount(accountId);
    await skills.forgetAccount(accountId);
    await events.forgetAccount(accountId);
    await registrations.forgetAccount(accountId);
    await trainings.forgetAccount(accountId);
    await surveys.forgetAccount(accountId);
    if (await accounts.forgetAccount(accountId, now)) await logDeletion(deletionPseudonym(accountId), now);
  });
  runtime().log.info("account deleted", { pseudonym: deletionPseudonym(accountId) });
}
