/** The questionnaires' components, for the browser too: no server code is imported here. */
import { formatNumber, frenchSpaces } from "../kernel/format";
import { AppForm, ErrorSummary } from "../kernel/ui/forms";
import { Breadcrumb } from "../kernel/ui/page";
import type { AnswerState, PublicQuestion } from "./service";

export function SurveyCrumbs({ steps }: { steps: { to?: string; label: string }[] }) {
  const before = steps.slice(0, -1).filter((s): s is { to: string; label: string } => !!s.to);
  return <Breadcrumb items={before} current={steps[steps.length - 1]?.label ?? ""} />;
}

const fid = (name: string) => `field-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
const qname = (id: string, n?: number) => (n === undefined ? `q-${id}` : `q-${id}-${n}`);

function ErrorText({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <div className="fr-messages-group" aria-live="polite">
      <p className="fr-message fr-message--error" id={`${id}-error`}>
        {frenchSpaces(error)}
      </p>
    </div>
  );
}

function Legend({ q, id }: { q: PublicQuestion; id: string }) {
  const hint = [q.help, q.kind === "multiple" && q.maxChoices ? `${q.maxChoices}\u00a0réponses au plus.` : "", q.kind === "ranking" ? "Donnez un rang à chaque réponse (1 pour la première)." : ""].filter(Boolean).join(" ");
  return (
    <legend className="fr-fieldset__legend" id={`${id}-legend`}>
      {frenchSpaces(q.label)}
      {q.required ? <span aria-hidden="true"> *</span> : <span className="fr-text--regular"> (facultatif)</span>}
      {hint && <span className="fr-hint-text">{frenchSpaces(hint)}</span>}
    </legend>
  );
}

/** One question, as plain form fields (radios, checkboxes, selects, text): it works without JavaScript. */
export function QuestionField({ q, raw, error }: { q: PublicQuestion; raw: Record<string, string[]>; error?: string }) {
  const name = qname(q.id);
  const id = fid(name);
  const values = raw[name] ?? [];
  const fieldsetProps = {
    className: `fr-fieldset${error ? " fr-fieldset--error" : ""}`,
    id,
    "aria-labelledby": `${id}-legend${error ? ` ${id}-error` : ""}`,
  };
  if (q.kind === "short_text" || q.kind === "long_text") {
    return (
      <div className={`fr-input-group${error ? " fr-input-group--error" : ""}`}>
        <label className="fr-label" htmlFor={id}>
          {frenchSpaces(q.label)}
          {q.required ? <span aria-hidden="true"> *</span> : " (facultatif)"}
          {q.help && <span className="fr-hint-text">{frenchSpaces(q.help)}</span>}
        </label>
        {q.kind === "long_text" ? (
          <textarea className={`fr-input${error ? " fr-input--error" : ""}`} id={id} name={name} rows={5} defaultValue={values[0] ?? ""} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} maxLength={5000} required={q.required} />
        ) : (
          <input className={`fr-input${error ? " fr-input--error" : ""}`} id={id} name={name} type="text" defaultValue={values[0] ?? ""} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} maxLength={300} required={q.required} />
        )}
        {error && (
          <p className="fr-error-text" id={`${id}-error`}>
            {frenchSpaces(error)}
          </p>
        )}
      </div>
    );
  }
  if (q.kind === "single" || q.kind === "scale5" || q.kind === "scale10") {
    const options = q.kind === "single" ? q.options.map((label, i) => ({ value: String(i), label })) : q.scale.map((v) => ({ value: String(v), label: String(v) }));
    const inline = q.kind !== "single";
    return (
      <fieldset {...fieldsetProps} role="radiogroup">
        <Legend q={q} id={id} />
        {inline && (
          <p className="fr-hint-text fr-fieldset__element fr-mb-1v">
            {q.kind === "scale5" ? "1\u00a0: pas du tout, 5\u00a0: tout à fait." : "0\u00a0: pas du tout, 10\u00a0: tout à fait."}
          </p>
        )}
        {options.map((o, i) => (
          <div key={o.value} className={`fr-fieldset__element${inline ? " fr-fieldset__element--inline" : ""}`}>
            <div className="fr-radio-group">
              <input type="radio" id={`${id}-${i}`} name={name} value={o.value} defaultChecked={values.includes(o.value)} />
              <label className="fr-label" htmlFor={`${id}-${i}`}>
                {frenchSpaces(o.label)}
              </label>
            </div>
          </div>
        ))}
        <ErrorText id={id} error={error} />
      </fieldset>
    );
  }
  if (q.kind === "multiple") {
    return (
      <fieldset {...fieldsetProps}>
        <Legend q={q} id={id} />
        {q.options.map((label, i) => (
          <div key={i} className="fr-fieldset__element">
            <div className="fr-checkbox-group">
              <input type="checkbox" id={`${id}-${i}`} name={name} value={String(i)} defaultChecked={values.includes(String(i))} />
              <label className="fr-label" htmlFor={`${id}-${i}`}>
                {frenchSpaces(label)}
              </label>
            </div>
          </div>
        ))}
        <ErrorText id={id} error={error} />
      </fieldset>
    );
  }
  // ranking and matrix: one select per option or row
  const lines = q.kind === "ranking" ? q.options : q.rows;
  const choices = q.kind === "ranking" ? q.options.map((_, i) => ({ value: String(i + 1), label: String(i + 1) })) : q.options.map((label, i) => ({ value: String(i), label }));
  return (
    <fieldset {...fieldsetProps}>
      <Legend q={q} id={id} />
      {lines.map((line, i) => {
        const n = qname(q.id, i);
        return (
          <div key={i} className="fr-fieldset__element">
            <div className="fr-select-group">
              <label className="fr-label" htmlFor={fid(n)}>
                {frenchSpaces(line)}
              </label>
              <select className="fr-select" id={fid(n)} name={n} defaultValue={raw[n]?.[0] ?? ""}>
                <option value="">{q.kind === "ranking" ? "Rang" : "Votre réponse"}</option>
                {choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
        );
      })}
      <ErrorText id={id} error={error} />
    </fieldset>
  );
}

/** One page of a questionnaire: its questions, the answers of the pages before carried in a hidden field. */
export function AnswerForm({ state, formError }: { state: AnswerState; formError?: string }) {
  const section = state.sections[state.section];
  const here = new Set(state.questions.map((q) => q.id));
  const before = Object.fromEntries(Object.entries(state.raw).filter(([k]) => ![...here].some((id) => k.startsWith(`q-${id}`))));
  return (
    <AppForm noValidate>
      <ErrorSummary errors={state.errors} formError={formError} />
      <input type="hidden" name="section" value={state.section} />
      <input type="hidden" name="state" value={JSON.stringify(before)} />
      {state.steps > 1 && (
        <div className="fr-stepper">
          <h2 className="fr-stepper__title">
            {section?.title}
            <span className="fr-stepper__state">
              Étape {state.step} sur {state.steps}
            </span>
          </h2>
          <div className="fr-stepper__steps" data-fr-current-step={state.step} data-fr-steps={state.steps} />
        </div>
      )}
      {state.steps <= 1 && section && <h2>{section.title}</h2>}
      {section?.description && <p>{frenchSpaces(section.description)}</p>}
      <p className="fr-hint-text">Les questions suivies d’un astérisque (*) sont obligatoires.</p>
      {state.questions.map((q) => (
        <div key={q.id} className="fr-mb-4w" data-question={q.id}>
          <QuestionField q={q} raw={state.raw} error={state.errors[qname(q.id)]} />
        </div>
      ))}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {!state.isFirst && (
          <li>
            <button type="submit" name="intent" value="back" className="fr-btn fr-btn--secondary" formNoValidate>
              Page précédente
            </button>
          </li>
        )}
        <li>
          {state.isLast ? (
            <button type="submit" name="intent" value="submit" className="fr-btn">
              {state.editing ? "Enregistrer ma réponse modifiée" : "Envoyer mes réponses"}
            </button>
          ) : (
            <button type="submit" name="intent" value="next" className="fr-btn">
              Page suivante
            </button>
          )}
        </li>
      </ul>
    </AppForm>
  );
}

/** A table (the reference; charts only draw it); wide, it scrolls sideways, and its region takes the focus so that the keyboard scrolls it too. */
export function SimpleTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: (string | number)[][] }) {
  return (
    <div className="fr-table">
      <div className="fr-table__wrapper">
        <div className="fr-table__container" tabIndex={0} role="region" aria-label={caption}>
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{typeof cell === "number" ? formatNumber(cell) : cell}</td>))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
