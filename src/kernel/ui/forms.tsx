import { useEffect, useId, useRef, type ReactNode } from "react";
import { Form, useNavigation, useRouteLoaderData, type FormProps } from "react-router";
import type { FieldErrors, FormValues } from "../forms";
import { frenchSpaces } from "../format";

export interface ActionResult {
  ok: boolean;
  errors?: FieldErrors;
  values?: FormValues;
  formError?: string;
  message?: string;
}

export function useCsrfToken(): string {
  const root = useRouteLoaderData("root") as { csrfToken?: string } | undefined;
  return root?.csrfToken ?? "";
}

export function CsrfField() {
  return <input type="hidden" name="_csrf" value={useCsrfToken()} />;
}

/**
 * The one-time key of this rendered form (`_once`, see src/kernel/db/once.ts): the root loader's
 * seed, new at each render and after each action, with this form's place in the page. The same on
 * the server and at hydration; a resent POST carries it again, so the server answers it once.
 */
export function OnceField() {
  const root = useRouteLoaderData("root") as { formSeed?: string } | undefined;
  const place = useId().replace(/[^0-9A-Za-z]/g, "");
  if (!root?.formSeed) return null;
  return <input type="hidden" name="_once" value={`${root.formSeed}-${place}`} />;
}

/** A POST form with the CSRF token and a one-time key; works without JavaScript. */
export function AppForm({ children, ...props }: FormProps & { children: ReactNode }) {
  return (
    <Form method="post" {...props}>
      <CsrfField />
      <OnceField />
      {children}
    </Form>
  );
}

const fieldId = (name: string) => `field-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;

/**
 * Lists the errors at the top of a form (messages come from schemas and services: their
 * spaces before « : ; ? ! » are made non-breaking here), links each to its field, takes focus
 * (autofocus without JavaScript, focus() after a client-side submit).
 */
export function ErrorSummary({ errors, formError }: { errors?: FieldErrors; formError?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {}).filter(([k]) => k !== "_form");
  const general = formError ?? errors?._form;
  const count = entries.length + (general ? 1 : 0);
  useEffect(() => {
    if (count) ref.current?.focus();
  }, [errors, formError, count]);
  if (!count) return null;
  return (
    <div
      ref={ref}
      className="fr-alert fr-alert--error fr-mb-4w"
      role="alert"
      tabIndex={-1}
      id="error-summary"
      {...{ autofocus: "" }}
    >
      <h2 className="fr-alert__title">
        {count > 1 ? `Le formulaire contient ${count}\u00a0erreurs` : "Le formulaire contient une erreur"}
      </h2>
      <ul>
        {general && <li>{frenchSpaces(general)}</li>}
        {entries.map(([name, msg]) => (
          <li key={name}>
            <a href={`#${fieldId(name)}`}>{frenchSpaces(msg)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  /** defaults to one derived from the name; give one when a page repeats a field name */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string | number;
  required?: boolean;
  type?: "text" | "email" | "date" | "time" | "number" | "search" | "url" | "datetime-local";
  textarea?: boolean;
  rows?: number;
  autoComplete?: string;
  min?: number | string;
  max?: number | string;
  maxLength?: number;
  inputMode?: "numeric" | "text" | "email" | "search";
  spellCheck?: boolean;
  list?: string;
}

export function Field(p: FieldProps) {
  const id = p.id ?? fieldId(p.name);
  const describedBy = [p.hint ? `${id}-hint` : null, p.error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: p.name,
    defaultValue: p.defaultValue,
    required: p.required,
    "aria-invalid": p.error ? true : undefined,
    "aria-describedby": describedBy,
    autoComplete: p.autoComplete,
    maxLength: p.maxLength,
    spellCheck: p.spellCheck,
  } as const;
  return (
    <div className={`fr-input-group${p.error ? " fr-input-group--error" : ""}`}>
      <label className="fr-label" htmlFor={id}>
        {p.label}
        {p.hint && (
          <span className="fr-hint-text" id={`${id}-hint`}>
            {p.hint}
          </span>
        )}
      </label>
      {p.textarea ? (
        <textarea className={`fr-input${p.error ? " fr-input--error" : ""}`} rows={p.rows ?? 5} {...common} />
      ) : (
        <input
          className={`fr-input${p.error ? " fr-input--error" : ""}`}
          type={p.type ?? "text"}
          min={p.min}
          max={p.max}
          inputMode={p.inputMode}
          list={p.list}
          {...common}
        />
      )}
      {p.error && (
        <p className="fr-error-text" id={`${id}-error`}>
          {frenchSpaces(p.error)}
        </p>
      )}
    </div>
  );
}

export function SelectField(p: {
  name: string;
  /** When a page has several forms with this field (default: from the name). */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  options: { value: string; label: string }[];
  placeholder?: string;
  required?: boolean;
}) {
  const id = p.id ?? fieldId(p.name);
  const describedBy = [p.hint ? `${id}-hint` : null, p.error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`fr-select-group${p.error ? " fr-select-group--error" : ""}`}>
      <label className="fr-label" htmlFor={id}>
        {p.label}
        {p.hint && (
          <span className="fr-hint-text" id={`${id}-hint`}>
            {p.hint}
          </span>
        )}
      </label>
      <select
        className={`fr-select${p.error ? " fr-select--error" : ""}`}
        id={id}
        name={p.name}
        defaultValue={p.defaultValue ?? ""}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy}
        required={p.required}
      >
        {p.placeholder !== undefined && <option value="">{p.placeholder}</option>}
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {p.error && (
        <p className="fr-error-text" id={`${id}-error`}>
          {frenchSpaces(p.error)}
        </p>
      )}
    </div>
  );
}

export function RadioGroup(p: {
  name: string;
  /** defaults to one derived from the name; give one when a page repeats the group */
  id?: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  options: { value: string; label: ReactNode; hint?: ReactNode }[];
  inline?: boolean;
}) {
  const id = p.id ?? fieldId(p.name);
  return (
    <fieldset
      className={`fr-fieldset${p.error ? " fr-fieldset--error" : ""}`}
      id={id}
      aria-labelledby={`${id}-legend${p.error ? ` ${id}-error` : ""}`}
      role="radiogroup"
    >
      <legend className="fr-fieldset__legend" id={`${id}-legend`}>
        {p.legend}
        {p.hint && <span className="fr-hint-text">{p.hint}</span>}
      </legend>
      {p.options.map((o, i) => (
        <div key={o.value} className={`fr-fieldset__element${p.inline ? " fr-fieldset__element--inline" : ""}`}>
          <div className="fr-radio-group">
            <input type="radio" id={`${id}-${i}`} name={p.name} value={o.value} defaultChecked={p.defaultValue === o.value} />
            <label className="fr-label" htmlFor={`${id}-${i}`}>
              {o.label}
              {o.hint && <span className="fr-hint-text">{o.hint}</span>}
            </label>
          </div>
        </div>
      ))}
      {p.error && (
        <div className="fr-messages-group" aria-live="polite">
          <p className="fr-message fr-message--error" id={`${id}-error`}>
            {frenchSpaces(p.error)}
          </p>
        </div>
      )}
    </fieldset>
  );
}

export function CheckboxGroup(p: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultValues?: string[];
  options: { value: string; label: ReactNode }[];
}) {
  const id = fieldId(p.name);
  return (
    <fieldset className={`fr-fieldset${p.error ? " fr-fieldset--error" : ""}`} id={id} aria-labelledby={`${id}-legend`}>
      <legend className="fr-fieldset__legend" id={`${id}-legend`}>
        {p.legend}
        {p.hint && <span className="fr-hint-text">{p.hint}</span>}
      </legend>
      {p.options.map((o, i) => (
        <div key={o.value} className="fr-fieldset__element">
          <div className="fr-checkbox-group fr-checkbox-group--sm">
            <input type="checkbox" id={`${id}-${i}`} name={p.name} value={o.value} defaultChecked={p.defaultValues?.includes(o.value)} />
            <label className="fr-label" htmlFor={`${id}-${i}`}>
              {o.label}
            </label>
          </div>
        </div>
      ))}
      {p.error && (
        <div className="fr-messages-group">
          <p className="fr-message fr-message--error">{frenchSpaces(p.error)}</p>
        </div>
      )}
    </fieldset>
  );
}

export function SubmitButton({ children, secondary, name, value, className }: { children: ReactNode; secondary?: boolean; name?: string; value?: string; className?: string }) {
  const nav = useNavigation();
  return (
    <button
      type="submit"
      className={`fr-btn${secondary ? " fr-btn--secondary" : ""}${className ? ` ${className}` : ""}`}
      name={name}
      value={value}
      aria-disabled={nav.state === "submitting" ? true : undefined}
    >
      {children}
    </button>
  );
}

/** <title> for the page; React hoists it into <head>. Prefixed with « Erreur » after a failed submit (RGAA). */
export function PageTitle({ title, error }: { title: string; error?: boolean }) {
  const root = useRouteLoaderData("root") as { instance?: { name: string } } | undefined;
  const name = root?.instance?.name ?? "Germoir";
  return <title>{`${error ? "Erreur\u00a0: " : ""}${title} – ${name}`}</title>;
}

export function valueOf(values: FormValues | undefined, key: string, fallback = ""): string {
  const v = values?.[key];
  if (Array.isArray(v)) return v[0] ?? fallback;
  return v ?? fallback;
}
