import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-analyses";
import { once } from "~/kernel/db/once";
import { invalid, parseForm } from "~/kernel/forms";
import { formatDateTime } from "~/kernel/format";
import { AppForm, CheckboxGroup, ErrorSummary, Field, PageTitle, RadioGroup, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { labAnalysesPage, startAnalysis } from "~/themes";
import { newAnalysisSchema, readNewAnalysis } from "~/themes/schemas";
import { analysisScopes, runStatuses } from "~/themes/model";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const page = await labAnalysesPage(s, params.labSlug).catch(loaderFailure);
  const preselected = new URL(request.url).searchParams.getAll("campagne");
  return { ...page, preselected };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await labAnalysesPage(s, params.labSlug);
    const p = parseForm(fd, newAnalysisSchema, readNewAnalysis);
    if (!p.ok) return invalid(p);
    const data = p.data;
    const location = await once(s.userId, fd, `analysis-new:${params.labSlug}`, async () => {
      const a = await startAnalysis(s, params.labSlug, data);
      return `/lab/analyses/${a.id}`;
    });
    return redirect(location);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function LabAnalyses() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const checked = a?.values?.campaignIds ? ([] as string[]).concat(a.values.campaignIds) : d.preselected;
  return (
    <Page>
      <PageTitle title={`Problématiques – ${d.lab.name}`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Espace lab", to: "/lab" }]} current="Problématiques" />
      <h1>Problématiques – {d.lab.name}</h1>
      <p>
        Germoir lit les idées d’une ou plusieurs campagnes et propose les problématiques de fond qui les traversent. L’analyse tourne en arrière-plan{"\u202f"}; vous
        pouvez quitter la page et revenir.
      </p>
      {d.analyses.length > 0 && (
        <div className="fr-table">
          <table>
            <caption>Analyses du lab</caption>
            <thead>
              <tr>
                <th scope="col">Analyse</th>
                <th scope="col">Créée le</th>
                <th scope="col">Dernière exécution</th>
                <th scope="col">Publication</th>
              </tr>
            </thead>
            <tbody>
              {d.analyses.map((x) => (
                <tr key={x.id}>
                  <td>
                    <Link to={`/lab/analyses/${x.id}`}>{x.title}</Link>
                  </td>
                  <td>{formatDateTime(x.createdAt)}</td>
                  <td>{x.status ? runStatuses[x.status] : "—"}</td>
                  <td>{x.publishedAt ? `Publiée le ${formatDateTime(x.publishedAt)}` : "Non publiée"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Nouvelle analyse</h2>
      {d.campaigns.length === 0 ? (
        <p>Ce lab n’a encore aucune campagne publiée à analyser.</p>
      ) : (
        <AppForm>
          <ErrorSummary errors={a?.errors} formError={a?.formError} />
          <CheckboxGroup
            name="campaignIds"
            legend="Campagnes à analyser"
            hint="Une ou plusieurs campagnes du lab."
            error={a?.errors?.campaignIds}
            defaultValues={checked}
            options={d.campaigns.map((c) => ({ value: c.id, label: c.title }))}
          />
          <RadioGroup
            name="scope"
            legend="Idées analysées"
            error={a?.errors?.scope}
            defaultValue={valueOf(a?.values, "scope", "not_awarded")}
            options={(Object.keys(analysisScopes) as (keyof typeof analysisScopes)[]).map((k) => ({ value: k, label: analysisScopes[k] }))}
          />
          <Field
            name="k"
            label="Nombre de thèmes"
            hint="Laissez vide pour que Germoir le choisisse (il montre pourquoi), ou un nombre entre 2 et 30."
            inputMode="numeric"
            error={a?.errors?.k}
            defaultValue={valueOf(a?.values, "k")}
          />
          <Field name="title" label="Titre de l’analyse (facultatif)" hint="Par défaut, le nom des campagnes." error={a?.errors?.title} defaultValue={valueOf(a?.values, "title")} />
          <SubmitButton>Lancer l’analyse</SubmitButton>
        </AppForm>
      )}
    </Page>
  );
}
