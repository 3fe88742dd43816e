/**
 * The files of a dataset: its Table Schema (schema.data.gouv.fr's format, derived from the item's
 * zod schema, so the file, the API and the documentation never drift), and its rows streamed as
 * CSV (RFC 4180: commas, CRLF, UTF-8, ISO 8601 dates, a JSON array in an array column) or as a JSON
 * array, one batch of about 64 kB per read: the next page is fetched only when the client took these.
 */
import { z } from "zod";
import type { Dataset, Row } from "./datasets";

export const LICENCE = { id: "etalab-2.0", title: "Licence Ouverte / Open Licence version 2.0", path: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/" };

type JsonSchema = { type?: string | string[]; format?: string; enum?: unknown[]; anyOf?: JsonSchema[]; title?: string; description?: string; items?: JsonSchema; minimum?: number };

export interface TableSchemaField {
  name: string;
  title: string;
  description: string;
  type: "string" | "integer" | "number" | "boolean" | "datetime" | "array";
  format?: string;
  example?: string;
  constraints?: { required?: boolean; enum?: string[]; minimum?: number };
}

function fieldOf(name: string, js: JsonSchema): TableSchemaField {
  const variants = js.anyOf ?? [js];
  const nullable = variants.some((v) => v.type === "null");
  const main = variants.find((v) => v.type !== "null") ?? js;
  const title = js.title ?? main.title ?? name;
  const description = js.description ?? main.description ?? "";
  let type: TableSchemaField["type"] = "string";
  let format: string | undefined;
  if (main.type === "integer") type = "integer";
  else if (main.type === "number") type = "number";
  else if (main.type === "boolean") type = "boolean";
  else if (main.type === "array") type = "array";
  else if (main.format === "date-time") type = "datetime";
  else if (main.format === "uuid") format = "uuid";
  const constraints: TableSchemaField["constraints"] = {};
  if (!nullable) constraints.required = true;
  if (main.enum) constraints.enum = main.enum.map(String);
  if (typeof main.minimum === "number") constraints.minimum = main.minimum;
  return { name, title, description, type, ...(format ? { format } : {}), ...(Object.keys(constraints).length ? { constraints } : {}) };
}

export function tableSchemaFields(item: z.ZodObject): TableSchemaField[] {
  const js = z.toJSONSchema(item, { io: "output", unrepresentable: "any" }) as { properties: Record<string, JsonSchema> };
  return Object.entries(js.properties).map(([name, p]) => fieldOf(name, p));
}

/** The dataset's `schema.json`, in the Table Schema format (frictionless specs, as schema.data.gouv.fr publishes them). */
export function tableSchema(dataset: Dataset, baseUrl: string) {
  return {
    $schema: "https://frictionlessdata.io/schemas/table-schema.json",
    name: dataset.slug,
    title: dataset.title,
    description: dataset.description,
    keywords: dataset.keywords,
    countryCode: "FR",
    homepage: `${baseUrl}/donnees`,
    path: `${baseUrl}/donnees/${dataset.slug}/schema.json`,
    licenses: [{ title: LICENCE.title, name: LICENCE.id, path: LICENCE.path }],
    resources: [{ title: `${dataset.title} (CSV)`, path: `${baseUrl}/donnees/${dataset.slug}.csv` }],
    version: "1.0.0",
    created: "2026-12-07",
    lastModified: "2026-12-07",
    fields: tableSchemaFields(dataset.item),
    primaryKey: dataset.slug === "etapes-projets" ? ["project_id", "stage"] : "id",
    missingValues: [""],
  };
}

// ---------------------------------------------------------------- CSV

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  const text = Array.isArray(v) ? JSON.stringify(v) : typeof v === "string" ? v : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}

const BATCH = 65_536;

function streamed(produce: AsyncIterator<string>, headers: Record<string, string>): Response {
  const enc = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let batch = "";
      while (batch.length < BATCH) {
        const next = await produce.next();
        if (next.done) {
          if (batch) controller.enqueue(enc.encode(batch));
          controller.close();
          return;
        }
        batch += next.value;
      }
      controller.enqueue(enc.encode(batch));
    },
    async cancel() {
      await produce.return?.();
    },
  });
  return new Response(stream, { headers });
}

const fileHeaders = (filename: string, type: string) => ({
  "Content-Type": type,
  "Content-Disposition": `inline; filename="${filename}"`,
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "public, max-age=300",
  "Access-Control-Allow-Origin": "*",
});

/** The dataset as CSV, header first, its rows pulled page by page. */
export function csvResponse(dataset: Dataset, rows: AsyncIterable<Row>): Response {
  const names = Object.keys(dataset.item.shape);
  async function* lines() {
    yield csvLine(names);
    for await (const r of rows) yield csvLine(names.map((n) => r[n]));
  }
  return streamed(lines(), fileHeaders(`${dataset.slug}.csv`, "text/csv; charset=utf-8"));
}

/** The dataset as one JSON array, one object per row, pulled page by page. */
export function jsonResponse(dataset: Dataset, rows: AsyncIterable<Row>): Response {
  async function* parts() {
    let first = true;
    yield "[";
    for await (const r of rows) {
      yield (first ? "\n" : ",\n") + JSON.stringify(r);
      first = false;
    }
    yield "\n]\n";
  }
  return streamed(parts(), fileHeaders(`${dataset.slug}.json`, "application/json; charset=utf-8"));
}
