import { useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/lab-roles";
import { formError, invalid, parseForm, uuidField } from "~/kernel/forms";
import { roleKeys, roles } from "~/kernel/permissions";
import { AppForm, ErrorSummary, Field, PageTitle, RadioGroup, SelectField, SubmitButton, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb, SuccessNotice } from "~/kernel/ui/page";
import { chooseDeletedContributions, grantByEmail, labMembers, requireLabRole, revoke } from "~/labs/service";
import { deletedContributionsChoices, type DeletedContributions } from "~/labs/labs";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const lab = await requireLabRole(params.labSlug, s.principal, "admin").catch(loaderFailure);
  return { lab: { slug: lab.slug, name: lab.name, deletedContributions: lab.deleted_contributions }, members: await labMembers(lab), me: s.user.id };
}

const roleField = z.enum(roleKeys as [string, ...string[]], { error: "Rôle\u00a0: choisissez un rôle de la liste." });
const grantSchema = z.object({ intent: z.literal("grant"), email: z.email("Adresse électronique\u00a0: format invalide.").max(200), role: roleField });
const deletedContributionsSchema = z.object({
  intent: z.literal("deletedContributions"),
  choice: z.enum(Object.keys(deletedContributionsChoices) as [DeletedContributions, ...DeletedContributions[]], { error: "Contributions des comptes supprimés\u00a0: choisissez une option." }),
});
const revokeSchema = z.object({ intent: z.literal("revoke"), userId: uuidField("Membre"), role: roleField });

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await requireLabRole(params.labSlug, s.principal, "admin");
    if (fd.get("intent") === "revoke") {
      const p = parseForm(fd, revokeSchema);
      if (!p.ok) return invalid(p);
      await revoke(params.labSlug, s.principal, p.data.userId, p.data.role as keyof typeof roles);
      return { ok: true, message: "Le rôle est retiré." };
    }
    if (fd.get("intent") === "deletedContributions") {
      const p = parseForm(fd, deletedContributionsSchema);
      if (!p.ok) return invalid(p);
      await chooseDeletedContributions(params.labSlug, s.principal, p.data.choice);
      return { ok: true, message: "Le choix du lab pour les comptes supprimés est enregistré." };
    }
    if (fd.get("intent") !== "grant") return formError(fd, "Action inconnue.");
    const p = parseForm(fd, grantSchema);
    if (!p.ok) return invalid(p);
    await grantByEmail(params.labSlug, s.principal, p.data.email, p.data.role as keyof typeof roles);
    return { ok: true, message: "Le rôle est attribué." };
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function LabRoles() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  return (
    <Page>
      <PageTitle title={`Rôles – ${d.lab.name}`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Espace lab", to: "/lab" }]} current="Rôles" />
      <h1>Rôles – {d.lab.name}</h1>
      <SuccessNotice message={a?.ok ? a.message : null} />
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <AppForm>
        <input type="hidden" name="intent" value="grant" />
        <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div className="fr-col-12 fr-col-md-5">
            <Field name="email" label="Adresse électronique de l’agent" type="email" error={a?.errors?.email} defaultValue={a?.ok ? "" : (a?.values?.email as string | undefined)} />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <SelectField name="role" label="Rôle" options={roleKeys.map((r) => ({ value: r, label: roles[r] }))} placeholder="Choisir un rôle" error={a?.errors?.role} />
          </div>
          <div className="fr-col-12 fr-col-md-3 fr-mb-3w">
            <SubmitButton>Attribuer</SubmitButton>
          </div>
        </div>
      </AppForm>
      <div className="fr-table">
        <table>
          <caption>Membres et rôles</caption>
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Rôle</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {d.members.map((m) => (
              <tr key={`${m.userId}-${m.role}`}>
                <td>{m.name}</td>
                <td>{m.roleLabel}</td>
                <td>
                  {!(m.userId === d.me && m.role === "admin") && (
                    <AppForm>
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="userId" value={m.userId} />
                      <input type="hidden" name="role" value={m.role} />
                      <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary">
                        Retirer le rôle «{"\u00a0"}{m.roleLabel}{"\u00a0"}» à {m.name}
                      </button>
                    </AppForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="deleted-contributions-title" className="fr-mt-6w">
        <h2 id="deleted-contributions-title">Contributions des comptes supprimés</h2>
        <p>
          Quand un agent supprime son compte (page «{"\u00a0"}Mes données{"\u00a0"}»), ses données personnelles sont effacées. Ses contributions dans les espaces de ce lab (idées, commentaires, messages des communautés, notes des
          tableaux) restent par défaut, signées «{"\u00a0"}Agent supprimé{"\u00a0"}»{"\u202f"}; le lab peut choisir de les retirer. Le choix vaut pour les suppressions à venir.
        </p>
        <AppForm>
          <input type="hidden" name="intent" value="deletedContributions" />
          <RadioGroup
            name="choice"
            legend="À la suppression d’un compte, ses contributions dans ce lab"
            defaultValue={d.lab.deletedContributions}
            error={a?.errors?.choice}
            options={Object.entries(deletedContributionsChoices).map(([value, label]) => ({ value, label }))}
          />
          <SubmitButton secondary>Enregistrer ce choix</SubmitButton>
        </AppForm>
      </section>
    </Page>
  );
}
