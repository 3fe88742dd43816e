import { formatNumber, frenchSpaces } from "../kernel/format";

export const stageLabels: Record<string, string> = {
  analyse: "Lecture des textes",
  vectorise: "Pondération des mots",
  reduce: "Réduction des dimensions",
  neighbours: "Recherche des idées voisines",
  "choose-k": "Choix du nombre de thèmes",
  cluster: "Regroupement des idées",
  label: "Nommage des thèmes",
};

/** Stage and percentage of a running analysis, announced to screen readers. */
export function RunProgress({ stage, percent, status, cancelRequested }: { stage: string | null; percent: number; status: string; cancelRequested: boolean }) {
  const text =
    status === "queued"
      ? "En attente de démarrage"
      : cancelRequested
        ? "Annulation en cours"
        : `${stageLabels[stage ?? ""] ?? "Préparation"}\u00a0: ${formatNumber(percent)}\u00a0%`;
  return (
    <div className="fr-mb-2w">
      <p role="status" id="run-status" className="fr-mb-1w">
        {text}
      </p>
      <progress className="germoir-progress" max={100} value={percent} aria-labelledby="run-status">
        {formatNumber(percent)}&nbsp;%
      </progress>
    </div>
  );
}

/** A palette readable by most colour-blind people (Okabe–Ito), then DSFR blues. */
export const themeColours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000091", "#F0E442", "#6A6AF4", "#8D533E", "#3A3A3A", "#A558A0"];
export const colourOf = (i: number) => (i < 0 ? "#929292" : themeColours[i % themeColours.length]);

export interface PublishedTheme {
  analysisId: string;
  label: string;
  total: number;
  others: { id: string; title: string; author: string }[];
}

/** « Votre idée rejoint la problématique … », with the other ideas of that theme and their authors. */
export function ThemeNotice({ theme, own, headingLevel = 2 }: { theme: PublishedTheme; own: boolean; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="fr-callout fr-callout--blue-cumulus fr-mb-4w">
      <H className="fr-callout__title fr-h5">
        {own ? "Votre idée rejoint la problématique" : "Cette idée rejoint la problématique"} «&nbsp;{theme.label}&nbsp;»
      </H>
      {theme.total === 0 ? (
        <p className="fr-callout__text">Elle est la seule de cette problématique pour l’instant.</p>
      ) : (
        <>
          <p className="fr-callout__text fr-text--md">
            {theme.total === 1 ? "Une autre idée" : `${formatNumber(theme.total)} autres idées`} y répond{theme.total > 1 ? "ent" : ""}
            {theme.others.length < theme.total ? ", dont" : ""}&nbsp;:
          </p>
          <ul className="fr-text--sm">
            {theme.others.map((o) => (
              <li key={o.id}>
                <a href={`/idees/${o.id}`}>{frenchSpaces(o.title)}</a> – {o.author}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="fr-text--sm fr-mb-0">
        <a href={`/problematiques/${theme.analysisId}`}>Voir toutes les problématiques et la carte des idées</a>
      </p>
    </div>
  );
}
