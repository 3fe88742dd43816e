import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/my-events";
import { invalid, parseForm } from "~/kernel/forms";
import { AppForm, ErrorSummary, PageTitle, SubmitButton } from "~/kernel/ui/forms";
import { SuccessNotice } from "~/kernel/ui/page";
import { myEvents, renewFeed, revokeFeed } from "~/events/registration.server";
import { feedActionSchema } from "~/events/schemas";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { readForm, serviceFailure } from "~/web/errors";

/** The agent's registrations to events, and their private feed « mes inscriptions ». */
export async function loader({ context, request }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const page = await myEvents(viewer);
  return { ...page, revoked: new URL(request.url).searchParams.get("fait") === "revoque" };
}

export async function action({ context, request }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    const p = parseForm(fd, feedActionSchema);
    if (!p.ok) return invalid(p);
    if (p.data.intent === "revoke") {
      await revokeFeed(viewer);
      return redirect("/mes-evenements?fait=revoque");
    }
    // the address is shown once, in this answer (never stored in clear)
    return { ok: true as const, feedUrl: `${new URL(request.url).origin}${await renewFeed(viewer)}` };
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function MyEvents() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const feedUrl = a && "feedUrl" in a ? a.feedUrl : null;
  const failed = a && !a.ok ? (a as { errors?: Record<string, string>; formError?: string }) : null;
  return (
    <Page>
      <PageTitle title="Mes événements" error={!!failed} />
      <h1>Mes événements</h1>
      {failed && <ErrorSummary errors={failed.errors} formError={failed.formError} />}
      <SuccessNotice message={d.revoked ? "L’adresse de votre calendrier privé est révoquée : elle ne donne plus rien." : null} />
      <h2>Mes inscriptions</h2>
      {d.registrations.length === 0 ? (
        <p>
          Aucune inscription. Les événements sur inscription sont au <Link to="/evenements">calendrier</Link>.
        </p>
      ) : (
        <ul>
          {d.registrations.map((r) => (
            <li key={r.id} data-registration={r.id}>
              <Link to={`/evenements/${r.id}`}>{r.title}</Link>, {r.when}{"\u00a0"}: {r.status}
              {r.position && <> (rang {r.position})</>}
              {r.offeredUntil && <>, à confirmer avant le {r.offeredUntil}</>}
              {r.cancelled && <> — l’événement est annulé</>}
            </li>
          ))}
        </ul>
      )}
      <h2>Mon calendrier privé</h2>
      <p>
        Une adresse iCal personnelle avec vos inscriptions et listes d’attente, à ajouter à votre agenda. Elle est secrète{"\u00a0"}: qui la connaît voit vos inscriptions. Germoir ne la garde que chiffrée et ne peut pas vous la remontrer{"\u00a0"}; une nouvelle adresse remplace l’ancienne.
      </p>
      {feedUrl && (
        <div className="fr-alert fr-alert--success fr-mb-3w" role="status">
          <p>Votre adresse, à copier maintenant{"\u00a0"}:</p>
          <p>
            <code data-feed-url style={{ overflowWrap: "anywhere" }}>
              {feedUrl}
            </code>
          </p>
        </div>
      )}
      {d.feed && !feedUrl && <p>Une adresse est active depuis le {d.feed.createdAt}.</p>}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <AppForm>
            <input type="hidden" name="intent" value="renew" />
            <SubmitButton>{d.feed || feedUrl ? "Créer une nouvelle adresse" : "Créer mon adresse privée"}</SubmitButton>
          </AppForm>
        </li>
        {(d.feed || feedUrl) && (
          <li>
            <AppForm>
              <input type="hidden" name="intent" value="revoke" />
              <SubmitButton secondary>Révoquer l’adresse</SubmitButton>
            </AppForm>
          </li>
        )}
      </ul>
    </Page>
  );
}
