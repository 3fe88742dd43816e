import type { ReactNode } from "react";
import { Form } from "react-router";
import type { Figure } from "./service";
import { Field } from "../kernel/ui/forms";
import { BarChart } from "../kernel/ui/charts";
import { formatNumber, frenchSpaces } from "../kernel/format";

/**
 * One figure: its sentence, a bar chart drawn on the server in SVG (hidden from screen readers: the
 * sentence and the table say the same), its table and the table as CSV.
 */
export function FigureCard({ figure, csvHref }: { figure: Figure; /** the table as CSV, same filters */ csvHref?: string }) {
  return (
    <section aria-labelledby={`fig-${figure.id}`} className="fr-mb-6w">
      <h2 id={`fig-${figure.id}`} className="fr-h4">
        {figure.title}
      </h2>
      <p>{frenchSpaces(figure.sentence)}</p>
      <BarChart bars={figure.bars} unit={figure.unit} />
      {figure.table.rows.length > 0 && (
        <div className="fr-table">
          <table>
            <caption>{figure.table.caption}</caption>
            <thead>
              <tr>
                {figure.table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {figure.table.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{typeof cell === "number" ? formatNumber(cell) : cell}</td>))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {csvHref && figure.table.rows.length > 0 && (
        <p className="fr-text--sm">
          <a className="fr-link fr-icon-download-line fr-link--icon-left" href={csvHref} download>
            {`Télécharger le tableau « ${figure.table.caption} » (CSV)`}
          </a>
        </p>
      )}
    </section>
  );
}

/**
 * The filters of a dashboard page, a GET form: the period (« Du », « Au »), the page's other
 * fields, and « Afficher ». `value(name, shown)` gives what the agent typed when the filters were
 * refused, else what the page shows.
 */
export function FiltersForm(p: { period: { du: string; au: string }; errors: Record<string, string> | null | undefined; value: (name: string, shown: string) => string; children?: ReactNode }) {
  return (
    <Form method="get" className="fr-mb-6w germoir-filters">
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-3">
          <Field name="du" type="date" label="Du" error={p.errors?.du} defaultValue={p.value("du", p.period.du)} />
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <Field name="au" type="date" label="Au" error={p.errors?.au} defaultValue={p.value("au", p.period.au)} />
        </div>
        {p.children}
      </div>
      <button type="submit" className="fr-btn fr-btn--secondary">
        Afficher
      </button>
    </Form>
  );
}
