import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-event-edit";
import { invalid, parseForm } from "~/kernel/forms";
import { AppForm, PageTitle, SubmitButton, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb, SuccessNotice } from "~/kernel/ui/page";
import { eventForEdit, setEventStatus, updateEvent } from "~/events";
import { eventSchema, eventStatusSchema } from "~/events/schemas";
import { EventForm, eventValues } from "~/events/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

const done: Record<string, string> = { retabli: "L’événement est rétabli." };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const page = await eventForEdit(viewer, params.labSlug, params.eventId).catch(loaderFailure);
  return { lab: page.lab, organizers: page.organizers, id: page.event.id, title: page.event.title, cancelled: page.event.status === "cancelled", values: eventValues(page.event), message: done[new URL(request.url).searchParams.get("fait") ?? ""] ?? null };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await eventForEdit(viewer, params.labSlug, params.eventId);
    const intent = fd.get("intent");
    if (intent === "cancel" || intent === "restore") {
      const p = parseForm(fd, eventStatusSchema);
      if (!p.ok) return invalid(p);
      await setEventStatus(viewer, params.labSlug, params.eventId, p.data.intent);
      return redirect(p.data.intent === "cancel" ? `/lab/${params.labSlug}/evenements?fait=annule` : `/lab/${params.labSlug}/evenements/${params.eventId}?fait=retabli`);
    }
    const p = parseForm(fd, eventSchema);
    if (!p.ok) return invalid(p);
    await updateEvent(viewer, params.labSlug, params.eventId, p.data);
    return redirect(`/evenements/${params.eventId}`);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function LabEventEdit() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  return (
    <Page>
      <PageTitle title={`Modifier «\u00a0${d.title}\u00a0»`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Espace lab", to: "/lab" }, { label: "Événements", to: `/lab/${d.lab.slug}/evenements` }]} current="Modifier l’événement" />
      <h1>Modifier «{"\u00a0"}{d.title}{"\u00a0"}»</h1>
      <SuccessNotice message={d.message} />
      <EventForm a={a} values={d.values} organizers={d.organizers} submit="Enregistrer" />
      <h2 className="fr-mt-6w">{d.cancelled ? "Rétablir l’événement" : "Annuler l’événement"}</h2>
      <p>{d.cancelled ? "L’événement est annulé. Le rétablir le remet au calendrier tel quel." : "L’événement reste au calendrier et dans les agendas abonnés, marqué «\u00a0Annulé\u00a0»."}</p>
      <AppForm>
        <input type="hidden" name="intent" value={d.cancelled ? "restore" : "cancel"} />
        <SubmitButton secondary>{d.cancelled ? "Rétablir l’événement" : "Annuler l’événement"}</SubmitButton>
      </AppForm>
    </Page>
  );
}
