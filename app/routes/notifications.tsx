import { redirect, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/notifications";
import { getNotification, markRead, notificationKinds, notificationsPage } from "~/notifications/notifications";
import { formError, invalid, parseForm } from "~/kernel/forms";
import { mailPreferences, mailPreferencesSchema, setMailPreferences } from "~/notifications/preferences";
import { formatDateTime, frenchSpaces } from "~/kernel/format";
import { AppForm, CheckboxGroup, ErrorSummary, PageTitle, SubmitButton, type ActionResult } from "~/kernel/ui/forms";
import { KeysetPagination, SuccessNotice } from "~/kernel/ui/page";
import { Page } from "~/web/layout";
import { requireUser, safeReturnPath } from "~/web/auth";
import { readForm } from "~/web/errors";

export async function loader({ context, request }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const sp = new URL(request.url).searchParams;
  const page = await notificationsPage(s.user.id, { limit: 50, after: sp.get("apres") ?? undefined, before: sp.get("avant") ?? undefined });
  return {
    next: page.next,
    prev: page.prev,
    items: page.rows.map((n) => ({ id: n.id, kind: n.kind, title: n.title, link: n.link, createdAt: n.created_at, read: !!n.read_at })),
    mailPrefs: await mailPreferences(s.user.id),
  };
}

const schema = z.union([z.object({ intent: z.literal("open"), id: z.string().uuid() }), z.object({ intent: z.literal("readAll") })]);

export async function action({ context, request }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  if (fd.get("intent") === "mailPrefs") {
    const prefs = parseForm(fd, mailPreferencesSchema);
    if (!prefs.ok) return invalid(prefs);
    await setMailPreferences(s.user.id, prefs.data.byMail);
    return { ok: true, message: "Vos préférences de courriel sont enregistrées." };
  }
  const p = parseForm(fd, schema);
  if (!p.ok) return formError(fd, "Action inconnue.");
  if (p.data.intent === "readAll") {
    await markRead(s.user.id);
    return { ok: true };
  }
  const n = await getNotification(s.user.id, p.data.id);
  if (!n) return formError(fd, "Cette notification n’existe pas.", 404);
  await markRead(s.user.id, n.id);
  return redirect(safeReturnPath(n.link));
}

export default function Notifications() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const unread = d.items.filter((i) => !i.read).length;
  return (
    <Page>
      <PageTitle title="Notifications" error={!!a && !a.ok} />
      <h1>Notifications</h1>
      <SuccessNotice message={a?.ok ? a.message : null} />
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      {unread > 0 && (
        <AppForm>
          <SubmitButton name="intent" value="readAll" secondary>
            Tout marquer comme lu
          </SubmitButton>
        </AppForm>
      )}
      {d.items.length === 0 ? (
        <p>Aucune notification.</p>
      ) : (
        <ul className="germoir-card-list fr-mt-4w">
          {d.items.map((n) => (
            <li key={n.id} className="fr-p-2w" style={{ background: n.read ? undefined : "var(--background-alt-blue-france)" }}>
              <p className="fr-text--xs fr-mb-1w">
                {notificationKinds[n.kind]} – {formatDateTime(n.createdAt)}
                {!n.read && <span className="fr-badge fr-badge--sm fr-badge--info fr-ml-1w">Non lue</span>}
              </p>
              <AppForm>
                <input type="hidden" name="intent" value="open" />
                <input type="hidden" name="id" value={n.id} />
                <button type="submit" className="fr-link">
                  {frenchSpaces(n.title)}
                </button>
              </AppForm>
            </li>
          ))}
        </ul>
      )}
      <KeysetPagination first="/notifications" prev={d.prev ? `/notifications?avant=${d.prev}` : null} next={d.next ? `/notifications?apres=${d.next}` : null} />
      <section aria-labelledby="mail-prefs-title" className="fr-mt-6w">
        <h2 id="mail-prefs-title">Recevoir aussi par courriel</h2>
        <AppForm>
          <input type="hidden" name="intent" value="mailPrefs" />
          <CheckboxGroup
            name="byMail"
            legend="Ces notifications vous sont aussi envoyées par courriel"
            hint={"Décochez celles que vous ne voulez plus recevoir par courriel\u202f; elles restent affichées ici."}
            options={d.mailPrefs.map((p) => ({ value: p.kind, label: frenchSpaces(p.label) }))}
            defaultValues={d.mailPrefs.filter((p) => p.byMail).map((p) => p.kind)}
            error={Object.entries(a?.errors ?? {}).find(([k]) => k === "byMail" || k.startsWith("byMail."))?.[1]}
          />
          <SubmitButton secondary>Enregistrer mes préférences</SubmitButton>
        </AppForm>
      </section>
    </Page>
  );
}
