import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/request-edit";
import { invalid, parseForm } from "~/kernel/forms";
import { PageTitle, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { deskLabs, maxUploadMb, requestForEdit, requestSchema, requireEditable, updateRequest } from "~/requests";
import { RequestForm } from "~/requests/client";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const draft = await requestForEdit(viewer, params.requestId).catch(loaderFailure);
  return { ...draft, labs: await deskLabs(), maxMb: maxUploadMb() };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  await requireEditable(viewer, params.requestId).catch(loaderFailure);
  const fd = await readForm(request);
  const parsed = parseForm(fd, requestSchema);
  if (!parsed.ok) return invalid(parsed);
  try {
    const remove = fd.getAll("removeAttachment").filter((x): x is string => typeof x === "string");
    const saved = await updateRequest(viewer, params.requestId, parsed.data, fd.getAll("attachments"), remove);
    return redirect(`/demandes/${saved.id}?${parsed.data.intent === "submit" ? "envoyee=1" : "brouillon=1"}`);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function EditRequest() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  return (
    <Page>
      <PageTitle title={`Modifier le brouillon – ${d.request.title}`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Mes demandes", to: "/mes-demandes" }, { label: d.request.title, to: `/demandes/${d.request.id}` }]} current="Modifier" />
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-8">
          <h1>Modifier le brouillon</h1>
          <RequestForm a={a} labs={d.labs} initial={d.request} maxMb={d.maxMb} attachments={d.attachments} />
        </div>
      </div>
    </Page>
  );
}
