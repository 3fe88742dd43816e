import PDFDocument from "pdfkit";

export interface MinutesDocument {
  title: string;
  subtitle: string;
  status: string;
  sections: { heading: string; paragraphs: string[] }[];
}

/**
 * The minutes as a PDF (pdfkit, its standard Helvetica: no font file to ship). Helvetica's
 * encoding has no narrow no-break space: it prints as a no-break space.
 */
export function minutesPdf(doc: MinutesDocument): Promise<Buffer> {
  const clean = (s: string) => s.replace(/\u202f/g, "\u00a0");
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: "A4", margin: 56, info: { Title: clean(doc.title), Author: "Germoir" }, lang: "fr-FR", displayTitle: true });
    const chunks: Buffer[] = [];
    pdf.on("data", (c: Buffer) => chunks.push(c));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
    pdf.font("Helvetica-Bold").fontSize(18).text(clean(doc.title));
    pdf.moveDown(0.3).font("Helvetica").fontSize(11).fillColor("#3a3a3a").text(clean(doc.subtitle));
    pdf.moveDown(0.3).font("Helvetica-Oblique").text(clean(doc.status)).fillColor("#000000");
    for (const s of doc.sections) {
      pdf.moveDown(1).font("Helvetica-Bold").fontSize(13).text(clean(s.heading));
      pdf.font("Helvetica").fontSize(11);
      for (const p of s.paragraphs) pdf.moveDown(0.4).text(clean(p), { align: "left" });
    }
    pdf.end();
  });
}
