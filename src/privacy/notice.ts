import { runtime } from "../kernel/runtime";
import { frenchSpaces, plural } from "../kernel/format";

const days = (n: number) => plural(n, "jour", "jours");

/**
 * What the legal pages say about the operator and about personal data, from the configuration
 * (the same retention durations the purge job applies).
 */
export function legalNotice() {
  const { config } = runtime();
  const r = config.retention;
  return {
    instanceName: config.instance.name,
    publicUrl: config.publicUrl,
    ...config.legal,
    retention: [
      { data: "Compte (nom, prénom, adresse électronique, organisation, fonction, identifiant ProConnect)", duration: "Tant que le compte existe ; effacé dès que vous supprimez votre compte (page «\u00a0Mes données\u00a0»)." },
      { data: "Sessions de connexion", duration: `${days(r.sessionDays)} au plus, puis supprimées ; toutes supprimées à la déconnexion ou à la suppression du compte.` },
      { data: "Contenu des courriels envoyés", duration: `${days(r.mailBodyDays)} après l’envoi ; l’objet, le destinataire et la date restent comme trace de l’envoi, jusqu’à la suppression du compte.` },
      { data: "Notifications lues", duration: `${days(r.readNotificationDays)} après leur lecture ; les notifications non lues restent jusqu’à leur lecture.` },
      { data: "Contributions (idées, commentaires, soutiens, propositions, messages, post-it, réponses aux panels, évaluations)", duration: "Durée de la démarche d’innovation et de sa mémoire ; à la suppression du compte, elles sont conservées sous la mention «\u00a0Agent supprimé\u00a0», sans lien avec votre identité." },
      { data: "Journal des suppressions de compte (pseudonyme et date, sans donnée d’identification)", duration: `${days(r.deletionLogDays)}.` },
    ].map((row) => ({ data: frenchSpaces(row.data), duration: frenchSpaces(row.duration) })),
  };
}
export type LegalNotice = ReturnType<typeof legalNotice>;
