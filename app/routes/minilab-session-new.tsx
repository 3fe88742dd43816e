import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/minilab-session-new";
import { once } from "~/kernel/db/once";
import { invalid, parseForm } from "~/kernel/forms";
import { AppForm, ErrorSummary, PageTitle, SubmitButton, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { sessionSchema } from "~/minilabs/session-schemas";
import { scheduleSession, sessionForm } from "~/minilabs/session-service";
import { SessionFields } from "~/minilabs/session-ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  return sessionForm(s, params.minilabId).catch(loaderFailure);
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await sessionForm(s, params.minilabId);
    const p = parseForm(fd, sessionSchema);
    if (!p.ok) return invalid(p);
    const data = p.data;
    const location = await once(s.userId, fd, `session-new:${params.minilabId}`, async () => {
      const session = await scheduleSession(s, params.minilabId, data);
      return `/minilabs/${params.minilabId}/seances/${session.id}?programmee=1`;
    });
    return redirect(location);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function NewSession() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  return (
    <Page>
      <PageTitle title={`Programmer une séance – ${d.minilab.name}`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Mini-Labs", to: "/minilabs" }, { label: d.minilab.name, to: `/minilabs/${d.minilab.id}` }]} current="Programmer une séance" />
      <h1>Programmer une séance</h1>
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <AppForm>
        <SessionFields a={a} session={null} methods={d.methods} />
        <SubmitButton>Programmer la séance</SubmitButton>
      </AppForm>
    </Page>
  );
}
