import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-desk-settings";
import { invalid, parseForm } from "~/kernel/forms";
import { AppForm, ErrorSummary, Field, PageTitle, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { deskSettings, saveDeskSettings, settingsSchema } from "~/requests";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return deskSettings(viewer, params.labSlug).catch(loaderFailure);
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  await deskSettings(viewer, params.labSlug).catch(loaderFailure);
  const fd = await readForm(request);
  const parsed = parseForm(fd, settingsSchema);
  if (!parsed.ok) return invalid(parsed);
  try {
    await saveDeskSettings(viewer, params.labSlug, parsed.data.answerDays, parsed.data.summary);
    return redirect(`/lab/${params.labSlug}/guichet`);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function DeskSettings() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  return (
    <Page>
      <PageTitle title={`Réglages du guichet – ${d.lab.name}`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Espace lab", to: "/lab" }, { label: "Guichet", to: `/lab/${d.lab.slug}/guichet` }]} current="Réglages" />
      <h1>Réglages du guichet – {d.lab.name}</h1>
      <AppForm noValidate>
        <ErrorSummary errors={a?.errors} formError={a?.formError} />
        <Field
          name="answerDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={60}
          label="Délai de réponse promis (jours ouvrés)"
          hint={"Affiché aux agents qui choisissent un lab\u202f; les demandes encore ouvertes au-delà passent en tête de la file, signalées en retard."}
          error={a?.errors?.answerDays}
          defaultValue={valueOf(a?.values, "answerDays", String(d.answerDays))}
        />
        <Field
          name="summary"
          textarea
          rows={4}
          label="Ce que fait le lab (affiché au guichet)"
          hint={"Quelques phrases pour les agents qui choisissent à quel lab demander de l’aide\u202f; 600 caractères au plus."}
          error={a?.errors?.summary}
          defaultValue={valueOf(a?.values, "summary", d.summary)}
        />
        <SubmitButton>Enregistrer</SubmitButton>
      </AppForm>
    </Page>
  );
}
