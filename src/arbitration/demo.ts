/**
 * The demo's arbitration: a third Mini-Lab, on the environment theme, whose cycle ran as in the
 * Région in 2021 (sessions January to July, restitution to the directorates in September and
 * October, arbitration in the autumn), with proposals decided by the two demo directors, one
 * decision corrected; and a draft proposal in the running « Restauration scolaire » Mini-Lab.
 */
import { holdersOf } from "../ideas/ideas";
import { getLabBySlug } from "../labs/labs";
import { publishedTheme, publishedThemesOfLab } from "../themes";
import * as minilabs from "../minilabs/minilabs";
import * as arb from "./arbitration";

const d = (iso: string) => new Date(`${iso}T10:00:00+02:00`);
const LYCEES = "Direction des lycées";
const ENV = "Direction de l’environnement";

interface PlannedProposal {
  fields: Omit<arb.ProposalFields, "directorate">;
  directorate: string;
  created: string;
  submitted: string;
  decisions: { outcome: arb.DecisionOutcome; reason: string; at: string; due?: string }[];
}

const plan: PlannedProposal[] = [
  {
    fields: {
      title: "Un composteur par lycée, animé par les équipes de cuisine",
      problem: "Les restes de préparation et de plateaux partent à l’incinération : plusieurs tonnes par lycée et par an, alors que les jardins pédagogiques manquent de terreau.",
      solution: "Installer un composteur dans chaque lycée volontaire, former un référent en cuisine et un en entretien, et suivre les quantités compostées chaque mois.",
      impact: "Moins de déchets incinérés, un support pédagogique pour les élèves, des équipes fières d’un geste visible.",
      resources: "Un composteur (environ 800 €) et une demi-journée de formation par site ; le syndicat de traitement des déchets fournit l’accompagnement.",
      costEur: 24000,
    },
    directorate: ENV,
    created: "2021-05-18",
    submitted: "2021-09-14",
    decisions: [{ outcome: "adopted", reason: "Coût faible, bénéfice visible et mesurable ; démarrage dans 30 lycées volontaires à la rentrée 2022.", at: "2021-11-16", due: "2022-09-30" }],
  },
  {
    fields: {
      title: "Éteindre la nuit les équipements qui tournent à vide",
      problem: "Chambres froides vides, fontaines réfrigérées et photocopieurs restent allumés les nuits et les week-ends dans de nombreux lycées.",
      solution: "Des prises programmables et une liste de contrôle de fermeture, tenue par les agents d’entretien en fin de journée.",
      impact: "Une baisse mesurable de la consommation électrique, sans travaux.",
      resources: "Prises programmables et compteurs : 150 € par lycée ; une heure de formation.",
      costEur: 35000,
    },
    directorate: LYCEES,
    created: "2021-04-06",
    submitted: "2021-09-21",
    decisions: [
      {
        outcome: "adopted_modified",
        reason: "Adoptée pour les équipements de bureau et les fontaines ; les chambres froides restent sous la responsabilité des chefs de cuisine, pour la sécurité alimentaire.",
        at: "2021-11-23",
        due: "2022-06-30",
      },
    ],
  },
  {
    fields: {
      title: "Une gourde pour chaque agent et la fin des bouteilles en plastique",
      problem: "Les réunions et les cuisines consomment encore des milliers de bouteilles d’eau en plastique.",
      solution: "Offrir une gourde à chaque agent et installer des points d’eau filtrée dans les sièges et les Maisons de la Région.",
      impact: "Moins de plastique, un geste symbolique partagé par tous.",
      resources: "Gourdes et fontaines : à chiffrer avec la commande publique.",
      costEur: null,
    },
    directorate: ENV,
    created: "2021-03-02",
    submitted: "2021-10-05",
    decisions: [{ outcome: "deferred", reason: "Intéressante, mais à intégrer au prochain marché de fournitures (2023) plutôt qu’en achat isolé.", at: "2021-11-30" }],
  },
  {
    fields: {
      title: "Des panneaux solaires sur le toit de chaque lycée",
      problem: "Les toits des lycées sont de grandes surfaces inutilisées, alors que la facture d’électricité augmente.",
      solution: "Équiper tous les toits de panneaux photovoltaïques en autoconsommation.",
      impact: "Une part de l’électricité produite sur place.",
      resources: "Travaux lourds, études de structure par bâtiment.",
      costEur: 40000000,
    },
    directorate: LYCEES,
    created: "2021-06-10",
    submitted: "2021-10-12",
    decisions: [{ outcome: "rejected", reason: "Hors de portée d’un Mini-Lab : le plan pluriannuel d’investissement des lycées traite déjà du photovoltaïque, bâtiment par bâtiment.", at: "2021-12-07" }],
  },
  {
    fields: {
      title: "Le tri sélectif dans les bureaux et les salles des professeurs",
      problem: "Les bureaux des lycées n’ont qu’une poubelle : papier, emballages et restes finissent ensemble.",
      solution: "Des bacs de tri dans chaque bureau et salle des professeurs, une collecte adaptée par les agents d’entretien, une affiche simple.",
      impact: "Du papier recyclé au lieu d’être incinéré, un tri cohérent avec celui des cantines.",
      resources: "Bacs (40 € l’unité) et adaptation des circuits de collecte des agents d’entretien.",
      costEur: 18000,
    },
    directorate: LYCEES,
    created: "2021-02-15",
    submitted: "2021-09-28",
    decisions: [
      { outcome: "rejected", reason: "La collecte supplémentaire alourdirait la charge des agents d’entretien.", at: "2021-11-09" },
      {
        outcome: "adopted",
        reason: "Correction après avis des équipes d’entretien : la collecte se fait dans la tournée existante, sans charge supplémentaire. Adoptée.",
        at: "2021-12-02",
        due: "2022-03-31",
      },
    ],
  },
];

export async function seedDemoArbitration(input: { labSlug: string; curatorId: string; facilitatorIds: string[]; directorIds: { lycees: string; environnement: string } }): Promise<{ proposals: number; decisions: number }> {
  const lab = await getLabBySlug(input.labSlug);
  if (!lab) return { proposals: 0, decisions: 0 };
  const themes = await publishedThemesOfLab(lab.id);
  const envTheme = themes.find((t) => t.label.startsWith("Environnement")) ?? themes.find((t) => !/restauration|ménage/i.test(t.label));
  let proposals = 0;
  let decisions = 0;

  if (envTheme) {
    const theme = await publishedTheme(envTheme.id, lab.id);
    const holders = theme ? [...new Set([...(await holdersOf(theme.ideaIds)).values()].flat())] : [];
    const facilitators = input.facilitatorIds.slice(-1);
    const m = await minilabs.createMinilab(
      {
        labId: lab.id,
        themeId: envTheme.id,
        themeLabel: envTheme.label,
        name: "Mini-Lab Lycées écoresponsables",
        question: "Comment réduire les déchets et l’énergie gaspillée dans les lycées, avec les gestes des agents qui y travaillent ?",
        joinPolicy: "open",
        sessionsFrom: d("2021-01-11"),
        sessionsUntil: d("2021-07-09"),
        restitutionOn: d("2021-10-15"),
        arbitrationOn: d("2021-12-10"),
        directorates: [LYCEES, ENV],
        createdBy: input.curatorId,
      },
      facilitators,
      holders,
      d("2020-12-14"),
    );
    // Most holders joined in January; the others declined.
    const invited = holders.filter((h) => !facilitators.includes(h));
    const joined = invited.slice(0, Math.max(1, Math.round(invited.length * 0.7)));
    for (const u of invited) await minilabs.setMemberStatus(m.id, u, joined.includes(u) ? "active" : "declined", d("2021-01-08"));
    const authors = joined.length ? joined : facilitators;
    const owners = [...facilitators, ...joined];
    for (const [i, p] of plan.entries()) {
      const author = authors[i % authors.length];
      const created = await arb.createProposal(m.id, author, { ...p.fields, directorate: p.directorate }, d(p.created));
      await arb.markSubmitted(created.id, facilitators[0] ?? author, d(p.submitted));
      proposals++;
      let previous: string | null = null;
      for (const [j, x] of p.decisions.entries()) {
        const adopted = arb.isAdoption(x.outcome);
        const dec = await arb.insertDecision({
          proposalId: created.id,
          outcome: x.outcome,
          reason: x.reason,
          followUpOwnerId: adopted ? owners[(i + j) % owners.length] : null,
          followUpDue: adopted && x.due ? d(x.due) : null,
          correctsId: previous,
          decidedBy: p.directorate === LYCEES ? input.directorIds.lycees : input.directorIds.environnement,
          at: d(x.at),
        });
        previous = dec.id;
        decisions++;
      }
    }
  }

  // The running « Restauration scolaire » Mini-Lab: one draft, written by one of its members.
  const running = (await minilabs.listMinilabs([lab.id])).find((m) => m.name === "Mini-Lab Restauration scolaire");
  if (running) {
    const members = (await minilabs.listMembers([running.id])).filter((x) => x.status === "active" && x.role === "member");
    const author = members[0]?.user_id;
    if (author) {
      await arb.createProposal(running.id, author, {
        title: "Peser les restes des plateaux chaque semaine",
        problem: "Personne ne sait combien de nourriture est jetée au self, ni quels plats reviennent le plus.",
        solution: "Une pesée hebdomadaire des restes par plat, affichée au self, et un menu ajusté avec le chef de cuisine.",
        impact: "Moins de gaspillage, des menus qui plaisent davantage, des élèves associés.",
        resources: "Une balance par self (environ 300 €) et dix minutes par semaine.",
        costEur: null,
        directorate: LYCEES,
      });
      proposals++;
    }
  }
  return { proposals, decisions };
}
