import { frenchSpaces, plural } from "../kernel/format";

/** The fields of a sheet, in reading order, with their French headings (empty ones are left out). */
export const sheetSections: { key: "objective" | "when_to_use" | "problem" | "material" | "steps" | "body" | "variants" | "result" | "indicators"; label: string }[] = [
  { key: "problem", label: "Le problème" },
  { key: "objective", label: "Objectif" },
  { key: "when_to_use", label: "Quand l’utiliser" },
  { key: "material", label: "Matériel" },
  { key: "steps", label: "Déroulé" },
  { key: "body", label: "Description" },
  { key: "variants", label: "Variantes" },
  { key: "result", label: "Résultat" },
  { key: "indicators", label: "Indicateurs" },
];

/** For a case study, « Description » is the method the project followed. */
export function sectionLabel(kind: string, key: string, label: string): string {
  if (kind === "case_study" && key === "body") return "La méthode";
  return label;
}

export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n{2,}|\n/)
        .filter((l) => l.trim())
        .map((l, i) => (
          <p key={i} className="fr-mb-1w">
            {frenchSpaces(l)}
          </p>
        ))}
    </>
  );
}

export function SessionsBadge({ n }: { n: number | null }) {
  if (n === null) return null;
  return <span className="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon">{n === 0 ? "pas encore utilisée en séance" : `utilisée dans ${plural(n, "séance", "séances")}`}</span>;
}

export const fileSize = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")}\u00a0Mo` : `${Math.max(1, Math.round(bytes / 1024))}\u00a0ko`);
