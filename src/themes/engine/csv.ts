/**
 * A small RFC 4180 reader: fields separated by commas, records by CRLF or LF (or a lone CR),
 * fields optionally quoted with '"', a doubled quote inside a quoted field is one quote,
 * quoted fields may hold commas and line breaks; a leading byte order mark is ignored.
 * Lenient where the RFC is silent: characters after a closing quote are kept (as most readers do),
 * and an unterminated quote runs to the end of the input.
 */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  const n = text.length;
  let atFieldStart = true;
  let quoted = false;
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // copy a run of ordinary characters at once
      let j = text.indexOf('"', i);
      if (j === -1) j = n;
      field += text.slice(i, j);
      i = j;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
      i++;
      continue;
    }
    if (ch === ",") {
      row.push(field);
      field = "";
      atFieldStart = true;
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      atFieldStart = true;
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    // an unquoted run up to the next separator, line break or quote
    let j = i + 1;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 44 || c === 10 || c === 13 || c === 34) break;
      j++;
    }
    field += text.slice(i, j);
    atFieldStart = false;
    i = j;
  }
  if (!atFieldStart || field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Rows as objects keyed by the header line; missing trailing fields read as "". Blank lines are skipped. */
export function parseCsvRecords(input: string): { header: string[]; records: Record<string, string>[] } {
  const rows = parseCsv(input).filter((r) => !(r.length === 1 && r[0] === ""));
  const header = (rows[0] ?? []).map((h) => h.trim());
  const records = rows.slice(1).map((r) => {
    const rec: Record<string, string> = {};
    header.forEach((h, j) => (rec[h] = r[j] ?? ""));
    return rec;
  });
  return { header, records };
}
