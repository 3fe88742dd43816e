import { Link, redirect, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/jury-idea";
import { formatNumber } from "~/kernel/format";
import { invalid, optionalText, parseForm } from "~/kernel/forms";
import { AppForm, ErrorSummary, Field, PageTitle, SubmitButton, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { jurorIdeaPage, scoreIdea, scoringContext } from "~/jury/service";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const page = await jurorIdeaPage(params.ideaId, s).catch(loaderFailure);
  return { ...page, saved: new URL(request.url).searchParams.has("notee") };
}

/** The scoring schema depends on the campaign: one score (0..scale) and one comment per criterion. */
function scoringSchema(criteria: { id: string; label: string }[], scaleMax: number) {
  const shape: Record<string, z.ZodType> = { comment: optionalText("Commentaire général", 3000) };
  for (const c of criteria) {
    shape[`score.${c.id}`] = z.coerce
      .number({ error: `«\u00a0${c.label}\u00a0»\u00a0: note attendue.` })
      .int(`«\u00a0${c.label}\u00a0»\u00a0: note entière attendue.`)
      .min(0, `«\u00a0${c.label}\u00a0»\u00a0: note de 0 à ${scaleMax}.`)
      .max(scaleMax, `«\u00a0${c.label}\u00a0»\u00a0: note de 0 à ${scaleMax}.`);
    shape[`comment.${c.id}`] = optionalText(`Commentaire sur «\u00a0${c.label}\u00a0»`, 1000);
  }
  return z.object(shape);
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    const ctx = await scoringContext(params.ideaId, s);
    // Empty strings are missing scores, not zeros.
    const p = parseForm(fd, scoringSchema(ctx.criteria, ctx.scaleMax), (f) =>
      Object.fromEntries([...f.keys()].map((k) => [k, f.get(k) === "" && k.startsWith("score.") ? undefined : f.get(k)])),
    );
    if (!p.ok) return invalid(p);
    const data = p.data as Record<string, unknown>;
    await scoreIdea(ctx.ideaId, s, {
      comment: String(data.comment ?? ""),
      scores: Object.fromEntries(ctx.criteria.map((c) => [c.id, { score: Number(data[`score.${c.id}`]), comment: String(data[`comment.${c.id}`] ?? "") }])),
    });
    return redirect(`/jury/idees/${ctx.ideaId}?notee=1`);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function JuryIdea() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const e = a?.errors ?? {};
  const val = (k: string, fallback: string) => (a?.values?.[k] as string | undefined) ?? fallback;
  return (
    <Page>
      <PageTitle title={`Noter «\u00a0${d.idea.title}\u00a0»`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Mes jurys", to: "/jury" }, { label: d.campaign.title, to: `/jury/campagnes/${d.campaign.id}` }]} current={d.idea.title} />
      {d.saved && !a && (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <p>
            Vos notes sont enregistrées ({d.progress.scored} sur {d.progress.total}).{" "}
            {d.nextId ? <Link to={`/jury/idees/${d.nextId}`}>Idée suivante à noter</Link> : "Vous avez noté toutes les idées."}
          </p>
        </div>
      )}
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <h1>{d.idea.title}</h1>
      <p className="germoir-meta">Proposée par {d.idea.author}</p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <h2>Le problème constaté</h2>
          <p style={{ whiteSpace: "pre-line" }}>{d.idea.problem}</p>
          <h2>La proposition</h2>
          <p style={{ whiteSpace: "pre-line" }}>{d.idea.proposal}</p>
          <h2>Qui en bénéficie</h2>
          <p>{d.idea.beneficiaries}</p>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <h2>{d.mine ? "Mes notes" : "Noter cette idée"}</h2>
          {!d.scoringOpen ? (
            <div className="fr-alert fr-alert--info">
              <p>Le jury note les idées une fois la campagne clôturée{"\u00a0"}: jusque-là, leurs auteurs peuvent encore les modifier.</p>
            </div>
          ) : (
          <AppForm noValidate>
            {d.criteria.map((c) => (
              <fieldset key={c.id} className="fr-fieldset">
                <legend className="fr-fieldset__legend">
                  {c.label} <span className="fr-hint-text">Poids {c.weight}</span>
                </legend>
                <div className="fr-fieldset__element">
                  <Field
                    name={`score.${c.id}`}
                    label={`Note de 0 à ${d.campaign.scaleMax}`}
                    type="number"
                    min={0}
                    max={d.campaign.scaleMax}
                    inputMode="numeric"
                    error={e[`score.${c.id}`]}
                    defaultValue={val(`score.${c.id}`, d.mine?.scores[c.id] ? String(d.mine.scores[c.id].score) : "")}
                  />
                </div>
                <div className="fr-fieldset__element">
                  <Field name={`comment.${c.id}`} label="Commentaire (facultatif)" error={e[`comment.${c.id}`]} defaultValue={val(`comment.${c.id}`, d.mine?.scores[c.id]?.comment ?? "")} />
                </div>
              </fieldset>
            ))}
            <Field name="comment" label="Commentaire général (facultatif)" textarea rows={3} error={e.comment} defaultValue={val("comment", d.mine?.comment ?? "")} />
            <SubmitButton>{d.mine ? "Mettre à jour mes notes" : "Enregistrer mes notes"}</SubmitButton>
          </AppForm>
          )}
          <h2 className="fr-mt-4w">Notes des autres jurés</h2>
          {!d.mine ? (
            <p>Les notes des autres jurés s’affichent une fois les vôtres enregistrées.</p>
          ) : d.others.length === 0 ? (
            <p>Aucun autre juré n’a encore noté cette idée.</p>
          ) : (
            <div className="fr-table">
              <table>
                <caption>Notes des autres jurés</caption>
                <thead>
                  <tr>
                    <th scope="col">Juré</th>
                    {d.criteria.map((c) => (
                      <th key={c.id} scope="col">
                        {c.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {d.others.map((o) => (
                    <tr key={o.juror}>
                      <td>{o.juror}</td>
                      {d.criteria.map((c) => (
                        <td key={c.id}>{o.scores[c.id] ? formatNumber(o.scores[c.id].score) : "–"}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </div>
    </Page>
  );
}
