import type { ReactNode } from "react";
import { Link } from "react-router";
import { frenchSpaces } from "../format";

/** The DSFR breadcrumb: links to the pages above, then the current page. */
export function Breadcrumb({ items, current }: { items: { label: string; to: string }[]; current: string }) {
  return (
    <nav role="navigation" className="fr-breadcrumb" aria-label="vous êtes ici :">
      <ol className="fr-breadcrumb__list">
        {items.map((i) => (
          <li key={i.to}>
            <Link className="fr-breadcrumb__link" to={i.to}>
              {i.label}
            </Link>
          </li>
        ))}
        <li>
          <a className="fr-breadcrumb__link" aria-current="page">
            {current}
          </a>
        </li>
      </ol>
    </nav>
  );
}

/** The confirmation of what was just done, announced to screen readers. */
export function SuccessNotice({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
      <p>{frenchSpaces(message)}</p>
    </div>
  );
}

/** The DSFR pagination (previous, « page / pages », next), shown when there is more than one page. */
export function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  const step = (to: number, enabled: boolean, kind: "prev" | "next", label: string) => {
    const className = `fr-pagination__link fr-pagination__link--${kind} fr-pagination__link--lg-label`;
    return enabled ? (
      <Link className={className} to={href(to)}>
        {label}
      </Link>
    ) : (
      <a className={className} aria-disabled="true" role="link">
        {label}
      </a>
    );
  };
  return (
    <nav role="navigation" className="fr-pagination" aria-label="Pagination">
      <ul className="fr-pagination__list">
        <li>{step(page - 1, page > 1, "prev", "Page précédente")}</li>
        <li>
          <a className="fr-pagination__link" aria-current="page" title={`Page ${page} sur ${pages}`}>
            {page} / {pages}
          </a>
        </li>
        <li>{step(page + 1, page < pages, "next", "Page suivante")}</li>
      </ul>
    </nav>
  );
}

/**
 * The DSFR pagination for a list paged by keyset (a cursor in the URL rather than a page number):
 * « Première page », « Page précédente » and « Page suivante », plain links that work without
 * JavaScript; a step that does not exist is shown disabled. Shown when there is another page.
 */
export function KeysetPagination({ first, prev, next }: { first: string; prev: string | null; next: string | null }) {
  if (!prev && !next) return null;
  const step = (to: string | null, kind: "first" | "prev" | "next", label: string) => {
    const className = `fr-pagination__link fr-pagination__link--${kind}${kind === "first" ? "" : " fr-pagination__link--lg-label"}`;
    return to ? (
      <Link className={className} to={to}>
        {label}
      </Link>
    ) : (
      <a className={className} aria-disabled="true" role="link">
        {label}
      </a>
    );
  };
  return (
    <nav role="navigation" className="fr-pagination" aria-label="Pagination">
      <ul className="fr-pagination__list">
        <li>{step(prev ? first : null, "first", "Première page")}</li>
        <li>{step(prev, "prev", "Page précédente")}</li>
        <li>{step(next, "next", "Page suivante")}</li>
      </ul>
    </nav>
  );
}

/** A DSFR card in a list: its title links to the page; a description, badges, a detail line. */
export function LinkCard({ to, title, description, badges, detail }: { to: string; title: string; description: string; badges: ReactNode; detail: ReactNode }) {
  return (
    <div className="fr-card fr-card--no-arrow">
      <div className="fr-card__body">
        <div className="fr-card__content">
          <h2 className="fr-card__title">
            <Link to={to}>{title}</Link>
          </h2>
          <p className="fr-card__desc">{frenchSpaces(description)}</p>
          <div className="fr-card__start">{badges}</div>
          <p className="fr-card__detail">{detail}</p>
        </div>
      </div>
    </div>
  );
}
