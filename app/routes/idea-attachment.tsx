import { fileDownload } from "~/kernel/db/files";
import type { Route } from "./+types/idea-attachment";
import { notFound } from "~/kernel/permissions";
import { getAttachment } from "~/ideas/ideas";
import { requireVisible } from "~/ideas/service";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

/** Streams an attachment to whoever may see the idea; never rendered inline as HTML. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  await requireVisible(s, params.ideaId).catch(loaderFailure);
  const att = await getAttachment(params.ideaId, params.attachmentId);
  if (!att) notFound("Cette pièce jointe n’existe pas.");
  return fileDownload(att);
}
