/**
 * The demo's three communities of practice of the Région Grand Est — cleaning and catering in the
 * lycées, the assistants of headquarters and Maisons de la Région — with members drawn from the
 * demo agents by job, threads with replies, a moderated reply, a problem sent to the lab as an
 * idea, and a question from the director of the lycées to the cleaning community's panel.
 */
import { getUser } from "../accounts/accounts";
import { listLabCampaigns, campaignPhase } from "../campaigns/campaigns";
import { getLabBySlug, loadPrincipal } from "../labs/labs";
import type { Viewer } from "../kernel/permissions";
import * as c from "./communities";
import { atWorkingHour } from "../demo/clock";
import { answerPanel, askPanel, createCommunityFor, sendAsIdea } from "./service";

const DAY = 86_400_000;

export interface DemoPerson {
  userId: string;
  job: string;
  organizationKey: string;
}

interface DemoThread {
  kind: c.ThreadKind;
  title: string;
  body: string;
  daysAgo: number;
  replies: string[];
  /** sent to the lab as an idea, with this proposal */
  sendAs?: { proposal: string; beneficiaries: string };
  /** index of a reply hidden by the animator, with the reason */
  hide?: { reply: number; reason: string };
}

interface DemoCommunity {
  name: string;
  profession: string;
  description: string;
  jobs: RegExp;
  organizations?: RegExp;
  threads: DemoThread[];
  panel?: { question: string; closesInDays: number; answers: string[] };
}

export const demoCommunities: DemoCommunity[] = [
  {
    name: "Agents d’entretien des lycées",
    profession: "Agents d’entretien (ménage) des lycées",
    description:
      "La communauté des agents et chefs d’équipe d’entretien des lycées de la Région : partager les bonnes pratiques, les produits et le matériel qui marchent, les difficultés du quotidien, et porter ensemble des idées au lab.",
    jobs: /entretien/i,
    threads: [
      {
        kind: "problem",
        title: "Les chariots de ménage sont trop lourds dans les étages sans ascenseur",
        body:
          "Dans notre lycée, deux bâtiments n’ont pas d’ascenseur. Chaque matin on monte les chariots chargés (seaux, produits, sacs) à deux, marche par marche. Le dos en prend un coup et on perd un quart d’heure par étage. Est-ce que d’autres sites ont le même problème ?",
        daysAgo: 41,
        replies: [
          "Pareil chez nous à Colmar, bâtiment B. Deux collègues sont en arrêt pour le dos cette année.",
          "On a obtenu un petit local de rangement par étage : le matériel reste en haut, on ne monte que les produits. Ça change tout.",
          "Les chariots pliants en aluminium pèsent moitié moins. Le lycée Fabert en a testé trois, il faudrait demander leur retour.",
        ],
        sendAs: {
          proposal:
            "Équiper chaque étage sans ascenseur d’un local de rangement pour le matériel de ménage, et remplacer les chariots lourds par des chariots pliants en aluminium déjà testés au lycée Fabert.",
          beneficiaries: "Les agents d’entretien des lycées sans ascenseur",
        },
      },
      {
        kind: "discussion",
        title: "Quels produits pour les sols en lino sans les rayer ?",
        body: "Nos salles de sciences ont un lino neuf qui se raye avec la monobrosse. Quels produits et quels disques utilisez-vous pour ce type de sol ?",
        daysAgo: 28,
        replies: [
          "Disque blanc uniquement sur le lino, jamais le rouge. Et un détergent neutre, pas de décapant.",
          "Nous utilisons un produit écolabellisé dilué à 1 %, ça suffit largement pour l’entretien courant.",
          "Demandez la fiche d’entretien au fournisseur du sol : la garantie en dépend parfois.",
        ],
      },
      {
        kind: "project",
        title: "Un planning de ménage partagé avec les enseignants",
        body:
          "On arrive souvent dans une salle encore occupée, ou on nettoie une salle qui n’a pas servi. Je propose un planning partagé : les enseignants signalent les salles libérées et les salles non utilisées, on adapte la tournée.",
        daysAgo: 16,
        replies: [
          "Bonne idée, mais il faut que ce soit simple : une feuille en salle des professeurs marcherait mieux qu’un logiciel.",
          "Chez nous la vie scolaire le fait déjà avec l’emploi du temps de Pronote, on pourrait s’en inspirer.",
        ],
      },
      {
        kind: "problem",
        title: "Le ménage pendant les cours du soir",
        body: "Depuis la rentrée, des cours du soir ont lieu jusqu’à 20 h dans notre bâtiment. Notre tournée commence à 17 h : impossible de faire les salles sans déranger.",
        daysAgo: 6,
        replies: ["Nous avons décalé une partie de l’équipe sur le matin tôt, après accord avec le gestionnaire. À négocier site par site."],
      },
    ],
    panel: {
      question: "Si vous pouviez changer une seule chose dans l’organisation du ménage de votre lycée, laquelle choisiriez-vous ?",
      closesInDays: 20,
      answers: [
        "Un local de rangement à chaque étage, pour ne plus porter le matériel.",
        "Des horaires décalés pour ne plus travailler pendant les cours.",
        "Être consultés avant l’achat des produits et du matériel.",
        "Une vraie formation aux gestes et postures à l’arrivée, pas au bout de deux ans.",
        "Des tournées revues chaque année selon l’occupation réelle des salles.",
        "Du matériel en nombre suffisant : aujourd’hui on se partage les aspirateurs.",
        "Plus de reconnaissance : que les élèves sachent qui nettoie leur lycée.",
        "Des chariots plus légers et des seaux à roulettes.",
      ],
    },
  },
  {
    name: "Restauration des lycées",
    profession: "Agents de cuisine et de restauration des lycées",
    description:
      "Cuisiniers, seconds, chefs de cuisine et agents de restauration des lycées : recettes, approvisionnement local, lutte contre le gaspillage et organisation du service.",
    jobs: /cuisin|restauration/i,
    organizations: /^lycee-/,
    threads: [
      {
        kind: "problem",
        title: "Trop de pain jeté au self",
        body: "Nous jetons chaque jour près de deux cagettes de pain. Les élèves en prennent trois tranches et en laissent deux. Comment faites-vous pour limiter ce gaspillage ?",
        daysAgo: 35,
        replies: [
          "Nous avons mis le pain en fin de chaîne, après le plat : les élèves en prennent moins.",
          "Une table de tri avec pesée du pain jeté, affichée chaque semaine : en un mois on a divisé par deux.",
          "Arrête de raconter n’importe quoi, chez toi ça n’a jamais marché.",
          "Les boulangers locaux acceptent parfois de livrer en plus petites quantités, deux fois par jour.",
        ],
        hide: { reply: 2, reason: "Propos personnels envers un collègue : merci de rester courtois." },
      },
      {
        kind: "project",
        title: "Des menus végétariens que les élèves mangent vraiment",
        body:
          "Le menu végétarien hebdomadaire revient souvent à moitié plein. Je propose qu’on partage ici nos recettes qui marchent auprès des lycéens, avec les grammages, pour constituer un recueil commun à tous les lycées.",
        daysAgo: 22,
        replies: [
          "Le chili sin carne avec du riz part toujours en entier chez nous.",
          "Les lasagnes aux légumes et à la ricotta, testées trois fois, zéro reste.",
          "Je peux mettre en forme le recueil si chacun m’envoie ses fiches techniques.",
        ],
      },
      {
        kind: "discussion",
        title: "Commandes aux producteurs locaux : comment faites-vous ?",
        body: "Nous voulons acheter plus local, mais les marchés publics nous semblent compliqués. Qui passe par la plateforme régionale d’approvisionnement ?",
        daysAgo: 9,
        replies: ["Nous, depuis l’an dernier : c’est simple, les producteurs y sont déjà référencés.", "Attention aux volumes minimum de livraison, à vérifier avant de s’engager."],
      },
    ],
  },
  {
    name: "Assistantes et assistants des sièges et des Maisons de la Région",
    profession: "Assistantes et assistants de direction des sièges et des Maisons de la Région",
    description: "Les assistantes et assistants de direction des sièges de Strasbourg, Metz et Châlons et des Maisons de la Région : outils, agendas, accueil et entraide.",
    jobs: /assistant|secr[ée]taire/i,
    organizations: /^(region-hq|maison-)/,
    threads: [
      {
        kind: "discussion",
        title: "Gérer l’agenda de plusieurs directeurs à la fois",
        body: "Depuis la réorganisation, je gère les agendas de trois directeurs qui se croisent sans cesse. Quelles sont vos astuces pour éviter les doubles réservations ?",
        daysAgo: 30,
        replies: [
          "Un code couleur par direction et un créneau commun bloqué chaque lundi pour arbitrer.",
          "Demandez la délégation complète des agendas dans la messagerie, sinon c’est ingérable.",
          "Nous faisons un point de dix minutes chaque vendredi avec les trois, ça évite bien des conflits.",
        ],
      },
      {
        kind: "problem",
        title: "Trois outils différents pour réserver une salle",
        body: "Au siège, les salles se réservent dans la messagerie, les salles de visioconférence dans un autre outil et les véhicules dans un troisième. On perd un temps fou à tout recouper.",
        daysAgo: 14,
        replies: ["Même constat à la Maison de Mulhouse : nous tenons un tableau à part pour nous y retrouver.", "Il faudrait un seul outil de réservation pour les salles, la visio et les véhicules."],
      },
      {
        kind: "project",
        title: "Un guide d’accueil des nouveaux assistants",
        body: "Quand on arrive, personne ne nous explique les circuits de signature, les parapheurs et les outils. Je propose d’écrire ensemble un guide d’accueil de dix pages.",
        daysAgo: 4,
        replies: ["Je m’occupe du chapitre sur les circuits de signature.", "Ajoutons la liste des contacts utiles par direction, c’est ce qui m’a le plus manqué."],
      },
    ],
  },
];

/** The demo agents who joined a community: most of those whose job (and organisation) match, not all. */
export function demoMembersOf<T extends { job: string; organizationKey: string }>(plan: Pick<DemoCommunity, "jobs" | "organizations">, agents: T[]): T[] {
  return agents.filter((a) => plan.jobs.test(a.job) && (!plan.organizations || plan.organizations.test(a.organizationKey))).filter((_, k) => k % 4 !== 3);
}

const viewer = async (userId: string): Promise<Viewer> => ({ userId, principal: await loadPrincipal(userId) });

export async function seedDemoCommunities(input: { labSlug: string; curatorId: string; directorId: string; animatorIds: string[]; agents: DemoPerson[]; now: Date }): Promise<{ communities: number; threads: number; replies: number; answers: number }> {
  const lab = await getLabBySlug(input.labSlug);
  if (!lab) return { communities: 0, threads: 0, replies: 0, answers: 0 };
  const team = await viewer(input.curatorId);
  const openCampaign = (await listLabCampaigns([lab.id])).find((x) => campaignPhase(x, input.now) === "open");
  const stats = { communities: 0, threads: 0, replies: 0, answers: 0 };
  for (const [i, plan] of demoCommunities.entries()) {
    const members = demoMembersOf(plan, input.agents);
    const animatorId = input.animatorIds[i] ?? null;
    const animatorEmail = animatorId ? (await getUser(animatorId))?.email : undefined;
    const community = await createCommunityFor(team, input.labSlug, { name: plan.name, profession: plan.profession, description: plan.description, animatorEmails: animatorEmail ? [animatorEmail] : [] });
    const joinedAt = new Date(input.now.getTime() - 60 * DAY);
    for (const m of members) await c.setMembership(community.id, m.userId, "active", undefined, joinedAt);
    stats.communities++;
    for (const [k, t] of plan.threads.entries()) {
      const author = members[(k * 7 + i) % members.length];
      const at = atWorkingHour(new Date(input.now.getTime() - t.daysAgo * DAY), i * 100 + k, input.now);
      const thread = await c.createThread({ communityId: community.id, authorId: author.userId, kind: t.kind, title: t.title, body: t.body, at });
      stats.threads++;
      const replies: c.Reply[] = [];
      for (const [r, body] of t.replies.entries()) {
        const by = members[(k * 7 + i + 3 * (r + 1)) % members.length];
        const previous = replies.at(-1)?.created_at ?? at;
        let when = atWorkingHour(new Date(at.getTime() + (r + 1) * 0.4 * DAY), i * 100 + k * 10 + r, input.now);
        if (when <= new Date(previous)) when = new Date(new Date(previous).getTime() + (20 + 7 * r) * 60_000);
        replies.push(await c.addReply(thread.id, by.userId, body, when));
        stats.replies++;
      }
      if (t.hide && animatorId) await c.hideReply(replies[t.hide.reply].id, t.hide.reason, animatorId, atWorkingHour(new Date(at.getTime() + 2 * DAY), k, input.now));
      if (t.sendAs && openCampaign) await sendAsIdea(await viewer(author.userId), community.id, thread.id, { campaignId: openCampaign.id, ...t.sendAs });
    }
    if (plan.panel) {
      const director = await viewer(input.directorId);
      const q = await askPanel(director, community.id, { question: plan.panel.question, closesAt: new Date(input.now.getTime() + plan.panel.closesInDays * DAY) }, atWorkingHour(new Date(input.now.getTime() - 3 * DAY), i, input.now));
      for (const [k, body] of plan.panel.answers.entries()) {
        const m = members[(k * 5 + 1) % members.length];
        await answerPanel(await viewer(m.userId), community.id, q.id, body);
        stats.answers++;
      }
    }
  }
  return stats;
}
