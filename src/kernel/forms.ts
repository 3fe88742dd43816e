import { data } from "react-router";
import { z } from "zod";
import { frenchSpaces } from "./format";

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[]>;
export interface FormFailure {
  ok: false;
  errors: FieldErrors;
  values: FormValues;
  /** message shown at the top of the form when it is not tied to one field */
  formError?: string;
}

/** The submitted text values, to give the user back what they typed. Files are left out. */
export function formValues(fd: FormData): FormValues {
  const out: FormValues = {};
  for (const key of new Set(fd.keys())) {
    if (key === "_csrf" || key === "_once") continue;
    const all = fd.getAll(key).filter((v): v is string => typeof v === "string");
    if (!all.length) continue;
    const keep = (v: string) => v.slice(0, 20_000).replaceAll("\u0000", "");
    out[key] = all.length > 1 ? all.map(keep) : keep(all[0]);
  }
  return out;
}

/** Validates a form against one zod schema. Field paths are joined with "." (criteria.0.label). */
export function parseForm<S extends z.ZodType>(
  fd: FormData,
  schema: S,
  shape: (fd: FormData) => unknown = (f) => Object.fromEntries([...new Set(f.keys())].map((k) => [k, f.getAll(k).length > 1 ? f.getAll(k) : f.get(k)])),
): { ok: true; data: z.infer<S> } | FormFailure {
  const parsed = schema.safeParse(shape(fd));
  if (parsed.success) {
    // PostgreSQL refuses NUL in text: any text the schema accepted is checked here, once for every
    // form, and refused beside its field (only the fields this schema reads).
    const withNul = nulPaths(parsed.data);
    if (!withNul.length) return { ok: true, data: parsed.data };
    return { ok: false, errors: Object.fromEntries(withNul.map((k) => [k, NUL_FIELD_MESSAGE])), values: formValues(fd) };
  }
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    errors[key] ??= frenchSpaces(issue.message);
  }
  return { ok: false, errors, values: formValues(fd) };
}

/** A GET form: the address's query read as the form's fields, through `parseForm` (same errors, same values kept). */
export function parseQuery<S extends z.ZodType>(url: string, schema: S): { ok: true; data: z.infer<S> } | FormFailure {
  const fd = new FormData();
  for (const [k, v] of new URL(url).searchParams) fd.append(k, v);
  return parseForm(fd, schema);
}

export const NUL_FIELD_MESSAGE = "Ce champ contient un caractère non autorisé (caractère nul)\u00a0: retirez-le.";

/** The paths ("title", "criteria.0.label") of the strings that hold a NUL character. */
export function nulPaths(value: unknown, path: string[] = []): string[] {
  if (typeof value === "string") return value.includes("\u0000") ? [path.join(".") || "_form"] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nulPaths(v, [...path, String(i)]));
  if (value && typeof value === "object" && !(value instanceof Date) && !(value instanceof Blob)) {
    return Object.entries(value).flatMap(([k, v]) => nulPaths(v, [...path, k]));
  }
  return [];
}

/** 400 with the errors and the user's input, for the form to render again. */
export function invalid(failure: Omit<FormFailure, "ok">, status = 400) {
  return data({ ok: false as const, ...failure }, { status });
}

export function formError(fd: FormData, message: string, status = 400) {
  return data({ ok: false as const, errors: {} as FieldErrors, values: formValues(fd), formError: message }, { status });
}

// ---- reusable field schemas, French messages

export const requiredText = (label: string, max: number, min = 1) =>
  z
    .string({ error: `${label} : ce champ est obligatoire.` })
    .trim()
    .min(min, min > 1 ? `${label} : au moins ${min} caractères.` : `${label} : ce champ est obligatoire.`)
    .max(max, `${label} : ${max} caractères au maximum.`);

export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label} : texte attendu.` })
    .trim()
    .max(max, `${label} : ${max} caractères au maximum.`)
    .optional()
    .transform((v) => v ?? "");

export const uuidField = (label: string) =>
  z.string({ error: `${label} : valeur manquante.` }).regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, `${label} : valeur invalide.`);

/**
 * A list of email addresses typed in one field (separated by spaces, commas, semicolons or lines),
 * lower-cased and without repeats; each must be valid, `max` at most, `min` at least.
 */
export const emailList = (label: string, opts: { max: number; min?: number; maxLength?: number; tooMany?: string }) =>
  z
    .string({ error: `${label} : texte attendu.` })
    .max(opts.maxLength ?? 2000, `${label} : liste trop longue.`)
    .optional()
    .transform((v, ctx) => {
      const parts = [...new Set((v ?? "").split(/[\s,;]+/).map((s) => s.trim().toLowerCase()).filter(Boolean))];
      const bad = parts.find((p) => !z.email().safeParse(p).success);
      if (bad) {
        ctx.addIssue({ code: "custom", message: `${label} : « ${bad.slice(0, 80)} » n’est pas une adresse électronique valide.` });
        return z.NEVER;
      }
      if (parts.length < (opts.min ?? 0)) {
        ctx.addIssue({ code: "custom", message: `${label} : indiquez au moins une adresse électronique.` });
        return z.NEVER;
      }
      if (parts.length > opts.max) {
        ctx.addIssue({ code: "custom", message: opts.tooMany ?? `${label} : ${opts.max} au maximum.` });
        return z.NEVER;
      }
      return parts;
    });

/** A date from <input type="date">, read as midnight Europe/Paris. */
export const dateField = (label: string) =>
  z
    .string({ error: `${label} : ce champ est obligatoire.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} : date attendue au format jj/mm/aaaa.`)
    .transform((v, ctx) => {
      const d = parisMidnight(v);
      if (!d) {
        ctx.addIssue({ code: "custom", message: `${label} : cette date n’existe pas.` });
        return z.NEVER;
      }
      return d;
    });

export function parisMidnight(isoDate: string): Date | null {
  const [y, m, d] = isoDate.split("-").map(Number);
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  // Paris is UTC+1 or UTC+2: find the offset at that date.
  const offsetMin = parisOffsetMinutes(probe);
  return new Date(probe.getTime() - offsetMin * 60_000);
}

function parisOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", timeZoneName: "shortOffset" }).formatToParts(at);
  const tz = parts.find((p) => p.type === "timeZoneName")?.value ?? "GMT+1";
  const m = /GMT([+-]\d+)(?::(\d+))?/.exec(tz);
  return m ? Number(m[1]) * 60 + Math.sign(Number(m[1])) * Number(m[2] ?? 0) : 60;
}
