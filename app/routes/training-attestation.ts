import type { Route } from "./+types/training-attestation";
import { isUuid } from "~/kernel/ids";
import { attestationFor } from "~/trainings";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

/** The attestation of attendance (PDF): the agent's own; the lab team may ask for any agent present (?agent=). */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const agent = new URL(request.url).searchParams.get("agent");
  const { pdf, filename } = await attestationFor(viewer, params.trainingId, params.sessionId, agent && isUuid(agent) ? agent : null).catch(loaderFailure);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
