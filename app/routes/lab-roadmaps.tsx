import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-roadmaps";
import { invalid, parseForm } from "~/kernel/forms";
import { once } from "~/kernel/db/once";
import { AppForm, ErrorSummary, Field, PageTitle, SelectField, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { createRoadmap, labRoadmaps } from "~/roadmaps";
import { roadmapCreateSchema } from "~/roadmaps/schemas";
import { ProgressBar, RoadmapCrumbs } from "~/roadmaps/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return labRoadmaps(viewer, params.labSlug).catch(loaderFailure);
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await labRoadmaps(viewer, params.labSlug);
    const p = parseForm(fd, roadmapCreateSchema);
    if (!p.ok) return invalid(p);
    const input = p.data;
    const location = await once(viewer.userId, fd, `roadmap-new:${params.labSlug}`, async () => {
      const roadmap = await createRoadmap(viewer, params.labSlug, input);
      return `/lab/${params.labSlug}/feuille-de-route/${roadmap.id}?fait=cree`;
    });
    return redirect(location);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function LabRoadmaps() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  return (
    <Page>
      <PageTitle title={`Feuille de route – ${d.lab.name}`} error={!!a && !a.ok} />
      <RoadmapCrumbs steps={[{ to: "/lab", label: "Espace lab" }, { label: "Feuille de route" }]} />
      <h1>Feuille de route – {d.lab.name}</h1>
      <p>
        Les axes, projets phares, leviers de transformation et projets connexes du lab, leur avancement calculé à partir des étapes des projets et des jalons franchis, et le traceur public{"\u00a0"}:{" "}
        <Link to={`/traceur/${d.lab.slug}`}>/traceur/{d.lab.slug}</Link>.
      </p>
      {d.roadmaps.length === 0 ? (
        <p>Le lab n’a pas encore de feuille de route.</p>
      ) : (
        <ul className="fr-raw-list fr-mb-4w">
          {d.roadmaps.map((r) => (
            <li key={r.id} className="fr-mb-2w">
              <h2 className="fr-h5 fr-mb-1v">
                <Link to={`/lab/${d.lab.slug}/feuille-de-route/${r.id}`}>{r.title}</Link>
              </h2>
              <p className="fr-text--sm fr-mb-1v">
                {r.labs.join(" et ")} · {r.items}
                {"\u00a0"}éléments · {r.published ? "publiée sur le traceur" : "pas encore publiée"}
              </p>
              <ProgressBar percent={r.percent} label={r.percentLabel} />
            </li>
          ))}
        </ul>
      )}
      <h2>Créer une feuille de route</h2>
      <AppForm noValidate>
        <ErrorSummary errors={a?.errors} formError={a?.formError} />
        <Field name="title" label="Titre" error={a?.errors?.title} defaultValue={valueOf(a?.values, "title")} required />
        <Field name="description" label="Présentation" hint="Facultatif." textarea rows={3} error={a?.errors?.description} defaultValue={valueOf(a?.values, "description")} />
        <SelectField name="partnerLab" label="Lab partenaire" hint={"Facultatif\u00a0: une feuille de route tenue avec un autre lab (son équipe la modifie aussi, son traceur la montre)."} placeholder="Aucun" options={d.partnerChoices} error={a?.errors?.partnerLab} defaultValue={valueOf(a?.values, "partnerLab")} />
        <SubmitButton>Créer la feuille de route</SubmitButton>
      </AppForm>
    </Page>
  );
}
