import { useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-skills";
import { formError, invalid, parseForm } from "~/kernel/forms";
import { AppForm, ErrorSummary, Field, PageTitle, SelectField, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb, SuccessNotice } from "~/kernel/ui/page";
import { labSkillsAction, labSkillsPage } from "~/skills";
import { labSkillsActionSchema } from "~/skills/schemas";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return labSkillsPage(viewer, params.labSlug).catch(loaderFailure);
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await labSkillsPage(viewer, params.labSlug);
    const p = parseForm(fd, labSkillsActionSchema);
    if (!p.ok) {
      if (p.errors.intent) return formError(fd, "Action inconnue.");
      return invalid(p);
    }
    return { ok: true, message: await labSkillsAction(viewer, params.labSlug, p.data) };
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function LabSkills() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const intent = valueOf(a?.values, "intent");
  const err = (name: string, forIntent: string) => (intent === forIntent ? a?.errors?.[name] : undefined);
  const val = (name: string, forIntent: string) => (intent === forIntent && !a?.ok ? valueOf(a?.values, name) : "");
  return (
    <Page>
      <PageTitle title={`Compétences et experts – ${d.lab.name}`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Espace lab", to: "/lab" }]} current="Compétences et experts" />
      <h1>Compétences et experts</h1>
      <SuccessNotice message={a?.ok ? a.message : null} />
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <h2>La liste des compétences</h2>
      <p>Liste commune{"\u00a0"}: {d.shared.join(", ")}.</p>
      <p>Ajoutées par le lab{"\u00a0"}: {d.own.length ? d.own.join(", ") : "aucune"}.</p>
      {d.others.length > 0 && <p>Ajoutées par les autres labs{"\u00a0"}: {d.others.join(", ")}.</p>}
      <AppForm noValidate>
        <input type="hidden" name="intent" value="addSkill" />
        <Field name="label" label="Nouvelle compétence" maxLength={80} required defaultValue={val("label", "addSkill")} error={err("label", "addSkill")} />
        <SubmitButton>Ajouter à la liste</SubmitButton>
      </AppForm>
      <h2 className="fr-mt-4w">Les experts du lab</h2>
      <p>Chercheurs, universitaires, praticiens d’autres administrations que le lab sollicite{"\u00a0"}: ils paraissent dans l’annuaire, sans coordonnées.</p>
      {d.experts.length === 0 ? (
        <p>Aucun expert.</p>
      ) : (
        <ul>
          {d.experts.map((e) => (
            <li key={e.id} className="fr-mb-1w">
              <strong>{e.name}</strong>
              {e.affiliation ? `, ${e.affiliation}` : ""} ({e.kind.toLowerCase()}) – {e.domains}
              {e.availability ? ` – ${e.availability}` : ""}{" "}
              <AppForm style={{ display: "inline" }}>
                <input type="hidden" name="expertId" value={e.id} />
                <button type="submit" name="intent" value="removeExpert" className="fr-btn fr-btn--sm fr-btn--tertiary">
                  Retirer<span className="fr-sr-only"> {e.name}</span>
                </button>
              </AppForm>
            </li>
          ))}
        </ul>
      )}
      <AppForm noValidate>
        <input type="hidden" name="intent" value="addExpert" />
        <Field name="name" label="Nom" required maxLength={120} defaultValue={val("name", "addExpert")} error={err("name", "addExpert")} />
        <Field name="affiliation" label="Rattachement" hint="Université, laboratoire, administration." maxLength={200} defaultValue={val("affiliation", "addExpert")} error={err("affiliation", "addExpert")} />
        <SelectField name="kind" label="Profil" options={d.kinds} placeholder="Choisir" defaultValue={val("kind", "addExpert")} error={err("kind", "addExpert")} />
        <Field name="domains" label="Domaines" required textarea rows={2} maxLength={1000} defaultValue={val("domains", "addExpert")} error={err("domains", "addExpert")} />
        <Field name="availability" label="Disponibilité" maxLength={300} defaultValue={val("availability", "addExpert")} error={err("availability", "addExpert")} />
        <SubmitButton secondary>Ajouter l’expert</SubmitButton>
      </AppForm>
    </Page>
  );
}
