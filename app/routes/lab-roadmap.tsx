import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-roadmap";
import { formError, invalid, parseForm } from "~/kernel/forms";
import { once } from "~/kernel/db/once";
import { AppForm, ErrorSummary, Field, PageTitle, SelectField, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { roadmapAction, roadmapPage } from "~/roadmaps";
import { formOf, roadmapForms } from "~/roadmaps/schemas";
import { HistoryChart, ProgressBar, RoadmapCrumbs, Why } from "~/roadmaps/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

const done: Record<string, string> = {
  cree: "La feuille de route est créée. Ajoutez ses axes, puis ses projets phares, leviers et projets connexes.",
  settings: "Les réglages sont enregistrés.",
  addItem: "L’élément est ajouté.",
  addCalendar: "L’entrée est ajoutée au calendrier.",
  deleteCalendar: "L’entrée est retirée du calendrier.",
  delete: "L’élément est supprimé, avec tout ce qui lui était rattaché.",
  reorder: "L’ordre est modifié.",
};

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  const page = await roadmapPage(viewer, params.labSlug, params.roadmapId).catch(loaderFailure);
  return { ...page, message: done[new URL(request.url).searchParams.get("fait") ?? ""] ?? null };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await roadmapPage(viewer, params.labSlug, params.roadmapId);
    const schema = formOf(roadmapForms, fd.get("intent"));
    if (!schema) return formError(fd, "Action inconnue.");
    const p = parseForm(fd, schema);
    if (!p.ok) return invalid(p);
    const input = p.data;
    // a resent form adds its item or its calendar entry once
    const location = await once(viewer.userId, fd, `roadmap:${params.roadmapId}:${input.intent}`, async () => {
      const what = await roadmapAction(viewer, params.labSlug, params.roadmapId, input);
      const anchor = what === "addItem" ? "#arbre" : input.intent === "reorder" ? `#element-${input.itemId}` : "";
      return `/lab/${params.labSlug}/feuille-de-route/${params.roadmapId}?fait=${what}${anchor}`;
    });
    return redirect(location);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

type TreeItem = Awaited<ReturnType<typeof loader>>["tree"][number];

function Tree({ items, base, level }: { items: TreeItem[]; base: string; level: number }) {
  if (!items.length) return null;
  return (
    <ul className={level === 0 ? "fr-raw-list" : "fr-raw-list fr-pl-3w"} style={level ? { borderLeft: "2px solid var(--border-default-grey)" } : undefined}>
      {items.map((i, n) => (
        <li key={i.id} className="fr-mb-2w" data-item={i.id} id={`element-${i.id}`}>
          <p className="fr-mb-1v">
            <span className="fr-text--xs fr-text-mention--grey">{i.kindLabel}
              {i.transversal ? " transversal" : ""}
              {"\u00a0"}·{"\u00a0"}</span>
            <Link to={`${base}/elements/${i.id}`} className={level === 0 ? "fr-text--lg fr-text--bold" : undefined}>
              {i.title}
            </Link>{" "}
            <span className="fr-badge fr-badge--sm fr-badge--no-icon">{i.statusLabel}</span>
            {!i.public && <span className="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--warning fr-ml-1v">Interne</span>}
            {i.project?.confidential && <span className="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--warning fr-ml-1v">Projet confidentiel</span>}
          </p>
          <p className="fr-text--sm fr-mb-1v">
            {[i.owner && `Porteur\u00a0: ${i.owner}`, i.weight !== null && `poids ${String(i.weight).replace(".", ",")}`, i.milestones.total > 0 && `${i.milestones.done}\u00a0jalon${i.milestones.done >= 2 ? "s" : ""} franchi${i.milestones.done >= 2 ? "s" : ""} sur ${i.milestones.total}`, i.calendar && `Calendrier prévisionnel\u00a0: ${i.calendar}`].filter(Boolean).join(" · ")}
          </p>
          <ProgressBar percent={i.percent} label={i.percentLabel} />
          <Why text={i.why} />
          {items.length > 1 && (
            <div className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mb-1w">
              {n > 0 && <ReorderButton itemId={i.id} title={i.title} direction="up" />}
              {n < items.length - 1 && <ReorderButton itemId={i.id} title={i.title} direction="down" />}
            </div>
          )}
          <Tree items={i.children as TreeItem[]} base={base} level={level + 1} />
        </li>
      ))}
    </ul>
  );
}

/** One place up or down among its siblings: a plain form, so it works without JavaScript. */
function ReorderButton({ itemId, title, direction }: { itemId: string; title: string; direction: "up" | "down" }) {
  return (
    <AppForm className="fr-mr-1w">
      <input type="hidden" name="intent" value="reorder" />
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" className={`fr-btn fr-btn--tertiary fr-btn--sm ${direction === "up" ? "fr-icon-arrow-up-line" : "fr-icon-arrow-down-line"} fr-btn--icon-left`}>
        {direction === "up" ? "Monter" : "Descendre"}
        <span className="fr-sr-only">{`\u00a0«\u00a0${title}\u00a0»`}</span>
      </button>
    </AppForm>
  );
}

export default function LabRoadmap() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const base = `/lab/${d.lab.slug}/feuille-de-route/${d.roadmap.id}`;
  const failed = (intent: string) => !!a && !a.ok && String(a.values?.intent ?? "") === intent;
  const err = (intent: string, name: string) => (failed(intent) ? a?.errors?.[name] : undefined);
  const val = (intent: string, name: string, fallback = "") => (failed(intent) ? valueOf(a?.values, name, fallback) : fallback);
  return (
    <Page>
      <PageTitle title={`${d.roadmap.title} – Feuille de route`} error={!!a && !a.ok} />
      <RoadmapCrumbs steps={[{ to: "/lab", label: "Espace lab" }, { to: `/lab/${d.lab.slug}/feuille-de-route`, label: "Feuille de route" }, { label: d.roadmap.title }]} />
      {d.message && (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <p>{d.message}</p>
        </div>
      )}
      {a && !a.ok && !["addItem", "addCalendar"].includes(String(a.values?.intent ?? "")) && <ErrorSummary errors={a.errors} formError={a.formError} />}
      <h1>{d.roadmap.title}</h1>
      {d.roadmap.description && <p>{d.roadmap.description}</p>}
      <ProgressBar percent={d.roadmap.percent} label={`Avancement d’ensemble\u00a0: ${d.roadmap.percentLabel}`} />
      <Why text={d.roadmap.why} />
      <p className="fr-text--sm">
        Règle des éléments arrêtés{"\u00a0"}: {d.roadmap.stopRuleLabel.toLowerCase()}. Parts des étapes d’un projet{"\u00a0"}: {Object.entries(d.roadmap.shares).map(([s, v]) => `${d.options.stages.find((x) => x.value === s)?.label.toLowerCase()} ${v}\u00a0%`).join(", ")}.{" "}
        {d.roadmap.published ? (
          <>
            Publiée sur le <Link to={`/traceur/${d.lab.slug}`}>traceur public</Link>.
          </>
        ) : (
          "Pas encore publiée sur le traceur public."
        )}
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Link className="fr-btn fr-btn--secondary" to={`${base}/reglages`}>
            Réglages, parts des étapes et publication
          </Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--tertiary" to={`${base}/import`}>
            Importer un fichier
          </Link>
        </li>
        <li>
          <a className="fr-btn fr-btn--tertiary" href={`${base}/export/feuille-de-route.csv`} download>
            Exporter en CSV
          </a>
        </li>
        <li>
          <a className="fr-btn fr-btn--tertiary" href={`${base}/export/feuille-de-route.xlsx`} download>
            Exporter en XLSX
          </a>
        </li>
      </ul>

      <section aria-labelledby="arbre" className="fr-mt-4w">
        <h2 id="arbre">Axes, projets phares, leviers et projets connexes</h2>
        {d.tree.length === 0 ? <p>Aucun élément pour l’instant{"\u00a0"}: commencez par un axe.</p> : <Tree items={d.tree} base={base} level={0} />}
      </section>

      <section aria-labelledby="ajouter" className="fr-mt-4w">
        <h2 id="ajouter">Ajouter un élément</h2>
        <AppForm noValidate>
          {failed("addItem") && <ErrorSummary errors={a?.errors} formError={a?.formError} />}
          <input type="hidden" name="intent" value="addItem" />
          <SelectField name="kind" label="Type d’élément" options={d.options.kinds} error={err("addItem", "kind")} defaultValue={val("addItem", "kind", "axis")} required />
          <SelectField name="parentId" label="Rattaché à" hint={"Un projet phare se rattache à un axe, un levier à un projet phare, un projet connexe ou une initiative à un levier\u202f; rien pour un axe."} placeholder="Rien (axe)" options={d.options.parents} error={err("addItem", "parentId")} defaultValue={val("addItem", "parentId")} />
          <Field name="title" label="Titre" error={err("addItem", "title")} defaultValue={val("addItem", "title")} required />
          <SelectField name="projectId" label="Projet du lab (projet connexe)" placeholder="Aucun" options={d.options.projects} error={err("addItem", "projectId")} defaultValue={val("addItem", "projectId")} />
          <Field name="description" label="Description" hint="Facultatif." textarea rows={3} error={err("addItem", "description")} defaultValue={val("addItem", "description")} />
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-6">
              <Field name="ownerName" label="Porteur ou porteuse (nom)" hint={"Facultatif\u202f; montré au public seulement avec son accord."} error={err("addItem", "ownerName")} defaultValue={val("addItem", "ownerName")} />
            </div>
            <div className="fr-col-12 fr-col-md-6">
              <Field name="ownerRole" label="Porteur ou porteuse (fonction ou service)" hint="Montré au public à la place du nom." error={err("addItem", "ownerRole")} defaultValue={val("addItem", "ownerRole")} />
            </div>
          </div>
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-4">
              <Field name="startsOn" type="date" label="Début" error={err("addItem", "startsOn")} defaultValue={val("addItem", "startsOn")} />
            </div>
            <div className="fr-col-12 fr-col-md-4">
              <Field name="endsOn" type="date" label="Fin" error={err("addItem", "endsOn")} defaultValue={val("addItem", "endsOn")} />
            </div>
            <div className="fr-col-12 fr-col-md-4">
              <Field name="weight" label="Poids" hint={"Vide\u00a0: compte comme ses voisins."} inputMode="text" error={err("addItem", "weight")} defaultValue={val("addItem", "weight")} />
            </div>
          </div>
          <Field name="calendar" label="Calendrier prévisionnel" hint={"Par exemple\u00a0: septembre à décembre 2021, avec trois services volontaires."} error={err("addItem", "calendar")} defaultValue={val("addItem", "calendar")} />
          <div className="fr-checkbox-group fr-mb-2w">
            <input type="checkbox" id="field-public" name="public" defaultChecked={failed("addItem") ? valueOf(a?.values, "public") === "on" : true} />
            <label className="fr-label" htmlFor="field-public">
              Public (montré sur le traceur)
            </label>
          </div>
          <div className="fr-checkbox-group fr-mb-2w">
            <input type="checkbox" id="field-transversal" name="transversal" defaultChecked={failed("addItem") && valueOf(a?.values, "transversal") === "on"} />
            <label className="fr-label" htmlFor="field-transversal">
              Axe transversal
            </label>
          </div>
          <div className="fr-checkbox-group fr-mb-2w">
            <input type="checkbox" id="field-ownerNamePublic" name="ownerNamePublic" defaultChecked={failed("addItem") && valueOf(a?.values, "ownerNamePublic") === "on"} />
            <label className="fr-label" htmlFor="field-ownerNamePublic">
              Le porteur ou la porteuse accepte d’être nommé sur le traceur
            </label>
          </div>
          <SubmitButton>Ajouter l’élément</SubmitButton>
        </AppForm>
      </section>

      <section aria-labelledby="historique" className="fr-mt-4w">
        <h2 id="historique">Historique</h2>
        <HistoryChart id="history-root" title="Avancement d’ensemble" points={d.history} />
      </section>

      <section aria-labelledby="calendrier" className="fr-mt-4w">
        <h2 id="calendrier">Calendrier prévisionnel</h2>
        {d.calendar.length === 0 ? (
          <p>Aucune entrée.</p>
        ) : (
          <ul>
            {d.calendar.map((c) => (
              <li key={c.id} className="fr-mb-1w">
                <strong>{c.period}</strong>
                {"\u00a0"}: {c.body}
                {!c.public && " (interne)"}
                <AppForm className="fr-displayed-inline fr-ml-1w" style={{ display: "inline" }}>
                  <input type="hidden" name="intent" value="deleteCalendar" />
                  <input type="hidden" name="entryId" value={c.id} />
                  <button type="submit" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" title={`Retirer «\u00a0${c.period}\u00a0» du calendrier`}>
                    Retirer
                  </button>
                </AppForm>
              </li>
            ))}
          </ul>
        )}
        <AppForm noValidate>
          {failed("addCalendar") && <ErrorSummary errors={a?.errors} formError={a?.formError} />}
          <input type="hidden" name="intent" value="addCalendar" />
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-6">
              <Field name="period" label="Période" hint={"Par exemple\u00a0: automne 2021."} error={err("addCalendar", "period")} defaultValue={val("addCalendar", "period")} />
            </div>
            <div className="fr-col-12 fr-col-md-6">
              <Field name="periodStart" type="date" label="Premier jour de la période" hint="Pour ranger les entrées." error={err("addCalendar", "periodStart")} defaultValue={val("addCalendar", "periodStart")} />
            </div>
          </div>
          <Field name="body" label="Ce qui est prévu" textarea rows={2} error={err("addCalendar", "body")} defaultValue={val("addCalendar", "body")} />
          <div className="fr-checkbox-group fr-mb-2w">
            <input type="checkbox" id="field-calendarPublic" name="calendarPublic" defaultChecked={failed("addCalendar") ? valueOf(a?.values, "calendarPublic") === "on" : true} />
            <label className="fr-label" htmlFor="field-calendarPublic">
              Public (montré sur le traceur)
            </label>
          </div>
          <SubmitButton secondary>Ajouter au calendrier</SubmitButton>
        </AppForm>
      </section>

      <section aria-labelledby="fil" className="fr-mt-4w">
        <h2 id="fil">Ce qui a changé</h2>
        {d.events.length === 0 ? (
          <p>Rien pour l’instant.</p>
        ) : (
          <ul>
            {d.events.map((e) => (
              <li key={e.id}>
                {e.on}
                {"\u00a0"}: {e.title}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}
