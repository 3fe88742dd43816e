/** File types accepted as attachments, recognised from their first bytes, never from the name or the browser's claim. */
export const acceptedTypes = {
  "application/pdf": "PDF",
  "image/png": "PNG",
  "image/jpeg": "JPEG",
  "image/gif": "GIF",
  "image/webp": "WebP",
} as const;
export type AcceptedType = keyof typeof acceptedTypes;

export function sniffType(buf: Uint8Array): AcceptedType | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => buf[i] === b);
  if (buf.length >= 5 && starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf";
  if (buf.length >= 8 && starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (buf.length >= 3 && starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (buf.length >= 6 && (starts(0x47, 0x49, 0x46, 0x38, 0x37, 0x61) || starts(0x47, 0x49, 0x46, 0x38, 0x39, 0x61))) return "image/gif";
  if (buf.length >= 12 && starts(0x52, 0x49, 0x46, 0x46) && buf[8] === 0x57 && buf[9] === 0x45 && buf[10] === 0x42 && buf[11] === 0x50) return "image/webp";
  return null;
}

/**
 * A file name safe to show and to put in a Content-Disposition header: no folder, no control
 * character, and no invisible format character — bidi overrides and isolates (« facture\u202Efdp.exe »
 * shows as « facturexe.pdf »), zero-width characters, BOM — nor line or paragraph separators.
 */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "fichier";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\p{Cf}\p{Zl}\p{Zp}]/gu, "")
    .replace(/[\p{Cc}"<>|:*?]/gu, "_")
    .replace(/\p{Zs}/gu, " ")
    .trim()
    .slice(0, 120);
  return cleaned || "fichier";
}

export type UploadCheck = { ok: true; files: { filename: string; mime: AcceptedType; content: Buffer }[] } | { ok: false; error: string };

/** Checks every uploaded file: size, count, type sniffed from the content. Empty file inputs are ignored. */
export async function checkUploads(entries: FormDataEntryValue[], maxBytes: number, maxCount: number): Promise<UploadCheck> {
  const files = entries.filter((e): e is File => typeof e !== "string" && e.size > 0);
  if (files.length > maxCount) return { ok: false, error: `Pièces jointes : ${maxCount} fichiers au maximum.` };
  const out: { filename: string; mime: AcceptedType; content: Buffer }[] = [];
  for (const f of files) {
    const name = cleanFilename(f.name);
    if (f.size > maxBytes) {
      return { ok: false, error: `Pièces jointes : « ${name} » dépasse ${Math.round(maxBytes / 1024 / 1024)} Mo.` };
    }
    const content = Buffer.from(await f.arrayBuffer());
    const mime = sniffType(content);
    if (!mime) return { ok: false, error: `Pièces jointes : « ${name} » n’est ni un PDF ni une image (PNG, JPEG, GIF, WebP).` };
    out.push({ filename: name, mime, content });
  }
  return { ok: true, files: out };
}
