import { data } from "react-router";
import { formValues, invalid } from "../kernel/forms";
import { frenchSpaces } from "../kernel/format";

interface ServiceError {
  message: string;
  status: number;
  field?: string;
}

function isServiceError(e: unknown): e is Error & ServiceError {
  return e instanceof Error && typeof (e as Partial<ServiceError>).status === "number";
}

/**
 * Turns a module's refusal into the right answer: a field error (400) shown in the
 * form, or the page's error boundary for 403/404/409. Anything else is rethrown.
 */
export function serviceFailure(err: unknown, fd: FormData) {
  if (!isServiceError(err)) throw err;
  if (err.status === 400 || err.status === 409) {
    const errors = err.field ? { [err.field]: frenchSpaces(err.message) } : {};
    return invalid({ errors, values: formValues(fd), formError: err.field ? undefined : frenchSpaces(err.message) }, err.status);
  }
  throw data({ message: frenchSpaces(err.message) }, { status: err.status });
}

/** For loaders: 403/404 pages from a module's refusal. */
export function loaderFailure(err: unknown): never {
  if (isServiceError(err)) throw data({ message: frenchSpaces(err.message) }, { status: err.status });
  throw err;
}

/** Reads the request body; a malformed body is a 400, never a 500. */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw data({ message: "La requête est mal formée." }, { status: 400 });
  }
}
