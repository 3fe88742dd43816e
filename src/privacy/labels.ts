import { formatDateTime } from "../kernel/format";
import type { PersonalValue } from "../kernel/personal-data";

/** French names of the exported fields, for the readable page (the JSON keeps the English keys). */
export const fieldLabels: Record<string, string> = {
  email: "Adresse électronique",
  given_name: "Prénom",
  family_name: "Nom",
  job: "Fonction",
  site: "Site",
  siret: "SIRET",
  oidc_sub: "Identifiant chez le fournisseur d’identité",
  created_at: "Créé le",
  updated_at: "Modifié le",
  last_login_at: "Dernière connexion",
  role: "Rôle",
  title: "Titre",
  problem: "Problème",
  proposal: "Proposition",
  beneficiaries: "Bénéficiaires",
  status: "État",
  award_kind: "Prix",
  hidden_at: "Masqué le",
  hidden_reason: "Motif du masquage",
  submitted_at: "Soumis le",
  body: "Texte",
  filename: "Fichier",
  mime: "Type",
  size: "Taille (octets)",
  kind: "Nature",
  note: "Note",
  comment: "Commentaire",
  score: "Note attribuée",
  source: "Origine",
  invited_at: "Invité le",
  joined_at: "Arrivé le",
  present: "Présent",
  recorded_at: "Noté le",
  column_key: "Colonne",
  text: "Texte",
  author_name: "Signé",
  deleted_at: "Supprimé le",
  solution: "Solution",
  impact: "Impact",
  resources: "Moyens",
  cost_eur: "Coût (euros)",
  directorate: "Direction",
  outcome: "Décision",
  reason: "Motif",
  follow_up_due: "Échéance du suivi",
  decided_at: "Décidé le",
  decided_by_you: "Décidé par vous",
  follow_up_by_you: "Suivi par vous",
  question: "Question",
  closes_at: "Clôture",
  link: "Lien",
  read_at: "Lu le",
  expires_at: "Expire le",
  subject: "Objet",
  sent_at: "Envoyé le",
  state: "État",
  published_at: "Publié le",
  detail: "Détail",
  committee: "Comité",
  side: "Siège pour",
  choice: "Vote",
  starts_at: "Date",
  place: "Lieu",
  drafted_at: "Rédigé le",
  validated_at: "Validé le",
  registered_at: "Inscrit le",
  training: "Formation",
  session: "Session",
  manager_email: "Adresse de votre responsable",
  asked_at: "Demandé le",
};

/** The columns shown on the readable page: technical identifiers stay in the JSON file. */
export const readableField = (key: string) => key !== "id" && !key.endsWith("_id");

export function readableValue(v: PersonalValue): string {
  if (v === null) return "–";
  if (v instanceof Date) return formatDateTime(v);
  if (typeof v === "boolean") return v ? "oui" : "non";
  if (Array.isArray(v)) return v.join(", ");
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return formatDateTime(v);
  return String(v);
}
