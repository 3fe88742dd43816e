import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/minilab-session-edit";
import { invalid, parseForm } from "~/kernel/forms";
import { frenchSpaces } from "~/kernel/format";
import { AppForm, ErrorSummary, PageTitle, SubmitButton, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { sessionSchema } from "~/minilabs/session-schemas";
import { editSession, sessionForm } from "~/minilabs/session-service";
import { SessionFields } from "~/minilabs/session-ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  return sessionForm(s, params.minilabId, params.sessionId).catch(loaderFailure);
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await sessionForm(s, params.minilabId, params.sessionId);
    const p = parseForm(fd, sessionSchema);
    if (!p.ok) return invalid(p);
    await editSession(s, params.minilabId, params.sessionId, p.data);
    return redirect(`/minilabs/${params.minilabId}/seances/${params.sessionId}?modifiee=1`);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function EditSession() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const session = d.session!;
  return (
    <Page>
      <PageTitle title={`Modifier la séance – ${d.minilab.name}`} error={!!a && !a.ok} />
      <Breadcrumb
        items={[
          { label: "Mini-Labs", to: "/minilabs" },
          { label: d.minilab.name, to: `/minilabs/${d.minilab.id}` },
          { label: frenchSpaces(session.title), to: `/minilabs/${d.minilab.id}/seances/${session.id}` },
        ]}
        current="Modifier"
      />
      <h1>Modifier la séance</h1>
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <AppForm>
        <SessionFields a={a} session={session} methods={d.methods} />
        <SubmitButton>Enregistrer</SubmitButton>
      </AppForm>
    </Page>
  );
}
