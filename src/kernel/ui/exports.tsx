/**
 * Download links for an export in both formats. Plain links (a file, not a page): no client-side
 * navigation, the same with or without JavaScript. The visible « CSV » / « XLSX » is completed for
 * screen readers by what is exported.
 */
export function ExportLinks({ items }: { items: { label: string; href: string }[] }) {
  return (
    <ul className="fr-raw-list germoir-exports">
      {items.map((x) => (
        <li key={x.href} className="fr-mb-1w">
          <span className="fr-mr-2w">{x.label}</span>
          {(["csv", "xlsx"] as const).map((format) => (
            <a key={format} className="fr-link fr-link--download fr-mr-2w" href={`${x.href}.${format}`} download>
              {format.toUpperCase()}
              <span className="fr-sr-only"> ({x.label.charAt(0).toLocaleLowerCase("fr") + x.label.slice(1)})</span>
            </a>
          ))}
        </li>
      ))}
    </ul>
  );
}
