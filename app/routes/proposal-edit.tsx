import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/proposal-edit";
import { invalid, parseForm } from "~/kernel/forms";
import { PageTitle, type ActionResult } from "~/kernel/ui/forms";
import { proposalSchema } from "~/arbitration/schemas";
import { editProposalPage, requireEditableProposal, updateProposalFor } from "~/arbitration/service";
import { Breadcrumb, ProposalForm } from "~/arbitration/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  return editProposalPage(s, params.proposalId).catch(loaderFailure);
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  await requireEditableProposal(s, params.proposalId).catch(loaderFailure);
  const fd = await readForm(request);
  const parsed = parseForm(fd, proposalSchema);
  if (!parsed.ok) return invalid(parsed);
  const remove = fd.getAll("removeAttachment").filter((v): v is string => typeof v === "string");
  try {
    const p = await updateProposalFor(s, params.proposalId, parsed.data, fd.getAll("attachments"), remove);
    return redirect(`/propositions/${p.id}?enregistree=1`);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function EditProposal() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  return (
    <Page>
      <PageTitle title={`Modifier «\u00a0${d.proposal.title}\u00a0»`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ to: `/minilabs/${d.minilab.id}`, label: d.minilab.name }, { to: `/propositions/${d.proposal.id}`, label: d.proposal.title }, { label: "Modifier" }]} />
      <h1>Modifier la proposition</h1>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-8">
          <ProposalForm a={a} initial={d.proposal} directorates={d.directorates} attachments={d.attachments} maxMb={d.maxMb} submitLabel="Enregistrer les modifications" />
        </div>
      </div>
    </Page>
  );
}
