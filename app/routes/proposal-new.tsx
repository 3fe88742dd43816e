import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/proposal-new";
import { once } from "~/kernel/db/once";
import { invalid, parseForm } from "~/kernel/forms";
import { PageTitle, type ActionResult } from "~/kernel/ui/forms";
import { proposalSchema } from "~/arbitration/schemas";
import { createProposalFor, newProposalForm, requireCanPropose } from "~/arbitration/service";
import { Breadcrumb, ProposalForm } from "~/arbitration/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  return newProposalForm(s, params.minilabId).catch(loaderFailure);
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  await requireCanPropose(s, params.minilabId).catch(loaderFailure);
  const fd = await readForm(request);
  const parsed = parseForm(fd, proposalSchema);
  if (!parsed.ok) return invalid(parsed);
  try {
    const location = await once(s.userId, fd, `proposal-new:${params.minilabId}`, async () => {
      const p = await createProposalFor(s, params.minilabId, parsed.data, fd.getAll("attachments"));
      return `/propositions/${p.id}?enregistree=1`;
    });
    return redirect(location);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function NewProposal() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  return (
    <Page>
      <PageTitle title={`Nouvelle proposition – ${d.minilab.name}`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ to: "/minilabs", label: "Mini-Labs" }, { to: `/minilabs/${d.minilab.id}`, label: d.minilab.name }, { label: "Nouvelle proposition" }]} />
      <h1>Nouvelle proposition</h1>
      <p>La proposition est enregistrée en brouillon{"\u00a0"}: les membres du Mini-Lab peuvent la compléter, puis son auteur ou un animateur la soumet pour restitution à la direction concernée.</p>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-8">
          <ProposalForm
            a={a}
            directorates={d.directorates}
            maxMb={d.maxMb}
            submitLabel="Enregistrer le brouillon"
            initial={d.directorates.length === 1 ? { title: "", problem: "", solution: "", impact: "", resources: "", cost: "", directorate: d.directorates[0] } : undefined}
          />
        </div>
      </div>
    </Page>
  );
}
