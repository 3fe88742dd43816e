import { frenchSpaces } from "../format";

/** A mail in French: a greeting, paragraphs, facts (label: value), one call to action, a footer. */
export interface MailContent {
  subject: string;
  greeting?: string;
  paragraphs: string[];
  facts?: { label: string; value: string }[];
  action?: { label: string; url: string };
  footer?: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/**
 * Plain text and a simple accessible HTML body (lang="fr", a title, real paragraphs and a list,
 * a link whose text says where it goes, no image, no table layout). User text is escaped.
 */
export function renderMail(c: MailContent, instanceName: string): { subject: string; text: string; html: string } {
  const subject = frenchSpaces(c.subject);
  const paragraphs = c.paragraphs.map(frenchSpaces);
  const facts = (c.facts ?? []).map((f) => ({ label: frenchSpaces(f.label), value: frenchSpaces(f.value) }));
  const greeting = c.greeting ? frenchSpaces(c.greeting) : undefined;
  const footer = frenchSpaces(c.footer ?? `Ce message vous est envoyé par ${instanceName}. Vous le retrouvez aussi dans vos notifications.`);
  const text = [
    greeting,
    ...paragraphs,
    facts.length ? facts.map((f) => `- ${f.label}\u00a0: ${f.value}`).join("\n") : undefined,
    c.action ? `${frenchSpaces(c.action.label)}\u00a0: ${c.action.url}` : undefined,
    "--",
    footer,
  ]
    .filter((x): x is string => !!x)
    .join("\n\n");
  const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="font-family: Marianne, Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #161616; max-width: 40em; margin: 0 auto; padding: 1em;">
${greeting ? `<p>${escapeHtml(greeting)}</p>\n` : ""}${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${facts.length ? `<ul>\n${facts.map((f) => `<li><strong>${escapeHtml(f.label)}</strong>\u00a0: ${escapeHtml(f.value)}</li>`).join("\n")}\n</ul>` : ""}
${c.action ? `<p><a href="${escapeHtml(c.action.url)}" style="color: #000091; font-weight: bold;">${escapeHtml(frenchSpaces(c.action.label))}</a></p>` : ""}
<hr>
<p style="font-size: 14px; color: #3a3a3a;">${escapeHtml(footer)}</p>
</body>
</html>
`;
  return { subject, text, html };
}
