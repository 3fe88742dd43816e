import { redirect, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/sign-in-demo";
import { runtime } from "~/kernel/runtime";
import { getSession } from "~/kernel/http/context";
import { notFound } from "~/kernel/permissions";
import { formError, invalid, parseForm, uuidField } from "~/kernel/forms";
import { AppForm, ErrorSummary, Field, PageTitle, SelectField, SubmitButton, type ActionResult } from "~/kernel/ui/forms";
import { demoSignIn } from "~/accounts/sign-in";
import { demoPersonas } from "~/demo/personas";
import { safeReturnPath } from "~/web/auth";
import { Page } from "~/web/layout";

function requireDemo() {
  if (!runtime().config.demoLogin) notFound();
}

export async function loader({ request }: Route.LoaderArgs) {
  requireDemo();
  const { personas, options } = await demoPersonas();
  return { personas, options, returnTo: safeReturnPath(new URL(request.url).searchParams.get("retour")) };
}

const schema = z.union(
  [
    z.object({ userId: uuidField("Profil"), returnTo: z.string().max(500).optional() }),
    z.object({ email: z.email("Adresse électronique\u00a0: format invalide.").max(200), returnTo: z.string().max(500).optional() }),
  ],
  { error: "Profil\u00a0: choisissez un agent dans la liste ou saisissez son adresse." },
);

export async function action({ request, context }: Route.ActionArgs) {
  requireDemo();
  const fd = await request.formData();
  const parsed = parseForm(fd, schema);
  if (!parsed.ok) return invalid(parsed);
  const session = await demoSignIn("userId" in parsed.data ? { userId: parsed.data.userId } : { email: parsed.data.email }, getSession(context).sessionId);
  if (!session) return formError(fd, "Ce profil de démonstration n’existe pas.");
  return redirect(safeReturnPath(parsed.data.returnTo), { headers: { "Set-Cookie": session.cookie } });
}

export default function DemoSignIn() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  return (
    <Page>
      <PageTitle title="Profil de démonstration" error={!!a?.errors || !!a?.formError} />
      <h1>Choisir un profil de démonstration</h1>
      <p className="fr-text--lead">Entrez dans Germoir sous l’identité d’un agent fictif du Grand Est.</p>
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <h2>Rôles clés</h2>
      <ul className="fr-grid-row fr-grid-row--gutters germoir-card-list">
        {d.personas.map((p) => (
          <li key={p.id} className="fr-col-12 fr-col-md-6 fr-col-lg-4">
            <div className="fr-card fr-card--sm">
              <div className="fr-card__body">
                <div className="fr-card__content">
                  <h3 className="fr-card__title">{p.name}</h3>
                  <p className="fr-card__detail">{p.roles}</p>
                  <p className="fr-card__desc">
                    {p.job}
                    {p.org ? ` – ${p.org}` : ""}
                  </p>
                </div>
                <div className="fr-card__footer">
                  <AppForm>
                    <input type="hidden" name="userId" value={p.id} />
                    <input type="hidden" name="returnTo" value={d.returnTo} />
                    <button type="submit" className="fr-btn fr-btn--sm">
                      Entrer en tant que {p.name}
                    </button>
                  </AppForm>
                </div>
              </div>
            </div>
          </li>
        ))}
      </ul>
      <h2>Tous les agents</h2>
      <AppForm>
        <input type="hidden" name="returnTo" value={d.returnTo} />
        <SelectField name="userId" label="Agent" options={d.options} placeholder="Choisir un agent" error={a?.errors?.userId ?? a?.errors?._form} />
        <SubmitButton>Entrer</SubmitButton>
      </AppForm>
      <AppForm className="fr-mt-4w">
        <input type="hidden" name="returnTo" value={d.returnTo} />
        <Field name="email" label="Ou l’adresse électronique d’un agent de démonstration" type="email" autoComplete="off" error={a?.errors?.email} defaultValue={a?.values?.email as string | undefined} />
        <SubmitButton secondary>Entrer avec cette adresse</SubmitButton>
      </AppForm>
    </Page>
  );
}
