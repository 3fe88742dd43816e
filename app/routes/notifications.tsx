import { redirect, useLoaderData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/notifications";
import { getNotification, listNotifications, markRead, notificationKinds } from "~/notifications/notifications";
import { formError, parseForm } from "~/kernel/forms";
import { formatDateTime, frenchSpaces } from "~/kernel/format";
import { AppForm, PageTitle, SubmitButton } from "~/kernel/ui/forms";
import { Page } from "~/web/layout";
import { requireUser, safeReturnPath } from "~/web/auth";
import { readForm } from "~/web/errors";

export async function loader({ context, request }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const list = await listNotifications(s.user.id, 100);
  return { items: list.map((n) => ({ id: n.id, kind: n.kind, title: n.title, link: n.link, createdAt: n.created_at, read: !!n.read_at })) };
}

const schema = z.union([z.object({ intent: z.literal("open"), id: z.string().uuid() }), z.object({ intent: z.literal("readAll") })]);

export async function action({ context, request }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
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
  const unread = d.items.filter((i) => !i.read).length;
  return (
    <Page>
      <PageTitle title="Notifications" />
      <h1>Notifications</h1>
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
    </Page>
  );
}
