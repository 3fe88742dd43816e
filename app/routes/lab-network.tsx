import { redirect, useActionData, useLoaderData, useRevalidator } from "react-router";
import { useEffect } from "react";
import type { Route } from "./+types/lab-network";
import { invalid, parseForm } from "~/kernel/forms";
import { once } from "~/kernel/db/once";
import { AppForm, ErrorSummary, Field, PageTitle, SelectField, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb, SuccessNotice } from "~/kernel/ui/page";
import { declareNetworkLab, followCalendar, networkPage, regions, requestFetch } from "~/events";
import { fetchSchema, followSchema, networkLabSchema } from "~/events/schemas";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

const done: Record<string, string> = {
  declare: "Le lab du réseau est déclaré.",
  follow: "L’adresse du calendrier est enregistrée.",
  fetch: "L’importation du calendrier est lancée : son résultat s’affiche ci-dessous.",
};

/** The network labs this lab declared, their followed calendars and the last import of each. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const page = await networkPage(viewer, params.labSlug).catch(loaderFailure);
  return { ...page, message: done[new URL(request.url).searchParams.get("fait") ?? ""] ?? null };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await networkPage(viewer, params.labSlug);
    const back = (what: string) => `/lab/${params.labSlug}/evenements/reseau?fait=${what}`;
    switch (fd.get("intent")) {
      case "declare": {
        const p = parseForm(fd, networkLabSchema);
        if (!p.ok) return invalid(p);
        const input = p.data;
        return redirect(await once(viewer.userId, fd, `network-lab:${params.labSlug}`, async () => (await declareNetworkLab(viewer, params.labSlug, input), back("declare"))));
      }
      case "follow": {
        const p = parseForm(fd, followSchema);
        if (!p.ok) return invalid(p);
        await followCalendar(viewer, params.labSlug, p.data.networkLabId, p.data.icalUrl);
        return redirect(back("follow"));
      }
      case "fetch": {
        const p = parseForm(fd, fetchSchema);
        if (!p.ok) return invalid(p);
        await requestFetch(viewer, params.labSlug, p.data.networkLabId);
        return redirect(back("fetch"));
      }
      default:
        return invalid({ errors: {}, values: {}, formError: "Action inconnue." });
    }
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

const statusLabel = { queued: "en attente", running: "en cours", done: "réussie", failed: "échouée", stale: "interrompue" } as const;

export default function LabNetwork() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const revalidator = useRevalidator();
  // with JavaScript, an import in progress refreshes the page until it ends (without, a reload shows it)
  useEffect(() => {
    if (!d.pending) return;
    const t = setTimeout(() => revalidator.revalidate(), 1500);
    return () => clearTimeout(t);
  }, [d, revalidator]);
  const declaring = valueOf(a?.values, "intent") === "declare";
  return (
    <Page>
      <PageTitle title={`Labs du réseau – ${d.lab.name}`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Espace lab", to: "/lab" }, { label: "Événements", to: `/lab/${d.lab.slug}/evenements` }]} current="Labs du réseau" />
      <h1>Labs du réseau et calendriers suivis</h1>
      <SuccessNotice message={d.message} />
      <p>
        Les labs du réseau qui n’utilisent pas Germoir, déclarés par votre lab avec leur région. Leurs événements paraissent au calendrier du réseau{"\u00a0"}: saisis par votre équipe, ou importés de leur calendrier public (iCal), relu à la demande. Un événement importé se modifie dans sa source.
      </p>
      {!declaring && <ErrorSummary errors={a?.errors} formError={a?.formError} />}
      {d.declared.length === 0 ? (
        <p>Votre lab n’a pas encore déclaré de lab du réseau.</p>
      ) : (
        <ul className="fr-raw-list">
          {d.declared.map((n) => (
            <li key={n.id} className="fr-mb-4w" data-network-lab={n.id}>
              <h2 className="fr-h5 fr-mb-1v">{n.name}</h2>
              <p className="germoir-meta fr-mb-1w">
                {n.region}
                {n.website && (
                  <>
                    {" "}
                    · <a href={n.website} rel="noopener noreferrer">{n.website}</a>
                  </>
                )}
              </p>
              {n.lastFetch && (
                <div className={`fr-alert fr-alert--sm fr-mb-2w ${n.lastFetch.status === "failed" || n.lastFetch.status === "stale" ? "fr-alert--error" : n.lastFetch.status === "done" ? "fr-alert--success" : "fr-alert--info"}`} role="status">
                  <p>
                    Dernière importation ({n.lastFetch.at}){"\u00a0"}: {statusLabel[n.lastFetch.status]}.
                    {n.lastFetch.message && <> {n.lastFetch.message}</>}
                    {n.lastFetch.status === "done" && (
                      <>
                        {" "}
                        {n.lastFetch.created}{"\u00a0"}ajouté(s), {n.lastFetch.updated}{"\u00a0"}mis à jour, {n.lastFetch.removed}{"\u00a0"}retiré(s).
                      </>
                    )}
                  </p>
                </div>
              )}
              <AppForm noValidate>
                <input type="hidden" name="intent" value="follow" />
                <input type="hidden" name="networkLabId" value={n.id} />
                <Field name="icalUrl" id={`ical-${n.id}`} type="url" label={`Adresse du calendrier iCal de ${n.name}`} hint="Commence par https://. Vide : ne plus suivre." defaultValue={n.icalUrl ?? ""} />
                <SubmitButton secondary>Enregistrer l’adresse</SubmitButton>
              </AppForm>
              {n.icalUrl && (
                <AppForm className="fr-mt-2w">
                  <input type="hidden" name="intent" value="fetch" />
                  <input type="hidden" name="networkLabId" value={n.id} />
                  <SubmitButton>
                    Importer maintenant<span className="fr-sr-only"> le calendrier de {n.name}</span>
                  </SubmitButton>
                </AppForm>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>Déclarer un lab du réseau</h2>
      <AppForm noValidate>
        {declaring && <ErrorSummary errors={a?.errors} formError={a?.formError} />}
        <input type="hidden" name="intent" value="declare" />
        <Field name="name" label="Nom du lab" error={declaring ? a?.errors?.name : undefined} defaultValue={declaring ? valueOf(a?.values, "name") : ""} required maxLength={200} />
        <SelectField name="region" label="Région" options={regions.map((r) => ({ value: r, label: r }))} error={declaring ? a?.errors?.region : undefined} defaultValue={declaring ? valueOf(a?.values, "region") : ""} placeholder="Choisissez une région" required />
        <Field name="website" type="url" label="Site web" hint="Facultatif." error={declaring ? a?.errors?.website : undefined} defaultValue={declaring ? valueOf(a?.values, "website") : ""} />
        <Field name="icalUrl" type="url" label="Adresse du calendrier iCal" hint="Facultatif : son calendrier public, pour en importer les événements." error={declaring ? a?.errors?.icalUrl : undefined} defaultValue={declaring ? valueOf(a?.values, "icalUrl") : ""} />
        <SubmitButton>Déclarer le lab</SubmitButton>
      </AppForm>
      {d.others.length > 0 && (
        <>
          <h2 className="fr-mt-6w">Déclarés par d’autres labs</h2>
          <ul>
            {d.others.map((n) => (
              <li key={n.id}>
                {n.name} ({n.region}), déclaré par {n.declaredBy}
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
