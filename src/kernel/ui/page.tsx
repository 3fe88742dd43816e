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
