import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/resource";
import { getSession } from "~/kernel/http/context";
import { frenchSpaces } from "~/kernel/format";
import { PageTitle } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { resourcePage } from "~/resources";
import { Paragraphs, SessionsBadge, fileSize, sectionLabel, sheetSections } from "~/resources/ui";
import { Page } from "~/web/layout";
import { loaderFailure } from "~/web/errors";

/** One sheet: whoever may read it (the resources module decides). */
export async function loader({ context, params }: Route.LoaderArgs) {
  const s = getSession(context);
  const viewer = s.user && s.principal ? { principal: s.principal } : null;
  return resourcePage(viewer, params.resourceId).catch(loaderFailure);
}

export default function ResourceSheet() {
  const d = useLoaderData<typeof loader>();
  const r = d.resource;
  const facts = [
    r.duration ? { label: "Durée", value: r.duration } : null,
    r.group_size ? { label: "Taille du groupe", value: r.group_size } : null,
  ].filter((x): x is { label: string; value: string } => !!x);
  return (
    <Page>
      <PageTitle title={frenchSpaces(`${r.title} – Ressources`)} />
      <Breadcrumb items={[{ label: "Ressources", to: "/ressources" }]} current={frenchSpaces(r.title)} />
      <h1>{frenchSpaces(r.title)}</h1>
      <p>
        <span className="fr-badge fr-badge--no-icon">{r.kindLabel}</span> <SessionsBadge n={d.sessions} /> {r.draft && <span className="fr-badge fr-badge--warning fr-badge--no-icon">Brouillon</span>}{" "}
        {r.archived && <span className="fr-badge fr-badge--no-icon">Archivée</span>}
      </p>
      <p className="fr-text--sm">
        {d.lab.name} · mise à jour le {r.updated} · {r.visibilityLabel.toLowerCase()}
      </p>
      {r.summary && <p className="fr-text--lead">{frenchSpaces(r.summary)}</p>}
      {facts.length > 0 && (
        <ul>
          {facts.map((x) => (
            <li key={x.label}>
              {x.label}
              {"\u00a0"}: {frenchSpaces(x.value)}
            </li>
          ))}
        </ul>
      )}
      {sheetSections
        .filter((sec) => r[sec.key].trim())
        .map((sec) => (
          <section key={sec.key} className="fr-mb-3w">
            <h2 className="fr-h4">{sectionLabel(r.kind, sec.key, sec.label)}</h2>
            <Paragraphs text={r[sec.key]} />
          </section>
        ))}
      {d.files.length > 0 && (
        <section className="fr-mb-3w">
          <h2 className="fr-h4">Modèles à télécharger</h2>
          <ul>
            {d.files.map((f) => (
              <li key={f.id}>
                <a className="fr-link fr-link--download" download href={`/ressources/${r.id}/fichiers/${f.id}`}>
                  {f.filename} <span className="fr-link__detail">{fileSize(f.size)}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {r.tags.length > 0 && (
        <ul className="fr-tags-group">
          {r.tags.map((t) => (
            <li key={t}>
              <Link className="fr-tag fr-tag--sm" to={`/ressources?etiquette=${encodeURIComponent(t)}`}>
                {t}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {d.rights.edit && (
        <p>
          <Link className="fr-btn fr-btn--secondary" to={`/lab/${d.lab.slug}/ressources/${r.id}`}>
            Modifier la fiche
          </Link>
        </p>
      )}
    </Page>
  );
}
