import { useLoaderData } from "react-router";
import type { Route } from "./+types/lab-mail";
import { formatDateTime, formatNumber, frenchSpaces } from "~/kernel/format";
import { labOutboxMail } from "~/kernel/mail/service";
import { PageTitle } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { requireLabRole } from "~/labs/service";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  try {
    const lab = await requireLabRole(params.labSlug, s.principal, "lab_team", "admin");
    const mail = await labOutboxMail(s, lab.id, params.mailId);
    // the HTML body is sent as is; the page shows its text version, which says the same
    const { html: _html, ...shown } = mail;
    return { lab: { slug: lab.slug, name: lab.name }, mail: shown };
  } catch (err) {
    return loaderFailure(err);
  }
}

/** Turns the absolute links of the text into links (the rest stays text). */
function withLinks(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    i % 2 === 1 ? (
      <a key={i} href={part}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}

export default function LabMail() {
  const d = useLoaderData<typeof loader>();
  const m = d.mail;
  return (
    <Page>
      <PageTitle title={`${frenchSpaces(m.subject)} – Courriels – ${d.lab.name}`} />
      <Breadcrumb items={[{ label: "Espace lab", to: "/lab" }, { label: "Courriels envoyés", to: `/lab/${d.lab.slug}/courriels` }]} current={frenchSpaces(m.subject)} />
      <h1>{frenchSpaces(m.subject)}</h1>
      <dl className="germoir-mail-headers fr-mb-4w">
        <dt>De</dt>
        <dd>{m.from}</dd>
        <dt>À</dt>
        <dd>{m.to}</dd>
        <dt>Écrit le</dt>
        <dd>{formatDateTime(m.createdAt)}</dd>
        <dt>État</dt>
        <dd>
          {m.statusLabel}
          {m.sentAt ? ` le ${formatDateTime(m.sentAt)}` : ""}
          {m.attempts > 1 ? ` (${m.attempts}\u00a0tentatives)` : ""}
          {m.error ? ` – dernière erreur\u00a0: ${m.error}` : ""}
        </dd>
        {m.attachments.length > 0 && (
          <>
            <dt>Pièces jointes</dt>
            <dd>{m.attachments.map((a) => `${a.filename} (${formatNumber(Math.max(1, Math.round(a.bytes / 1024)))}\u00a0Ko)`).join(", ")}</dd>
          </>
        )}
      </dl>
      <h2>Message</h2>
      <div className="fr-p-3w" style={{ whiteSpace: "pre-wrap", background: "var(--background-alt-grey)" }}>
        {withLinks(m.text)}
      </div>
    </Page>
  );
}
