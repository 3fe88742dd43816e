/**
 * CSV exports as French spreadsheets read them: UTF-8 with a byte-order mark, semicolons,
 * CRLF line ends, quotes doubled. The response streams its rows as they come.
 */
export function csvLine(cells: (string | number | null | undefined)[]): string {
  return (
    cells
      .map((c) => {
        const s = c == null ? "" : String(c);
        // A cell starting like a formula is neutralised (CSV injection).
        const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
        return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
      })
      .join(";") + "\r\n"
  );
}

export function csvResponse(filename: string, header: string[], rows: Iterable<(string | number | null)[]> | AsyncIterable<(string | number | null)[]>): Response {
  const enc = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(enc.encode(`\ufeff${csvLine(header)}`));
      let batch = "";
      for await (const row of rows) {
        batch += csvLine(row);
        if (batch.length > 16_384) {
          controller.enqueue(enc.encode(batch));
          batch = "";
        }
      }
      if (batch) controller.enqueue(enc.encode(batch));
      controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}
