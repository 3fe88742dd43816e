import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "kysely";
import { bootTestRuntime } from "../../../tests/support/runtime";
import { db } from "../runtime";
import { fileDownload, fileTable } from "./files";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
  await sql`CREATE TABLE thing_files (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    thing_id uuid NOT NULL,
    filename text NOT NULL, mime text NOT NULL, size integer NOT NULL, content bytea NOT NULL,
    uploaded_by uuid, created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db());
});
afterAll(async () => {
  await env?.dispose();
});

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const C = "00000000-0000-4000-8000-00000000000c";

it("stores, lists, reads and removes a row's files, never another row's", async () => {
  const files = fileTable("thing_files", "thing_id");
  const pdf = Buffer.from("%PDF-1.4\n% essai\n");
  const first = await files.add(A, { filename: "étude n°1.pdf", mime: "application/pdf", content: pdf, uploadedBy: B });
  expect(first).toMatchObject({ owner_id: A, filename: "étude n°1.pdf", size: pdf.length, uploaded_by: B });
  await files.add(A, { filename: "photo.png", mime: "image/png", content: Buffer.from([0x89, 0x50]), uploadedBy: B });
  await files.add(B, { filename: "autre.pdf", mime: "application/pdf", content: pdf, uploadedBy: A });
  expect((await files.list(A)).map((f) => f.filename)).toEqual(["étude n°1.pdf", "photo.png"]);
  expect(await files.get(B, first.id)).toBeUndefined();
  const got = (await files.get(A, first.id))!;
  expect(Buffer.from(got.content).equals(pdf)).toBe(true);
  await files.remove(B, first.id); // not B's: stays
  expect(await files.list(A)).toHaveLength(2);
  await files.remove(A, first.id);
  expect((await files.list(A)).map((f) => f.filename)).toEqual(["photo.png"]);
  expect([await files.list("pas-un-id"), await files.get(A, "pas-un-id")]).toEqual([[], undefined]);

  const res = fileDownload(got);
  expect(Object.fromEntries(res.headers)).toMatchObject({
    "content-type": "application/pdf",
    "content-length": String(pdf.length),
    "content-disposition": "attachment; filename*=UTF-8''%C3%A9tude%20n%C2%B01.pdf",
    "x-content-type-options": "nosniff",
  });
  expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
});

it("strips bidi and other invisible characters from file names, when stored and when shown", async () => {
  const files = fileTable("thing_files", "thing_id");
  const pdf = Buffer.from("%PDF-1.4\n");
  // « facture\u202Efdp.exe » displays as « facturexe.pdf »: the override goes, the real name stays.
  const added = await files.add(A, { filename: "facture\u202Efdp.exe", mime: "application/pdf", content: pdf, uploadedBy: B });
  expect(added.filename).toBe("facturefdp.exe");
  // A name stored before this rule (written straight to the table) is shown clean too.
  await sql`INSERT INTO thing_files (thing_id, filename, mime, size, content) VALUES (${C}, ${"rapport\u2067\u200b\ufeff\u2028.pdf"}, 'application/pdf', ${pdf.length}, ${pdf})`.execute(db());
  const [old] = await files.list(C);
  expect(old.filename).toBe("rapport.pdf");
  const got = (await files.get(C, old.id))!;
  expect(got.filename).toBe("rapport.pdf");
  expect(fileDownload(got).headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''rapport.pdf");
  const stored = await sql<{ filename: string }>`SELECT filename FROM thing_files WHERE id = ${added.id}`.execute(db());
  expect(stored.rows[0].filename).toBe("facturefdp.exe");
});
