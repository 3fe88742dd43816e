import { Link, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/skills-mine";
import { formError, invalid, parseForm } from "~/kernel/forms";
import { AppForm, ErrorSummary, Field, PageTitle, RadioGroup, SelectField, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb, SuccessNotice } from "~/kernel/ui/page";
import { mySkillsAction, mySkillsPage } from "~/skills";
import { mySkillsActionSchema } from "~/skills/schemas";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return mySkillsPage(viewer).catch(loaderFailure);
}

export async function action({ context, request }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    const p = parseForm(fd, mySkillsActionSchema);
    if (!p.ok) {
      if (p.errors.intent) return formError(fd, "Action inconnue.");
      return invalid(p);
    }
    return { ok: true, message: await mySkillsAction(viewer, p.data) };
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function MySkills() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const intent = valueOf(a?.values, "intent");
  const err = (name: string, forIntent: string) => (intent === forIntent ? a?.errors?.[name] : undefined);
  return (
    <Page>
      <PageTitle title="Mes compétences" error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Annuaire des compétences", to: "/competences" }]} current="Mes compétences" />
      <h1>Mes compétences</h1>
      <p>
        {d.listed
          ? "Vous figurez dans l’annuaire\u00a0: les autres agents vous trouvent par vos compétences et peuvent vous écrire dans Germoir (votre adresse électronique n’est jamais montrée)."
          : "Vous ne figurez pas dans l’annuaire\u00a0: déclarez une compétence pour y paraître. Retirez toutes vos compétences pour en sortir."}
      </p>
      <SuccessNotice message={a?.ok ? a.message : null} />
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      {d.mine.length > 0 && (
        <div className="fr-table">
          <table>
            <caption>Mes compétences déclarées</caption>
            <thead>
              <tr>
                <th scope="col">Compétence</th>
                <th scope="col">Niveau</th>
                <th scope="col">Prêt à aider</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {d.mine.map((m) => (
                <tr key={m.skillId}>
                  <td>{m.label}</td>
                  <td>{m.levelLabel}</td>
                  <td>{m.willing ? "Oui" : "Non"}</td>
                  <td>
                    <AppForm>
                      <input type="hidden" name="skillId" value={m.skillId} />
                      <button type="submit" name="intent" value="withdraw" className="fr-btn fr-btn--sm fr-btn--secondary">
                        Retirer<span className="fr-sr-only"> {m.label}</span>
                      </button>
                    </AppForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Déclarer une compétence</h2>
      <AppForm noValidate>
        <input type="hidden" name="intent" value="declare" />
        <SelectField name="skillId" label="Compétence" hint={"La liste est commune aux labs\u202f; une compétence déjà déclarée est mise à jour."} options={d.skills} placeholder="Choisir une compétence" defaultValue={intent === "declare" ? valueOf(a?.values, "skillId") : ""} error={err("skillId", "declare")} />
        <RadioGroup name="level" legend="Niveau" options={d.levels} defaultValue={intent === "declare" ? valueOf(a?.values, "level") : "practice"} error={err("level", "declare")} inline />
        <div className="fr-checkbox-group fr-mb-3w">
          <input type="checkbox" id="field-willing" name="willing" defaultChecked={intent === "declare" ? valueOf(a?.values, "willing") === "on" : true} />
          <label className="fr-label" htmlFor="field-willing">
            Je suis prêt ou prête à aider d’autres services avec cette compétence
          </label>
        </div>
        <SubmitButton>Déclarer la compétence</SubmitButton>
      </AppForm>
      <h2 className="fr-mt-4w">Mon profil d’expert</h2>
      <AppForm noValidate>
        <input type="hidden" name="intent" value="profile" />
        <div className="fr-checkbox-group fr-mb-2w">
          <input type="checkbox" id="field-expert" name="expert" defaultChecked={intent === "profile" ? valueOf(a?.values, "expert") === "on" : d.profile.expert} />
          <label className="fr-label" htmlFor="field-expert">
            Je me présente comme expert ou experte (mes domaines et ma disponibilité paraissent dans l’annuaire)
          </label>
        </div>
        <Field name="domains" label="Domaines d’expertise" textarea rows={3} maxLength={1000} defaultValue={intent === "profile" ? valueOf(a?.values, "domains") : d.profile.domains} error={err("domains", "profile")} />
        <Field name="availability" label="Disponibilité" hint={"Par exemple\u00a0: une demi-journée par mois."} maxLength={300} defaultValue={intent === "profile" ? valueOf(a?.values, "availability") : d.profile.availability} error={err("availability", "profile")} />
        <SubmitButton secondary>Enregistrer le profil</SubmitButton>
      </AppForm>
      <h2 className="fr-mt-4w">Mes conversations</h2>
      {d.conversations.length === 0 ? (
        <p>Aucune conversation.</p>
      ) : (
        <ul>
          {d.conversations.map((c) => (
            <li key={c.id}>
              <Link to={`/competences/messages/${c.id}`}>Avec {c.with}</Link> – {c.at}
              {c.unread ? " (non lu)" : ""}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
