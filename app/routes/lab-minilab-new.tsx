import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-minilab-new";
import { once } from "~/kernel/db/once";
import { invalid, parseForm } from "~/kernel/forms";
import { frenchSpaces } from "~/kernel/format";
import { AppForm, ErrorSummary, Field, PageTitle, RadioGroup, SelectField, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { joinPolicies, visibilities } from "~/minilabs/minilabs";
import { newMinilabSchema } from "~/minilabs/schemas";
import { newMinilabForm, openMinilab } from "~/minilabs/service";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const form = await newMinilabForm(s, params.labSlug).catch(loaderFailure);
  return { ...form, themeId: new URL(request.url).searchParams.get("theme") ?? "" };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await newMinilabForm(s, params.labSlug);
    const p = parseForm(fd, newMinilabSchema);
    if (!p.ok) return invalid(p);
    const data = p.data;
    const location = await once(s.userId, fd, `minilab-new:${params.labSlug}`, async () => {
      const m = await openMinilab(s, params.labSlug, { ...data, facilitatorEmails: data.facilitators });
      return `/minilabs/${m.id}?ouvert=1`;
    });
    return redirect(location);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function NewMinilab() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const v = (k: string, fallback = "") => valueOf(a?.values, k, fallback);
  return (
    <Page>
      <PageTitle title={`Ouvrir un Mini-Lab – ${d.lab.name}`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Espace lab", to: "/lab" }, { label: "Mini-Labs", to: `/lab/${d.lab.slug}/minilabs` }]} current="Ouvrir un Mini-Lab" />
      <h1>Ouvrir un Mini-Lab</h1>
      <p>Les porteurs des idées du thème choisi (auteurs et co-auteurs) sont invités automatiquement&nbsp;; les autres agents rejoignent librement ou sur demande.</p>
      <AppForm>
        <ErrorSummary errors={a?.errors} formError={a?.formError} />
        <SelectField
          name="themeId"
          label="Thème publié (facultatif)"
          hint="Laissez vide pour un Mini-Lab sans thème."
          options={d.themes.map((t) => ({ value: t.id, label: `${t.label} (${t.analysis})` }))}
          placeholder="Sans thème"
          defaultValue={v("themeId", d.themeId)}
          error={a?.errors?.themeId}
        />
        <Field name="name" label="Nom du Mini-Lab" error={a?.errors?.name} defaultValue={v("name")} maxLength={120} />
        <Field name="question" label="Question travaillée" hint={"Par exemple\u00a0: comment réduire le gaspillage à la cantine sans allonger le service\u00a0?"} textarea rows={3} error={a?.errors?.question} defaultValue={v("question")} />
        <RadioGroup
          name="joinPolicy"
          legend="Adhésion des autres agents"
          options={(Object.keys(joinPolicies) as (keyof typeof joinPolicies)[]).map((k) => ({ value: k, label: joinPolicies[k] }))}
          defaultValue={v("joinPolicy", "open")}
          error={a?.errors?.joinPolicy}
        />
        <RadioGroup
          name="visibility"
          legend="Visibilité du Mini-Lab"
          options={(Object.keys(visibilities) as (keyof typeof visibilities)[]).map((k) => ({ value: k, label: visibilities[k].label, hint: frenchSpaces(visibilities[k].hint) }))}
          defaultValue={v("visibility", "public")}
          error={a?.errors?.visibility}
        />
        <Field name="facilitators" label="Animateurs (adresses électroniques)" hint="Séparées par des virgules ou des retours à la ligne." textarea rows={2} error={a?.errors?.facilitators} defaultValue={v("facilitators")} />
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-3">
            <Field name="sessionsFrom" label="Début des sessions" type="date" error={a?.errors?.sessionsFrom} defaultValue={v("sessionsFrom")} />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <Field name="sessionsUntil" label="Fin des sessions" type="date" error={a?.errors?.sessionsUntil} defaultValue={v("sessionsUntil")} />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <Field name="restitutionOn" label="Restitution" type="date" error={a?.errors?.restitutionOn} defaultValue={v("restitutionOn")} />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <Field name="arbitrationOn" label="Arbitrage" type="date" error={a?.errors?.arbitrationOn} defaultValue={v("arbitrationOn")} />
          </div>
        </div>
        <Field name="directorates" label="Directions concernées" hint={"Une par ligne, par exemple\u00a0: Direction des lycées."} textarea rows={3} error={a?.errors?.directorates} defaultValue={v("directorates")} />
        <SubmitButton>Ouvrir le Mini-Lab</SubmitButton>
      </AppForm>
    </Page>
  );
}
