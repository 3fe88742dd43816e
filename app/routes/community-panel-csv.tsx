import type { Route } from "./+types/community-panel-csv";
import { answersCsv } from "~/communities/service";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

/** The panel's answers as CSV (semicolons, UTF-8 with BOM for spreadsheets), streamed page by page. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const csv = await answersCsv(s, params.communityId, params.questionId).catch(loaderFailure);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await csv.lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await csv.lines.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csv.filename}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
