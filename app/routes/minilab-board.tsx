import { Link, useActionData, useLoaderData, type ShouldRevalidateFunctionArgs } from "react-router";
import type { Route } from "./+types/minilab-board";
import { invalid, parseForm } from "~/kernel/forms";
import { formatDateTime, frenchSpaces } from "~/kernel/format";
import { AppForm, ErrorSummary, PageTitle, SubmitButton, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb, SuccessNotice } from "~/kernel/ui/page";
import { boardIntentSchema } from "~/minilabs/session-schemas";
import { boardPage, changeBoard, myDots, requireBoardAccess, requireBoardChange } from "~/minilabs/session-service";
import { Board, liveLabels, useLiveBoard } from "~/minilabs/board-ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  return boardPage(s, params.minilabId, params.sessionId).catch(loaderFailure);
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    const p = parseForm(fd, boardIntentSchema);
    if (!p.ok) {
      // Someone who may not see the board, or not write on it, learns nothing from its form's errors.
      await requireBoardChange(s, params.minilabId, params.sessionId, fd.get("intent"));
      return invalid(p);
    }
    // changeBoard checks who may do what: the board's hot path reads the viewer's standing once.
    const message = await changeBoard(s, params.minilabId, params.sessionId, p.data);
    return { ok: true, message, myVotes: p.data.intent === "vote" ? await myDots(s, params.sessionId) : undefined };
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

/**
 * With JavaScript the board's changes arrive by its live stream: a note's form does not reload
 * the whole board (only opening or closing it does). Without JavaScript every form reloads it.
 */
export function shouldRevalidate({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  const intent = formData?.get("intent");
  if (typeof intent === "string" && intent !== "open") return false;
  return defaultShouldRevalidate;
}

export default function BoardPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const base = `/minilabs/${d.minilab.id}/seances/${d.session.id}`;
  const live = useLiveBoard(d.notes, `${base}/tableau/flux`, d.me);
  return (
    <Page>
      <PageTitle title={`Tableau – ${frenchSpaces(d.session.title)} – ${d.minilab.name}`} error={!!a && !a.ok} />
      <Breadcrumb
        items={[
          { label: "Mini-Labs", to: "/minilabs" },
          { label: d.minilab.name, to: `/minilabs/${d.minilab.id}` },
          { label: frenchSpaces(d.session.title), to: base },
        ]}
        current="Tableau"
      />
      <h1>Tableau de la séance</h1>
      <p>
        {frenchSpaces(d.session.title)} · {formatDateTime(d.session.startsAt)}
      </p>
      <SuccessNotice message={a?.ok ? a.message : null} />
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <p className="fr-text--sm" id="live-state" data-state={live.state}>
        {frenchSpaces(d.session.open ? liveLabels[live.state] : "Le tableau est fermé : il reste consultable et exportable.")}
      </p>
      <p className="fr-sr-only" aria-live="polite">
        {live.announce}
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
        <li>
          <a className="fr-btn fr-btn--sm fr-btn--secondary" href={`${base}/tableau/export.csv`} download>
            Exporter en CSV
          </a>
        </li>
        <li>
          <Link className="fr-btn fr-btn--sm fr-btn--secondary" to={`${base}/tableau/imprimer`}>
            Version imprimable
          </Link>
        </li>
        {d.manage && (
          <li>
            <AppForm>
              <input type="hidden" name="open" value={d.session.open ? "false" : "true"} />
              <SubmitButton name="intent" value="open" secondary className="fr-btn--sm">
                {d.session.open ? "Fermer le tableau" : "Rouvrir le tableau"}
              </SubmitButton>
            </AppForm>
          </li>
        )}
      </ul>
      <Board byColumn={live.byColumn} participate={d.participate} manage={d.manage} me={d.me} initialVotes={d.myVotes} dots={d.session.dots} />
    </Page>
  );
}
