import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/idea-edit";
import { forbidden, notFound } from "~/kernel/permissions";
import { runtime } from "~/kernel/runtime";
import { formValues, invalid, parseForm } from "~/kernel/forms";
import { PageTitle } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { loadIdeaPage, requireEditable, updateIdeaFor, similarIdeasFor } from "~/ideas/service";
import { ideaFormSchema, similarFormSchema } from "~/ideas/schemas";
import { IdeaForm, type IdeaFormResult } from "~/ideas/ui";
import { findUsersEmails } from "~/accounts/accounts";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const page = await loadIdeaPage(params.ideaId, s);
  if (!page) notFound("Cette idée n’existe pas.");
  if (page.forbidden || !page.rights.canEdit) forbidden("Vous ne pouvez pas modifier cette idée.");
  const emails = await findUsersEmails(page.coauthors.filter((c) => c.status !== "declined").map((c) => c.userId));
  const i = page.idea;
  return {
    id: i.id,
    isDraft: i.status === "draft",
    initial: { title: i.title, problem: i.problem, proposal: i.proposal, beneficiaries: i.beneficiaries, coauthors: emails.join(", ") },
    attachments: page.attachments.map((a) => ({ id: a.id, filename: a.filename })),
    maxMb: Math.round(runtime().config.uploadMaxBytes / 1024 / 1024),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  await requireEditable(s, params.ideaId).catch(loaderFailure);
  if (fd.get("intent") === "similar") {
    // « Vérifier les idées proches »: nothing is saved, the form comes back as typed with the list
    const p = parseForm(fd, similarFormSchema);
    if (!p.ok) return invalid(p);
    return { ok: true, values: formValues(fd), similar: await similarIdeasFor(s, p.data, params.ideaId) ?? [] };
  }
  const parsed = parseForm(fd, ideaFormSchema);
  if (!parsed.ok) return invalid(parsed);
  const remove = fd.getAll("removeAttachment").filter((v): v is string => typeof v === "string");
  try {
    const idea = await updateIdeaFor(s, params.ideaId, parsed.data, fd.getAll("attachments"), remove);
    return redirect(`/idees/${idea.id}${parsed.data.submit ? "?deposee=1" : "?brouillon=1"}`);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function EditIdea() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<IdeaFormResult>();
  return (
    <Page>
      <PageTitle title={`Modifier «\u00a0${d.initial.title}\u00a0»`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Mes idées", to: "/mes-idees" }, { label: d.initial.title, to: `/idees/${d.id}` }]} current="Modifier" />
      <h1>{d.isDraft ? "Compléter mon idée" : "Modifier mon idée"}</h1>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-8">
          <IdeaForm a={a} ideaId={d.id} initial={d.initial} attachments={d.attachments} maxMb={d.maxMb} isDraft={d.isDraft} />
        </div>
      </div>
    </Page>
  );
}
