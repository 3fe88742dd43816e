import PDFDocument from "pdfkit";

export interface AttestationDocument {
  lab: string;
  agent: string;
  organization: string;
  training: string;
  objectives: string;
  methods: string[];
  when: string;
  place: string;
  duration: string;
  format: string;
  trainers: string[];
  issuedOn: string;
}

/**
 * The attestation of attendance as a PDF (pdfkit and its standard Helvetica, as the committees'
 * minutes: no font file to ship; a narrow no-break space prints as a no-break space).
 */
export function attestationPdf(doc: AttestationDocument): Promise<Buffer> {
  const clean = (s: string) => s.replace(/\u202f/g, "\u00a0");
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: "A4", margin: 64, info: { Title: clean(`Attestation de formation – ${doc.training}`), Author: clean(doc.lab) }, lang: "fr-FR", displayTitle: true });
    const chunks: Buffer[] = [];
    pdf.on("data", (c: Buffer) => chunks.push(c));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
    pdf.font("Helvetica").fontSize(11).fillColor("#3a3a3a").text(clean(doc.lab));
    pdf.moveDown(2).font("Helvetica-Bold").fontSize(20).fillColor("#000091").text("Attestation de formation", { align: "center" });
    pdf.fillColor("#000000").moveDown(2).font("Helvetica").fontSize(12);
    pdf.text(clean(`${doc.lab} atteste que`));
    pdf.moveDown(0.5).font("Helvetica-Bold").fontSize(14).text(clean(doc.agent));
    if (doc.organization) pdf.font("Helvetica").fontSize(12).text(clean(doc.organization));
    pdf.moveDown(0.5).font("Helvetica").fontSize(12).text("a suivi la formation");
    pdf.moveDown(0.5).font("Helvetica-Bold").fontSize(14).text(clean(`«\u00a0${doc.training}\u00a0»`));
    pdf.moveDown(1).font("Helvetica").fontSize(12);
    const line = (label: string, value: string) => {
      if (!value) return;
      pdf.font("Helvetica-Bold").text(clean(`${label}\u00a0: `), { continued: true }).font("Helvetica").text(clean(value));
    };
    line("Session", doc.when);
    line("Lieu", doc.place);
    line("Durée", doc.duration);
    line("Format", doc.format);
    if (doc.trainers.length) line(doc.trainers.length > 1 ? "Formateurs" : "Formateur ou formatrice", doc.trainers.join(", "));
    if (doc.objectives) {
      pdf.moveDown(1).font("Helvetica-Bold").text("Objectifs");
      pdf.font("Helvetica").text(clean(doc.objectives));
    }
    if (doc.methods.length) {
      pdf.moveDown(1).font("Helvetica-Bold").text("Méthodes abordées");
      pdf.font("Helvetica").list(doc.methods.map(clean));
    }
    pdf.moveDown(2).font("Helvetica-Oblique").text(clean(`Présence relevée par le formateur ou l’équipe du lab. Attestation établie le ${doc.issuedOn}.`));
    pdf.end();
  });
}
