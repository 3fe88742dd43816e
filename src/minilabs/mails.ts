/**
 * The Mini-Labs' mails, in French: invitations (a holder of one of the theme's ideas, or named by
 * the lab), facilitators, answers to a request to join. Queued through the mail kernel (outbox
 * first, then a delivery job); each one mirrors an in-app notification.
 */
import { getUserContacts } from "../accounts/accounts";
import { optedOut } from "../notifications/preferences";
import { formatDate } from "../kernel/format";
import { absoluteUrl, queueMail, type Mail, type MailContent } from "../kernel/mail/mail";
import type { Minilab } from "./minilabs";
import { minilabNamed } from "./names";

type Why = "theme" | "lab" | "facilitator";

function cycle(m: Minilab): { label: string; value: string }[] {
  return [
    { label: "Question travaillée", value: m.question },
    ...(m.theme_label ? [{ label: "Problématique", value: m.theme_label }] : []),
    { label: "Sessions", value: `du ${formatDate(m.sessions_from)} au ${formatDate(m.sessions_until)}` },
    { label: "Restitution aux directions", value: formatDate(m.restitution_on) },
    { label: "Arbitrage", value: formatDate(m.arbitration_on) },
    ...(m.directorates.length ? [{ label: "Directions concernées", value: m.directorates.join(", ") }] : []),
  ];
}

function invitation(m: Minilab, labName: string, givenName: string, why: Why): MailContent {
  const link = absoluteUrl(`/minilabs/${m.id}`);
  const privacy = m.visibility === "private" ? " Ce Mini-Lab est privé : seuls ses membres, l’équipe du lab et les animateurs le voient." : "";
  if (why === "facilitator")
    return {
      subject: `Vous animez le ${minilabNamed(m.name)}`,
      greeting: `Bonjour ${givenName},`,
      paragraphs: [`${labName} ouvre le ${minilabNamed(m.name)} et vous en confie l’animation.${privacy}`, "Les porteurs des idées de sa problématique y sont invités ; vous répondez avec l’équipe du lab aux demandes pour le rejoindre."],
      facts: cycle(m),
      action: { label: "Voir le Mini-Lab", url: link },
    };
  return {
    subject: `Invitation au ${minilabNamed(m.name)}`,
    greeting: `Bonjour ${givenName},`,
    paragraphs: [
      why === "theme"
        ? `${labName} ouvre le ${minilabNamed(m.name)}. Cette invitation vous est adressée parce qu’une de vos idées rejoint sa problématique${m.theme_label ? ` « ${m.theme_label} »` : ""} : venez la travailler avec les autres porteurs d’idées, quels que soient votre site et votre service.`
        : `${labName} vous invite à rejoindre le ${minilabNamed(m.name)}.`,
      `Pour rejoindre le Mini-Lab ou décliner l’invitation, ouvrez sa page.${privacy}`,
    ],
    facts: cycle(m),
    action: { label: "Rejoindre le Mini-Lab", url: link },
  };
}

async function send(m: Minilab, kind: string, userIds: string[], content: (givenName: string) => MailContent): Promise<void> {
  const [contacts, stopped] = await Promise.all([getUserContacts(userIds), optedOut(userIds, kind)]);
  const mails: Mail[] = [];
  for (const id of new Set(userIds)) {
    if (stopped.has(id)) continue;
    const c = contacts.get(id);
    if (c?.email) mails.push({ to: c.email, content: content(c.givenName) });
  }
  await queueMail({ kind, labId: m.lab_id }, mails);
}

/** Invitations: the holders of the theme's ideas, or people named by the lab; facilitators are told they animate it. */
export async function mailInvitations(m: Minilab, labName: string, who: { invited: string[]; why: "theme" | "lab" } | { facilitators: string[] }): Promise<void> {
  if ("facilitators" in who) return send(m, "minilab_membership", who.facilitators, (g) => invitation(m, labName, g, "facilitator"));
  return send(m, "minilab_invitation", who.invited, (g) => invitation(m, labName, g, who.why));
}

/** The answer to a request to join. */
export async function mailRequestAnswer(m: Minilab, userId: string, accepted: boolean): Promise<void> {
  await send(m, "minilab_membership", [userId], (g) => ({
    subject: accepted ? `Vous avez rejoint le ${minilabNamed(m.name)}` : `Votre demande pour le ${minilabNamed(m.name)}`,
    greeting: `Bonjour ${g},`,
    paragraphs: accepted
      ? [`Votre demande est acceptée : vous êtes membre du ${minilabNamed(m.name)}.`]
      : [`Votre demande pour rejoindre le ${minilabNamed(m.name)} n’a pas été retenue.`, "Vous pouvez suivre ses travaux et proposer vos idées au lab."],
    facts: cycle(m),
    action: { label: "Voir le Mini-Lab", url: absoluteUrl(`/minilabs/${m.id}`) },
  }));
}
