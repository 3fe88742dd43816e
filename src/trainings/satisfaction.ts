/**
 * The satisfaction questionnaire sent after a session to the agents present (wired in
 * src/wiring.ts to the surveys module): the same five questions for every training, so that the
 * lab compares its sessions. Pure.
 */
import type { SurveyTemplate } from "../surveys";

export const SATISFACTION_DAYS = 30;

export function satisfactionTemplate(sessionTitle: string): SurveyTemplate {
  return {
    title: `Votre avis\u00a0: ${sessionTitle}`,
    description: "Vous avez suivi cette session\u00a0: dites-nous ce qu’elle vous a apporté. Vos réponses aident le lab à améliorer ses formations.",
    sections: [
      {
        title: "La session",
        questions: [
          { kind: "scale5", label: "Dans l’ensemble, êtes-vous satisfait ou satisfaite de cette session\u00a0?", help: "1\u00a0: pas du tout, 5\u00a0: tout à fait.", required: true },
          { kind: "single", label: "Les objectifs annoncés ont-ils été atteints\u00a0?", options: ["Oui", "En partie", "Non"], required: true },
          { kind: "scale10", label: "Recommanderiez-vous cette formation à un ou une collègue\u00a0?", help: "0\u00a0: certainement pas, 10\u00a0: certainement.", required: true },
          { kind: "long_text", label: "Qu’allez-vous mettre en pratique dans votre service\u00a0?" },
          { kind: "long_text", label: "Que faudrait-il améliorer\u00a0?" },
        ],
      },
    ],
  };
}
