/**
 * The demo's library: the Région's Mini-Lab methods (the six it started with) written out as full
 * method sheets, more methods, tools and templates of the Région, Lab'EST and Innov'Mandie — whose
 * « espace de ressources » gathers tools, methods and skills (seed 003) — and case studies drafted
 * from the demo projects that reached évaluation or déploiement, published by their lab.
 */
import PDFDocument from "pdfkit";
import { getLabBySlug, loadPrincipal, usersWithRole } from "../labs/labs";
import { caseStudyCandidates } from "../projects";
import * as data from "./resources";
import { ensureLabMethods, generateCaseStudy } from "./service";
import type { ResourceKind, Visibility } from "./db/schema";

interface Sheet {
  kind: ResourceKind;
  title: string;
  summary: string;
  objective?: string;
  when_to_use?: string;
  duration?: string;
  group_size?: string;
  material?: string;
  steps?: string;
  variants?: string;
  body?: string;
  tags: string[];
  visibility: Visibility;
  /** A template to attach, as a one-page PDF with these lines. */
  template?: { filename: string; lines: string[] };
}

export const demoSheets: Record<string, Sheet[]> = {
  "region-grand-est": [
    {
      kind: "method",
      title: "Remue-méninges",
      summary: "Produire un maximum d’idées sans les juger, puis les regrouper.",
      objective: "Ouvrir le champ des possibles sur une question précise avant de choisir.",
      when_to_use: "En début de séance de Mini-Lab, une fois la problématique partagée.",
      duration: "45 minutes",
      group_size: "5 à 15 personnes",
      material: "Post-it, feutres, un mur ou un tableau partagé",
      steps: "Reformuler la question en « Comment pourrions-nous… ? »\nDix minutes d’écriture seul, une idée par post-it\nTour de table : chacun colle et lit ses idées, sans débat\nRegrouper les idées proches et nommer chaque groupe\nVoter par gommettes pour les groupes à creuser",
      variants: "Remue-méninges inversé : « comment aggraver le problème ? », puis retourner chaque idée.",
      tags: ["idéation", "atelier", "mini-lab"],
      visibility: "public",
    },
    {
      kind: "method",
      title: "Personas",
      summary: "Décrire des usagers types pour se mettre à leur place.",
      objective: "Concevoir pour des personnes précises plutôt que pour « l’usager moyen ».",
      when_to_use: "Après les entretiens ou les observations de terrain, avant l’idéation.",
      duration: "1 heure",
      group_size: "4 à 8 personnes",
      material: "Canevas de persona imprimés, photos, feutres",
      steps: "Relire les notes d’entretien et d’observation\nRepérer trois à cinq profils qui se distinguent\nRemplir un canevas par profil : besoins, irritants, journée type\nDonner un prénom et une citation à chaque persona\nAfficher les personas pendant tout le Mini-Lab",
      variants: "Personas d’agents (cuisine, entretien, accueil) pour les projets internes.",
      tags: ["usagers", "mini-lab", "design de service"],
      visibility: "public",
      template: { filename: "Canevas persona.pdf", lines: ["Prénom, âge, métier", "Sa journée type", "Ce qui l’aide", "Ce qui le gêne", "Une phrase qu’il pourrait dire"] },
    },
    {
      kind: "method",
      title: "Parcours usager",
      summary: "Suivre une démarche étape par étape, avec ses irritants.",
      objective: "Voir où la démarche se complique, du point de vue de celui qui la vit.",
      when_to_use: "Pour un service existant : inscription à la cantine, demande de matériel, accueil d’un nouvel agent.",
      duration: "1 heure 30",
      group_size: "4 à 10 personnes",
      material: "Une longue bande de papier, post-it de trois couleurs",
      steps: "Choisir un persona et un point de départ\nÉcrire chaque étape sur un post-it, dans l’ordre\nAjouter ce que la personne fait, pense et ressent\nMarquer les irritants en rouge et les moments réussis en vert\nChoisir deux irritants à traiter",
      variants: "Parcours « à venir » : le même exercice pour le service rêvé.",
      tags: ["usagers", "design de service", "diagnostic"],
      visibility: "public",
    },
    {
      kind: "method",
      title: "Carte d’empathie",
      summary: "Ce que l’usager voit, entend, pense, dit et fait.",
      objective: "Partager une compréhension fine d’un usager avant de proposer des solutions.",
      when_to_use: "En ouverture de Mini-Lab, à partir de témoignages.",
      duration: "40 minutes",
      group_size: "3 à 8 personnes",
      material: "Grande feuille en six cases, post-it",
      steps: "Placer l’usager au centre\nRemplir les cases : voit, entend, pense et ressent, dit et fait\nAjouter ses peines et ses gains\nComparer les cartes des sous-groupes",
      tags: ["usagers", "empathie", "mini-lab"],
      visibility: "agents",
      template: { filename: "Carte d’empathie.pdf", lines: ["Ce qu’il voit", "Ce qu’il entend", "Ce qu’il pense et ressent", "Ce qu’il dit et fait", "Ses peines", "Ses gains"] },
    },
    {
      kind: "method",
      title: "Prototypage",
      summary: "Fabriquer vite une maquette ou un test grandeur nature pour confronter une idée aux usagers.",
      objective: "Rendre une idée tangible et la tester avant d’y consacrer du temps et un budget.",
      when_to_use: "Après l’idéation, quand deux ou trois pistes sont retenues ; avant de présenter une proposition à une direction.",
      duration: "2 heures, puis une à deux semaines de test",
      group_size: "3 à 6 personnes par prototype",
      material: "Carton, papier, feutres, ciseaux ; un outil de maquettage pour les services numériques",
      steps: "Choisir ce que le prototype doit tester (une seule question)\nFabriquer la version la plus simple possible\nLe faire essayer à cinq usagers ou agents\nNoter ce qui marche et ce qui bloque\nDécider : abandonner, modifier ou passer à l’expérimentation",
      variants: "Jeu de rôle pour un service d’accueil ; affiche ou faux formulaire pour une démarche ; test grandeur nature dans un lycée volontaire.",
      tags: ["prototypage", "test", "mini-lab", "design de service"],
      visibility: "public",
    },
    {
      kind: "method",
      title: "Vote par gommettes",
      summary: "Chacun répartit ses gommettes sur les propositions qu’il préfère.",
      objective: "Faire émerger rapidement les préférences d’un groupe.",
      when_to_use: "Pour trier des idées ou des pistes en fin de séance.",
      duration: "15 minutes",
      group_size: "Jusqu’à 30 personnes",
      material: "Gommettes (trois à cinq par personne), ou le tableau partagé de la séance",
      steps: "Afficher toutes les propositions\nDonner le même nombre de gommettes à chacun\nVoter en silence\nCompter et discuter des écarts",
      tags: ["décision", "mini-lab"],
      visibility: "public",
    },
    {
      kind: "method",
      title: "World café",
      summary: "Des tables tournantes pour croiser les regards de nombreux agents sur quelques questions.",
      objective: "Faire contribuer un grand groupe, au-delà des services et des sites.",
      when_to_use: "Pour lancer un Mini-Lab ouvert ou restituer ses propositions aux agents.",
      duration: "1 heure 30",
      group_size: "20 à 60 personnes, par tables de 5",
      material: "Nappes en papier, feutres, une question par table",
      steps: "Un hôte par table, une question par table\nTrois tours de vingt minutes ; les participants changent de table\nL’hôte résume le tour précédent aux nouveaux arrivants\nRestitution en grand groupe",
      tags: ["intelligence collective", "grand groupe"],
      visibility: "agents",
    },
    {
      kind: "tool",
      title: "Tableau partagé des séances de Mini-Lab",
      summary: "Le tableau de post-it de chaque séance, pour participer à distance comme en salle.",
      when_to_use: "Pour toute séance hybride ou à distance ; il reste consultable et exportable après la séance.",
      body: "Chaque séance de Mini-Lab a son tableau : colonnes, post-it, gommettes. Les participants à distance écrivent en même temps que la salle. L’animateur ouvre et ferme le tableau, puis l’exporte en CSV pour le compte rendu.",
      tags: ["distanciel", "outil", "mini-lab"],
      visibility: "agents",
    },
    {
      kind: "template",
      title: "Fiche de proposition à une direction",
      summary: "Le modèle pour présenter une proposition de Mini-Lab à la direction concernée.",
      when_to_use: "Avant la restitution aux directions, en septembre et octobre.",
      body: "Le problème, la solution proposée, son impact pour les agents et les usagers, les moyens nécessaires et un coût estimé : les rubriques que les directions attendent pour arbitrer.",
      tags: ["arbitrage", "modèle"],
      visibility: "agents",
      template: { filename: "Fiche proposition.pdf", lines: ["Le problème", "La solution proposée", "L’impact attendu", "Les moyens nécessaires", "Le coût estimé"] },
    },
  ],
  labest: [
    {
      kind: "method",
      title: "Atelier prospectif « services publics 2031 »",
      summary: "Imaginer les services publics de demain et leurs impacts pour les usagers.",
      objective: "Faire travailler les agents sur les transformations à dix ans, à partir de signaux faibles.",
      when_to_use: "Pour une journée de l’innovation publique ou le lancement d’une feuille de route.",
      duration: "Une demi-journée",
      group_size: "15 à 40 personnes",
      material: "Cartes « signaux faibles », canevas de scénario",
      steps: "Présenter des signaux faibles (numérique, climat, démographie)\nEn sous-groupes, écrire un scénario pour 2031\nDécrire une journée d’un usager en 2031\nEn déduire trois actions à engager dès maintenant",
      tags: ["prospective", "atelier", "intelligence collective"],
      visibility: "public",
    },
    {
      kind: "method",
      title: "Questionnaire aux agents",
      summary: "Consulter largement les agents pour fonder une feuille de route.",
      objective: "Recueillir l’avis de milliers d’agents et en tirer des axes de travail.",
      when_to_use: "Avant d’écrire une feuille de route : Lab’EST a recueilli 7 286 réponses.",
      duration: "Quatre à six semaines de consultation",
      group_size: "Tous les agents concernés",
      steps: "Écrire peu de questions, dont deux ouvertes\nTester le questionnaire auprès de dix agents\nDiffuser par les directions et les réseaux\nRegrouper les réponses libres en thèmes\nRestituer les résultats aux agents",
      tags: ["consultation", "agents"],
      visibility: "agents",
    },
    {
      kind: "tool",
      title: "Traceur de l’innovation",
      summary: "Suivre en temps réel l’avancement de la feuille de route et de ses projets.",
      body: "Axes, projets phares, leviers et projets connexes, avec leur avancement calculé à partir des étapes des projets et des jalons franchis ; une vue publique pour les partenaires.",
      tags: ["pilotage", "outil"],
      visibility: "public",
    },
  ],
  innovmandie: [
    {
      kind: "method",
      title: "Co-construction avec les usagers",
      summary: "Associer les usagers et les agents de terrain pour concevoir des services au plus près de leurs attentes.",
      objective: "Concevoir avec les personnes concernées plutôt que pour elles.",
      when_to_use: "Dès le cadrage d’un projet de service, puis à chaque test.",
      duration: "Plusieurs ateliers de 2 heures",
      group_size: "6 à 12 personnes, usagers et agents mêlés",
      steps: "Recruter des usagers variés et des agents de terrain\nPartager le problème, pas la solution\nFaire produire des idées et des maquettes ensemble\nTester et revenir vers eux avec ce qui a changé",
      tags: ["usagers", "design de service", "co-construction"],
      visibility: "public",
    },
    {
      kind: "method",
      title: "Design de service en une journée",
      summary: "Un parcours accéléré, de l’enquête au prototype, pour découvrir le design de service.",
      objective: "Faire vivre aux agents les étapes du design de service sur un cas réel.",
      when_to_use: "Pour une formation découverte ou l’amorce d’un projet accompagné.",
      duration: "Une journée",
      group_size: "8 à 16 personnes",
      steps: "Matin : entretiens flash et parcours usager\nMidi : choix d’un irritant\nAprès-midi : idéation, prototypage et test rapide\nFin de journée : ce que l’on garde pour la suite",
      tags: ["design de service", "formation", "prototypage"],
      visibility: "agents",
    },
    {
      kind: "tool",
      title: "Espace de ressources d’Innov’Mandie",
      summary: "Collecteur de données et de compétences, agrégateur d’outils et de méthodes.",
      body: "Les méthodes et outils du Lab, les compétences des agents formés et les contacts des experts, pour que chaque service trouve de quoi démarrer un projet innovant.",
      tags: ["outil", "réseau"],
      visibility: "public",
    },
  ],
};

function templatePdf(title: string, lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: "A4", margin: 56, info: { Title: title, Author: "Germoir" }, lang: "fr-FR" });
    const chunks: Buffer[] = [];
    pdf.on("data", (c: Buffer) => chunks.push(c));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
    pdf.font("Helvetica-Bold").fontSize(18).text(title);
    pdf.font("Helvetica").fontSize(12);
    for (const l of lines) pdf.moveDown(1.5).text(l.replaceAll("’", "'")).moveDown(3).text("_".repeat(60));
    pdf.end();
  });
}

/** Seeds the library; returns how many sheets and case studies it wrote. */
export async function seedDemoResources(): Promise<{ sheets: number; caseStudies: number }> {
  let sheets = 0;
  let caseStudies = 0;
  for (const [slug, list] of Object.entries(demoSheets)) {
    const lab = await getLabBySlug(slug);
    if (!lab) continue;
    const [teamId] = await usersWithRole(lab.id, "lab_team");
    await ensureLabMethods(lab.id);
    for (const s of list) {
      const { kind, title, template, ...fields } = s;
      const existing = kind === "method" ? await data.methodByName(lab.id, title) : undefined;
      const r = existing ?? (await data.createResource({ labId: lab.id, kind, title, createdBy: teamId ?? null, published: true }));
      await data.updateResource(r.id, { summary: fields.summary, objective: fields.objective ?? "", when_to_use: fields.when_to_use ?? "", duration: fields.duration ?? "", group_size: fields.group_size ?? "", material: fields.material ?? "", steps: fields.steps ?? "", variants: fields.variants ?? "", body: fields.body ?? "", tags: fields.tags, visibility: fields.visibility });
      if (!r.published_at) await data.setPublished(r.id, true);
      if (template && teamId) await data.files.add(r.id, { filename: template.filename, mime: "application/pdf", content: await templatePdf(title, template.lines), uploadedBy: teamId });
      sheets++;
    }
    // case studies from the lab's projects at évaluation or déploiement, published
    if (teamId) {
      const team = { userId: teamId, principal: await loadPrincipal(teamId) };
      for (const c of (await caseStudyCandidates(team, lab.id)).slice(0, 3)) {
        const study = await generateCaseStudy(team, slug, c.id);
        await data.updateResource(study.id, { visibility: "public", tags: ["étude de cas", c.stage === "deployment" ? "déploiement" : "évaluation"] });
        await data.setPublished(study.id, true);
        caseStudies++;
      }
    }
  }
  return { sheets, caseStudies };
}
