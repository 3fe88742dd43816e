import { data } from "react-router";
import type { ExportFormat } from "../kernel/export";

/**
 * The `:file` of an export route (« idees.csv », « classement.xlsx »): its name and format when both
 * are known; anything else is the 404 of a file that does not exist, whoever asks.
 */
export function exportFile<N extends string>(file: string | undefined, names: readonly N[]): { name: N; format: ExportFormat } {
  const m = /^([a-z-]{1,40})\.(csv|xlsx)$/.exec(file ?? "");
  if (!m || !(names as readonly string[]).includes(m[1])) throw data({ message: "Cet export n’existe pas." }, { status: 404 });
  return { name: m[1] as N, format: m[2] as ExportFormat };
}
