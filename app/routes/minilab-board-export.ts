import type { Route } from "./+types/minilab-board-export";
import { csvResponse } from "~/kernel/csv";
import { formatDateTime, isoDay } from "~/kernel/format";
import { boardColumns } from "~/minilabs/board";
import { boardExport } from "~/minilabs/session-service";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

/** The board as CSV: column, order, text, author, dots, date. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const b = await boardExport(s, params.minilabId, params.sessionId).catch(loaderFailure);
  let order = 0;
  let last = "";
  const rows = b.notes.map((n) => {
    order = n.column === last ? order + 1 : 1;
    last = n.column;
    return [boardColumns[n.column], order, n.text, n.authorName, n.votes, formatDateTime(n.createdAt)];
  });
  return csvResponse(`tableau-${isoDay(b.session.starts_at)}.csv`, ["Colonne", "Ordre", "Post-it", "Auteur", "Gommettes", "Ajouté le"], rows);
}
