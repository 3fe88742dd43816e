/** Browser helpers for the committees' meeting page, shared by the journeys that vote. */
import type { Page } from "playwright-core";

/** A title as a pattern for an accessible name (which has its no-break spaces as plain ones). */
export const titled = (title: string) => new RegExp(title.replace(/[\u00a0\u202f ]/g, "\\s").replace(/[()]/g, "\\$&"));

/** Votes on one agenda item through its form, as a member (JavaScript on or off), and waits for the vote to show. */
export async function vote(page: Page, title: string, choice: "Pour" | "Contre") {
  const item = page.locator("article", { has: page.getByRole("heading", { name: titled(title) }) });
  await item.locator("form.germoir-vote-form label", { hasText: new RegExp(`^${choice}$`) }).click();
  await item.getByRole("button", { name: /^Voter/ }).click();
  // the legend says the vote now recorded
  await item.locator("legend", { hasText: `actuellement\u00a0: ${choice.toLowerCase()}` }).waitFor();
}
