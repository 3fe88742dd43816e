import { fileDownload } from "~/kernel/db/files";
import type { Route } from "./+types/proposal-attachment";
import { proposalAttachment } from "~/arbitration/service";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

/** Streams a proposal's attachment to whoever may see the proposal; never rendered inline as HTML. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const att = await proposalAttachment(s, params.proposalId, params.attachmentId).catch(loaderFailure);
  return fileDownload(att);
}
