/**
 * The arbitration's mails, in French: a decision reaches by email everyone it is notified to in
 * the application (the Mini-Lab's members, the holders of its theme's ideas, the follow-up owner),
 * and a submitted proposal reaches the directors it is addressed to. Queued through the mail
 * kernel (outbox first, then a delivery job); each one can be stopped in the preferences.
 */
import { getUserContacts } from "../accounts/accounts";
import { optedOut } from "../notifications/preferences";
import { formatDate } from "../kernel/format";
import { absoluteUrl, queueMail, type Mail, type MailContent } from "../kernel/mail/mail";
import type { Minilab } from "../minilabs/minilabs";
import { decisionOutcomes, type Decision, type Proposal } from "./arbitration";
import { minilabNamed } from "../minilabs/names";

async function send(labId: string, kind: string, userIds: string[], content: (givenName: string, userId: string) => MailContent): Promise<void> {
  const [contacts, stopped] = await Promise.all([getUserContacts(userIds), optedOut(userIds, kind)]);
  const mails: Mail[] = [];
  for (const id of new Set(userIds)) {
    if (stopped.has(id)) continue;
    const c = contacts.get(id);
    if (c?.email) mails.push({ to: c.email, content: content(c.givenName, id) });
  }
  await queueMail({ kind, labId }, mails);
}

export async function mailDecision(p: Proposal, m: Minilab, d: Decision, to: { everyone: string[]; holders: Set<string> }, ownerName: string | null): Promise<void> {
  const label = decisionOutcomes[d.outcome].toLowerCase();
  const facts = [
    { label: "Mini-Lab", value: m.name },
    { label: "Direction", value: p.directorate },
    { label: "Décision", value: `${decisionOutcomes[d.outcome]}${d.corrects_id ? " (décision corrigée)" : ""}` },
    { label: "Motif", value: d.reason },
    ...(ownerName && d.follow_up_due ? [{ label: "Suivi", value: `${ownerName}, d’ici le ${formatDate(d.follow_up_due)}` }] : []),
  ];
  await send(m.lab_id, "proposal_decision", to.everyone, (givenName, userId) => ({
    subject: `Décision sur la proposition « ${p.title} » : ${label}`,
    greeting: `Bonjour ${givenName},`,
    paragraphs: [
      `La proposition « ${p.title} » du ${minilabNamed(m.name)} a reçu sa décision : ${label}.`,
      to.holders.has(userId) ? "Vous recevez ce message parce qu’une de vos idées fait partie de la problématique de ce Mini-Lab : son parcours, jusqu’à cette décision, est sur la page de votre idée." : "Vous recevez ce message comme membre du Mini-Lab.",
    ],
    facts,
    action: { label: "Voir la proposition et sa décision", url: absoluteUrl(`/propositions/${p.id}`) },
  }));
  if (d.follow_up_owner_id)
    await send(m.lab_id, "follow_up", [d.follow_up_owner_id], (givenName) => ({
      subject: `Vous suivez la proposition adoptée « ${p.title} »`,
      greeting: `Bonjour ${givenName},`,
      paragraphs: [`La direction vous confie le suivi de la proposition « ${p.title} », issue du ${minilabNamed(m.name)}.`],
      facts,
      action: { label: "Voir la proposition", url: absoluteUrl(`/propositions/${p.id}`) },
    }));
}

export async function mailSubmitted(p: Proposal, m: Minilab, directors: string[]): Promise<void> {
  await send(m.lab_id, "proposal_submitted", directors, (givenName) => ({
    subject: `Une proposition du ${minilabNamed(m.name)} attend votre décision`,
    greeting: `Bonjour ${givenName},`,
    paragraphs: [`Le ${minilabNamed(m.name)} soumet la proposition « ${p.title} » à ${p.directorate}. Elle attend votre décision sur la page Arbitrage.`],
    facts: [
      { label: "Restitution", value: formatDate(m.restitution_on) },
      { label: "Arbitrage prévu", value: formatDate(m.arbitration_on) },
    ],
    action: { label: "Arbitrer", url: absoluteUrl(`/propositions/${p.id}`) },
  }));
}
