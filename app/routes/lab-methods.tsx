import { Link, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/lab-methods";
import { formError, invalid, parseForm, uuidField } from "~/kernel/forms";
import { AppForm, ErrorSummary, Field, PageTitle, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb, SuccessNotice } from "~/kernel/ui/page";
import { methodSchema } from "~/minilabs/session-schemas";
import { addMethod, archiveMethod, methodsPage } from "~/minilabs/session-service";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  return methodsPage(s, params.labSlug).catch(loaderFailure);
}

const archiveSchema = z.object({ intent: z.enum(["archive", "restore"]), methodId: uuidField("Méthode") });

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await methodsPage(s, params.labSlug);
    if (fd.get("intent") === "add") {
      const p = parseForm(fd, methodSchema);
      if (!p.ok) return invalid(p);
      await addMethod(s, params.labSlug, p.data.label, p.data.description);
      return { ok: true, message: `La méthode « ${p.data.label} » est dans la liste.` };
    }
    const p = parseForm(fd, archiveSchema);
    if (!p.ok) return formError(fd, "Action inconnue.");
    await archiveMethod(s, params.labSlug, p.data.methodId, p.data.intent === "archive");
    return { ok: true, message: p.data.intent === "archive" ? "La méthode est retirée de la liste." : "La méthode est de retour dans la liste." };
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function LabMethods() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  return (
    <Page>
      <PageTitle title={`Méthodes d’animation – ${d.lab.name}`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Espace lab", to: "/lab" }, { label: "Mini-Labs", to: `/lab/${d.lab.slug}/minilabs` }]} current="Méthodes d’animation" />
      <h1>Méthodes d’animation</h1>
      <p>
        Les animateurs choisissent dans cette liste les méthodes de chaque séance de Mini-Lab. Chaque méthode est une fiche des{" "}
        <Link to={`/lab/${d.lab.slug}/ressources`}>ressources du lab</Link>{"\u00a0"}: objectif, déroulé, matériel, modèles à joindre.
      </p>
      <SuccessNotice message={a?.ok ? a.message : null} />
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <div className="fr-table">
        <table>
          <caption>Méthodes du lab</caption>
          <thead>
            <tr>
              <th scope="col">Méthode</th>
              <th scope="col">Description</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {d.methods.map((m) => (
              <tr key={m.id}>
                <td>
                  {m.label}
                  {m.archived_at ? " (retirée)" : ""}
                </td>
                <td>{m.description}</td>
                <td>
                  <AppForm>
                    <input type="hidden" name="methodId" value={m.id} />
                    <button type="submit" name="intent" value={m.archived_at ? "restore" : "archive"} className="fr-btn fr-btn--sm fr-btn--secondary">
                      {m.archived_at ? "Remettre dans la liste" : "Retirer de la liste"}
                      <span className="fr-sr-only"> : {m.label}</span>
                    </button>
                  </AppForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Ajouter une méthode</h2>
      <AppForm>
        <input type="hidden" name="intent" value="add" />
        <Field name="label" label="Nom de la méthode" required maxLength={80} defaultValue={valueOf(a?.values, "label")} error={a?.errors?.label} />
        <Field name="description" label="Description" hint="En une phrase, pour les animateurs." maxLength={500} defaultValue={valueOf(a?.values, "description")} error={a?.errors?.description} />
        <SubmitButton>Ajouter la méthode</SubmitButton>
      </AppForm>
    </Page>
  );
}
