import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-committees";
import { once } from "~/kernel/db/once";
import { invalid, parseForm } from "~/kernel/forms";
import { formatDate, frenchSpaces, plural } from "~/kernel/format";
import { AppForm, ErrorSummary, Field, PageTitle, RadioGroup, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { createCommitteeFor, labCommittees } from "~/committees";
import { committeeSchema } from "~/committees/schemas";
import { CommitteeCrumbs } from "~/committees/client";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";
import { Refusal } from "~/kernel/permissions";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  return labCommittees(s, params.labSlug).catch(loaderFailure);
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    // who may create, before what they typed
    const page = await labCommittees(s, params.labSlug);
    if (!page.labTeam) throw new Refusal("Ce comité n’existe pas.", 404);
    const p = parseForm(fd, committeeSchema);
    if (!p.ok) return invalid(p);
    const input = p.data;
    const location = await once(s.userId, fd, `committee-new:${params.labSlug}`, async () => {
      const committee = await createCommitteeFor(s, params.labSlug, input);
      return `/lab/${params.labSlug}/comites/${committee.id}?cree=1`;
    });
    return redirect(location);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function LabCommittees() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const v = (k: string, fallback = "") => valueOf(a?.values, k, fallback);
  return (
    <Page>
      <PageTitle title={`Comités – ${d.lab.name}`} error={!!a && !a.ok} />
      <CommitteeCrumbs labSlug={d.lab.slug} steps={[]} />
      <h1>Comités – {d.lab.name}</h1>
      <p>Le comité de projet assure la gouvernance opérationnelle ; le comité de pilotage, paritaire État–Région, valide les orientations et les projets accompagnés.</p>
      <p>
        <Link to={`/lab/${d.lab.slug}/pilotage`}>Tableau de pilotage du lab</Link>
        {"\u00a0"}: idées, demandes, projets et décisions, chiffrés à la demande.
      </p>
      {d.committees.length === 0 ? (
        <p>Aucun comité pour l’instant.</p>
      ) : (
        <ul className="fr-grid-row fr-grid-row--gutters germoir-plain-list">
          {d.committees.map((c) => (
            <li key={c.id} className="fr-col-12 fr-col-md-6">
              <div className="fr-card fr-enlarge-link">
                <div className="fr-card__body">
                  <div className="fr-card__content">
                    <h2 className="fr-card__title">
                      <Link to={`/lab/${d.lab.slug}/comites/${c.id}`}>{c.name}</Link>
                    </h2>
                    <p className="fr-card__desc">
                      {c.kindLabel}
                      {c.rhythm ? ` · ${frenchSpaces(c.rhythm)}` : ""} · {plural(c.members, "membre", "membres")} · {plural(c.meetings, "réunion", "réunions")}
                    </p>
                    <p className="fr-card__detail">{c.nextMeeting ? `Prochaine réunion : ${formatDate(c.nextMeeting)}` : "Aucune réunion prévue"}</p>
                  </div>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {d.labTeam && (
        <section aria-labelledby="new-committee" className="fr-mt-6w">
          <h2 id="new-committee">Créer un comité</h2>
          <AppForm>
            <ErrorSummary errors={a?.errors} formError={a?.formError} />
            <RadioGroup
              name="kind"
              legend="Type de comité"
              error={a?.errors?.kind}
              defaultValue={v("kind", "steering")}
              options={[
                { value: "steering", label: "Comité de pilotage (stratégique, paritaire État–Région)", hint: "Quorum par défaut : la moitié des membres de chaque côté." },
                { value: "project", label: "Comité de projet (opérationnel)", hint: "Quorum par défaut : la moitié des membres." },
              ]}
            />
            <Field name="name" label="Nom" hint={"Par exemple\u00a0: Comité de pilotage État–Région."} error={a?.errors?.name} defaultValue={v("name")} maxLength={150} />
            <Field name="rhythm" label="Rythme (facultatif)" hint={"Par exemple\u00a0: trimestriel."} error={a?.errors?.rhythm} defaultValue={v("rhythm")} maxLength={100} />
            <SubmitButton>Créer le comité</SubmitButton>
          </AppForm>
        </section>
      )}
    </Page>
  );
}
