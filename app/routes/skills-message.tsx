import { Link, useActionData, useLoaderData, useSearchParams } from "react-router";
import type { Route } from "./+types/skills-message";
import { invalid, parseForm } from "~/kernel/forms";
import { AppForm, ErrorSummary, Field, PageTitle, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb, SuccessNotice } from "~/kernel/ui/page";
import { messagePage, reply } from "~/skills";
import { replySchema } from "~/skills/schemas";
import { Paragraphs } from "~/resources/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return messagePage(viewer, params.messageId).catch(loaderFailure);
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await messagePage(viewer, params.messageId);
    const p = parseForm(fd, replySchema);
    if (!p.ok) return invalid(p);
    await reply(viewer, params.messageId, p.data.body);
    return { ok: true, message: "Votre réponse est envoyée." };
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function SkillsMessage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const [params] = useSearchParams();
  return (
    <Page>
      <PageTitle title={`Conversation avec ${d.with.name}`} error={!!a && !a.ok} />
      <Breadcrumb
        items={[
          { label: "Annuaire des compétences", to: "/competences" },
          { label: "Mes compétences", to: "/competences/mes-competences" },
        ]}
        current={`Conversation avec ${d.with.name}`}
      />
      <h1>Conversation avec {d.with.listed ? <Link to={`/competences/agents/${d.with.id}`}>{d.with.name}</Link> : d.with.name}</h1>
      <SuccessNotice message={a?.ok ? a.message : params.get("fait") === "envoye" ? "Votre message est envoyé." : null} />
      <ol className="fr-raw-list">
        {d.messages.map((m) => (
          <li key={m.id} className="fr-mb-3w fr-p-2w" style={{ border: "1px solid var(--border-default-grey)" }}>
            <p className="fr-text--sm fr-mb-1w">
              <strong>{m.from}</strong> – {m.at}
            </p>
            <Paragraphs text={m.body} />
          </li>
        ))}
      </ol>
      <h2>Répondre</h2>
      <AppForm noValidate>
        <ErrorSummary errors={a?.errors} formError={a?.formError} />
        <Field name="body" label="Votre réponse" textarea rows={4} required maxLength={4000} defaultValue={a?.ok ? "" : valueOf(a?.values, "body")} error={a?.errors?.body} />
        <SubmitButton>Envoyer la réponse</SubmitButton>
      </AppForm>
    </Page>
  );
}
