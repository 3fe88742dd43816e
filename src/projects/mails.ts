/**
 * The projects' notifications and mails to the project team: a stage change and a gate outcome
 * reach the lead, the lab staff and the experts in the application and by mail (outbox first,
 * delivered once the use case commits). Each mail can be stopped in the preferences.
 */
import { getUserContacts } from "../accounts/accounts";
import { optedOut } from "../notifications/preferences";
import { notify, type NotificationKind } from "../notifications/notifications";
import { absoluteUrl, queueMail, type Mail } from "../kernel/mail/mail";
import type { Project } from "./db/schema";

export async function tellTeam(p: Pick<Project, "id" | "lab_id" | "title">, kind: Extract<NotificationKind, "project_stage" | "project_gate">, userIds: string[], title: string, paragraphs: string[], facts: { label: string; value: string }[] = []): Promise<void> {
  const to = [...new Set(userIds)];
  if (!to.length) return;
  const link = `/projets/${p.id}`;
  await notify(to.map((userId) => ({ userId, kind, title, link })));
  const [contacts, stopped] = await Promise.all([getUserContacts(to), optedOut(to, kind)]);
  const mails: Mail[] = [];
  for (const id of to) {
    const c = contacts.get(id);
    if (!c?.email || stopped.has(id)) continue;
    mails.push({
      to: c.email,
      content: {
        subject: title,
        greeting: `Bonjour ${c.givenName},`,
        paragraphs: [...paragraphs, "Vous recevez ce message comme membre de l’équipe du projet."],
        facts,
        action: { label: "Voir le projet", url: absoluteUrl(link) },
      },
    });
  }
  await queueMail({ kind, labId: p.lab_id }, mails);
}
