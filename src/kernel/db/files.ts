import { sql } from "kysely";
import { db } from "../runtime";
import { isUuid } from "../ids";
import { cleanFilename } from "../uploads";

/** A file attached to a module's row (an idea, a proposal...), without its bytes. */
export interface StoredFileMeta {
  id: string;
  /** The row it is attached to. */
  owner_id: string;
  filename: string;
  mime: string;
  size: number;
  uploaded_by: string | null;
  created_at: Date;
}
export interface StoredFile extends StoredFileMeta {
  content: Buffer;
}
export interface NewFile {
  filename: string;
  mime: string;
  content: Buffer;
  uploadedBy: string;
}

/**
 * The queries of a module's attachments table: each module keeps its own table (its rows, its
 * foreign key, its migration) with the same columns — `<owner column>`, filename, mime, size,
 * content, uploaded_by, created_at — and reads and writes it through these.
 */
export function fileTable(table: string, ownerColumn: string) {
  const t = sql.table(table);
  const owner = sql.ref(ownerColumn);
  const meta = sql`id, ${owner} AS owner_id, filename, mime, size, uploaded_by, created_at`;
  return {
    async add(ownerId: string, f: NewFile): Promise<StoredFileMeta> {
      const r = await sql<StoredFileMeta>`INSERT INTO ${t} (${owner}, filename, mime, size, content, uploaded_by)
        VALUES (${ownerId}, ${cleanFilename(f.filename)}, ${f.mime}, ${f.content.length}, ${f.content}, ${f.uploadedBy}) RETURNING ${meta}`.execute(db());
      return shown(r.rows[0]);
    },
    async list(ownerId: string): Promise<StoredFileMeta[]> {
      if (!isUuid(ownerId)) return [];
      return (await sql<StoredFileMeta>`SELECT ${meta} FROM ${t} WHERE ${owner} = ${ownerId} ORDER BY created_at, id`.execute(db())).rows.map(shown);
    },
    async get(ownerId: string, id: string): Promise<StoredFile | undefined> {
      if (!isUuid(id) || !isUuid(ownerId)) return undefined;
      const row = (await sql<StoredFile>`SELECT ${meta}, content FROM ${t} WHERE id = ${id} AND ${owner} = ${ownerId}`.execute(db())).rows[0];
      return row && shown(row);
    },
    async remove(ownerId: string, id: string): Promise<void> {
      if (!isUuid(id) || !isUuid(ownerId)) return;
      await sql`DELETE FROM ${t} WHERE id = ${id} AND ${owner} = ${ownerId}`.execute(db());
    },
  };
}

/** Names stored before the uploads kernel cleaned them (bidi controls…) are shown clean too. */
function shown<T extends { filename: string }>(row: T): T {
  return { ...row, filename: cleanFilename(row.filename) };
}

/** A stored file as a download: never rendered inline, never sniffed into HTML. */
export function fileDownload(f: Pick<StoredFile, "content" | "mime" | "size" | "filename">): Response {
  return new Response(new Uint8Array(f.content), {
    headers: {
      "Content-Type": f.mime,
      "Content-Length": String(f.size),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(cleanFilename(f.filename))}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=0",
    },
  });
}
