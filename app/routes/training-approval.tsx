import { useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/training-approval";
import { formError, parseForm } from "~/kernel/forms";
import { AppForm, ErrorSummary, PageTitle, SubmitButton, type ActionResult } from "~/kernel/ui/forms";
import { approvalPage, decideApproval } from "~/trainings";
import { approvalDecisionSchema } from "~/trainings/schemas";
import { Page } from "~/web/layout";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

/** The manager's answer, from the link sent by mail: no account needed; the link's secret is the key. */
export async function loader({ params }: Route.LoaderArgs) {
  return approvalPage(params.token).catch(loaderFailure);
}

export function headers() {
  return { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };
}

export async function action({ request, params }: Route.ActionArgs) {
  const fd = await readForm(request);
  try {
    await approvalPage(params.token);
    const p = parseForm(fd, approvalDecisionSchema);
    if (!p.ok) return formError(fd, "Choisissez d’accorder ou de refuser l’inscription.");
    await decideApproval(params.token, p.data.decision === "approve");
    return { ok: true, message: p.data.decision === "approve" ? "Merci : l’inscription est accordée, l’agent en est informé." : "Merci : l’inscription est refusée, l’agent en est informé." };
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

const statusWords = { pending: "", approved: "Vous avez accordé cette inscription", refused: "Vous avez refusé cette inscription" } as const;

export default function TrainingApproval() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  return (
    <Page>
      <PageTitle title="Accord pour une formation" error={!!a && !a.ok} />
      <h1>Accord pour une formation</h1>
      {a?.ok && (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <p>{a.message}</p>
        </div>
      )}
      {a && !a.ok && <ErrorSummary errors={a.errors} formError={a.formError} />}
      <p>
        <strong>{d.agent}</strong> souhaite suivre la formation «{"\u00a0"}{d.training}{"\u00a0"}», session du {d.when}, et vous indique comme responsable.
      </p>
      {d.status !== "pending" ? (
        <p>
          {statusWords[d.status]}
          {d.decidedAt && ` le ${d.decidedAt}`}.
        </p>
      ) : (
        !a?.ok && (
          <AppForm>
            <div className="fr-btns-group fr-btns-group--inline-md">
              <SubmitButton name="decision" value="approve">
                Accorder l’inscription
              </SubmitButton>
              <SubmitButton name="decision" value="refuse" secondary>
                Refuser l’inscription
              </SubmitButton>
            </div>
          </AppForm>
        )
      )}
    </Page>
  );
}
