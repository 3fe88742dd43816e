import type { Figure } from "./service";
import { formatNumber, frenchSpaces } from "../kernel/format";

/**
 * One figure: its sentence, a bar chart drawn in HTML (hidden from screen readers: the sentence
 * and the table say the same) and its table. Bars wrap their labels on a phone.
 */
export function FigureCard({ figure }: { figure: Figure }) {
  const max = Math.max(1, ...figure.bars.map((b) => b.value));
  return (
    <section aria-labelledby={`fig-${figure.id}`} className="fr-mb-6w">
      <h2 id={`fig-${figure.id}`} className="fr-h4">
        {figure.title}
      </h2>
      <p>{frenchSpaces(figure.sentence)}</p>
      {figure.bars.length > 0 && (
        <div className="germoir-bars fr-mb-3w" aria-hidden="true">
          {figure.bars.map((b) => (
            <div key={b.label} className="germoir-bar">
              <span className="germoir-bar__label">{b.label}</span>
              <span className="germoir-bar__track">
                <span className="germoir-bar__fill" style={{ width: `${Math.max(0.5, (100 * b.value) / max)}%` }} />
              </span>
              <span className="germoir-bar__value">{formatNumber(b.value)}</span>
            </div>
          ))}
        </div>
      )}
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
    </section>
  );
}
