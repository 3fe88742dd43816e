import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/skills-person";
import { invalid, parseForm } from "~/kernel/forms";
import { once } from "~/kernel/db/once";
import { frenchSpaces } from "~/kernel/format";
import { AppForm, ErrorSummary, Field, PageTitle, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { contact, personPage } from "~/skills";
import { contactSchema } from "~/skills/schemas";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return personPage(viewer, params.userId).catch(loaderFailure);
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await personPage(viewer, params.userId);
    const p = parseForm(fd, contactSchema);
    if (!p.ok) return invalid(p);
    const body = p.data.body;
    const location = await once(viewer.userId, fd, `skills-contact:${params.userId}`, async () => `/competences/messages/${await contact(viewer, params.userId, body)}?fait=envoye`);
    return redirect(location);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function SkillsPerson() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const p = d.person;
  return (
    <Page>
      <PageTitle title={`${p.name} – Annuaire des compétences`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Annuaire des compétences", to: "/competences" }]} current={p.name} />
      <h1>{p.name}</h1>
      <p>{[p.job, p.organization, p.site].filter(Boolean).join(" · ")}</p>
      <h2>Compétences</h2>
      <ul>
        {p.skills.map((s) => (
          <li key={s.label}>
            {s.label} – {s.level.toLowerCase()}
            {s.willing ? ", prêt ou prête à aider d’autres services" : ""}
          </li>
        ))}
      </ul>
      {p.expert && (
        <>
          <h2>Expertise</h2>
          {p.domains && <p>Domaines{"\u00a0"}: {frenchSpaces(p.domains)}</p>}
          {p.availability && <p>Disponibilité{"\u00a0"}: {frenchSpaces(p.availability)}</p>}
        </>
      )}
      {d.mayContact && (
        <>
          <h2>Contacter</h2>
          <p className="fr-text--sm">Votre message arrive dans ses notifications, avec votre nom{"\u00a0"}; sa réponse arrive dans les vôtres. Aucune adresse électronique n’est échangée.</p>
          <AppForm noValidate>
            <ErrorSummary errors={a?.errors} formError={a?.formError} />
            <Field name="body" label="Message" textarea rows={5} required maxLength={4000} defaultValue={valueOf(a?.values, "body")} error={a?.errors?.body} />
            <SubmitButton>Envoyer le message</SubmitButton>
          </AppForm>
        </>
      )}
    </Page>
  );
}
