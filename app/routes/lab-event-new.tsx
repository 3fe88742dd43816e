import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-event-new";
import { invalid, parseForm } from "~/kernel/forms";
import { once } from "~/kernel/db/once";
import { PageTitle, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { createEvent, newEventForm } from "~/events";
import { eventSchema } from "~/events/schemas";
import { EventForm } from "~/events/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return newEventForm(viewer, params.labSlug).catch(loaderFailure);
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await newEventForm(viewer, params.labSlug);
    const p = parseForm(fd, eventSchema);
    if (!p.ok) return invalid(p);
    const input = p.data;
    const location = await once(viewer.userId, fd, `event-new:${params.labSlug}`, async () => {
      const event = await createEvent(viewer, params.labSlug, input);
      return `/evenements/${event.id}`;
    });
    return redirect(location);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function LabEventNew() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  return (
    <Page>
      <PageTitle title={`Créer un événement – ${d.lab.name}`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Espace lab", to: "/lab" }, { label: "Événements", to: `/lab/${d.lab.slug}/evenements` }]} current="Créer un événement" />
      <h1>Créer un événement</h1>
      <EventForm a={a} organizers={d.organizers} submit="Créer l’événement" />
    </Page>
  );
}
