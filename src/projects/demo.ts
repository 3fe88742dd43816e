/**
 * The demo's projects. Lab'EST's, from its programme (seed 002) at their stages: the « direction
 * agile et résiliente » experimentation with DRAAF Grand Est, DDT 88 and Préfecture 52; the new
 * SGC and DDI service projects funded by the FTAP; the follow-ups of « Imaginons ensemble l’avenir
 * des services de l’État du Grand Est ». The Région's adopted decisions of the finished « Lycées
 * écoresponsables » Mini-Lab become projects, so the demo's ideas show a trace down to a project.
 * When the installation has Innov'Mandie (slug `innovmandie`), its incubated projects (seed 003).
 */
import { getLabBySlug, usersWithRole } from "../labs/labs";
import { createOrganization, listOrganizations, type OrganizationKind } from "../organizations/organizations";
import * as minilabs from "../minilabs/minilabs";
import * as arb from "../arbitration/arbitration";
import { transaction } from "../kernel/db/transaction";
import * as data from "./projects";
import * as requests from "../requests";
import { createProjectFromRequest, projectFromDecision } from "./service";
import { defaultDeliverables, mainStages, type MainStage, type ServiceKind } from "./stages";

const d = (iso: string) => new Date(`${iso}T10:00:00+01:00`);
const q = (s: string) => `«\u00a0${s}\u00a0»`;

interface OrgSpec {
  name: string;
  kind: OrganizationKind;
  service: ServiceKind;
  city?: string;
}

interface ProjectSpec {
  title: string;
  problem: string;
  users: string;
  stage: MainStage;
  /** When each stage up to the current one was entered. */
  entered: string[];
  orgs: OrgSpec[];
  budget?: { requested: number; granted: number | null; source: string };
  starts: string;
  ends?: string;
  plannedEndOfStage?: string;
  journal: [string, string][];
  indicators?: { name: string; unit: string; baseline: number; target: number; measures: [string, number][] }[];
  /** The gate to the next stage, asked and waiting for its committee. */
  pendingGate?: boolean;
  conditions?: string[];
  /** The title of the desk request (« guichet ») it was born from, in the same lab: its dates then follow the request's acceptance. */
  request?: string;
}

const org = (name: string, kind: OrganizationKind, service: ServiceKind, city?: string): OrgSpec => ({ name, kind, service, city });
const DRAAF = org("Direction régionale de l’alimentation, de l’agriculture et de la forêt Grand Est", "other", "etat", "Châlons-en-Champagne");
const DDT88 = org("Direction départementale des territoires des Vosges", "ddt", "etat", "Épinal");
const PREF52 = org("Préfecture de la Haute-Marne", "prefecture", "etat", "Chaumont");
const PREF_GE = org("Préfecture de la région Grand Est", "prefecture", "etat", "Strasbourg");
const REGION = org("Région Grand Est - Hôtel de Région", "region_hq", "region", "Strasbourg");
const SGC55 = org("Secrétariat général commun départemental de la Meuse", "other", "etat", "Bar-le-Duc");
const DDETS51 = org("Direction départementale de l’emploi, du travail et des solidarités de la Marne", "other", "etat", "Châlons-en-Champagne");

const labEstProjects: ProjectSpec[] = [
  {
    title: "Expérimentation d’une direction agile et résiliente",
    problem: "Concrétiser l’axe 2 de la feuille de route « Imaginons ensemble l’avenir des services de l’État du Grand Est » : trois services volontaires expérimentent une organisation plus agile et plus résiliente (décisions plus proches du terrain, équipes qui se relaient, travail en mode projet).",
    users: "Les agents et l’encadrement de la DRAAF Grand Est, de la DDT des Vosges et de la préfecture de la Haute-Marne",
    stage: "experimentation",
    entered: ["2021-09-15", "2022-01-20", "2022-06-14"],
    orgs: [DRAAF, DDT88, PREF52],
    starts: "2021-09-15",
    ends: "2023-12-31",
    plannedEndOfStage: "2023-06-30",
    journal: [
      ["2021-10-05", "Entretiens avec 42 agents des trois services : les irritants (circuits de signature, réunions, continuité en cas d’absence)."],
      ["2022-03-10", "Prototype de « binômes de continuité » et de délégations de signature testé deux semaines à la DDT des Vosges."],
      ["2022-06-14", "Le comité de pilotage donne son accord à l’expérimentation dans les trois services, avec deux conditions."],
    ],
    indicators: [
      { name: "Délai moyen de signature d’un acte courant", unit: "jours", baseline: 9, target: 4, measures: [["2022-09-30", 7], ["2023-01-31", 5]] },
      { name: "Agents se disant en capacité de remplacer un collègue", unit: "%", baseline: 38, target: 70, measures: [["2023-01-31", 55]] },
    ],
    conditions: ["Associer les représentants du personnel au bilan à mi-parcours"],
  },
  {
    title: "Projet de service du secrétariat général commun de la Meuse",
    problem: "Nouvellement créé par la réforme de l’organisation territoriale de l’État, le SGC réunit des agents venus de plusieurs administrations : il lui faut un projet de service partagé et une équipe soudée.",
    users: "Les 60 agents du SGC et les services départementaux qu’il soutient",
    stage: "prototype",
    entered: ["2021-11-08", "2022-03-01"],
    orgs: [SGC55],
    budget: { requested: 30000, granted: 25000, source: "FTAP" },
    starts: "2021-11-08",
    ends: "2022-12-31",
    // its prototype done, it waits for the steering committee to enter experimentation
    pendingGate: true,
    journal: [
      ["2021-12-02", "Atelier d’intelligence collective avec l’équipe de direction du SGC."],
      ["2022-03-01", "Le FTAP finance l’accompagnement : rédaction du cahier des charges de la prestation."],
    ],
  },
  {
    title: "Cohésion d’équipe et projet de service de la DDETS de la Marne",
    problem: "La direction départementale interministérielle issue de la fusion de deux services cherche une culture commune et un projet de service.",
    users: "Les agents de la DDETS de la Marne",
    stage: "exploration",
    entered: ["2022-09-12"],
    orgs: [DDETS51],
    budget: { requested: 18000, granted: null, source: "FTAP" },
    starts: "2022-09-12",
    journal: [["2022-10-04", "Quatre entretiens collectifs : l’accueil des nouveaux arrivants revient dans chacun."]],
    pendingGate: true,
  },
  {
    title: `Traceur de l’innovation, suite de ${q("Imaginons ensemble l’avenir des services de l’État du Grand Est")}`,
    problem: "Projet phare 1 de la feuille de route : un outil de pilotage pour communiquer et suivre en temps réel les projets et les initiatives partagées, avec une vue publique.",
    users: "Les services de l’État du Grand Est, leurs agents et le public",
    stage: "deployment",
    entered: ["2020-11-02", "2021-02-15", "2021-05-03", "2021-10-01", "2022-01-10"],
    orgs: [PREF_GE, REGION],
    starts: "2020-11-02",
    journal: [
      ["2021-05-03", "Le traceur est ouvert aux porteurs des 7 projets connexes du projet phare 1."],
      ["2022-01-10", "Déploiement à l’ensemble des axes de la feuille de route."],
    ],
  },
  {
    title: `Données partagées Data Grand Est, suite de ${q("Imaginons ensemble l’avenir des services de l’État du Grand Est")}`,
    problem: "Faciliter l’accès et la réutilisation de l’information géographique par l’État et la Région, mutualiser les moyens et animer un réseau d’acteurs (évolution de GeoGrandEst).",
    users: "Les administrations de l’État et les collectivités du Grand Est",
    stage: "evaluation",
    entered: ["2020-12-01", "2021-03-01", "2021-06-01", "2021-06-30"],
    orgs: [PREF_GE, REGION],
    starts: "2020-12-01",
    ends: "2027-12-31",
    journal: [["2021-06-30", "Restitution finale de l’étude de cadrage : gouvernance, stratégie territoriale de la donnée, services nouveaux."]],
  },
];

const innovmandieProjects: ProjectSpec[] = [
  {
    title: "Open data dans le département de l’Eure",
    request: "Open data dans le département de l’Eure",
    problem: "Créer une plateforme territoriale numérique : que les citoyens s’informent et que les administrations réutilisent les données dans le cadre de leurs missions.",
    users: "Les habitants de l’Eure et les administrations du département",
    stage: "prototype",
    entered: ["2021-09-01", "2022-02-01"],
    orgs: [org("Préfecture de l’Eure", "prefecture", "etat", "Évreux"), org("Département de l’Eure", "other", "collectivite", "Évreux")],
    starts: "2021-09-01",
    ends: "2022-12-31",
    journal: [["2022-02-01", "Un groupe projet pluridisciplinaire associe plusieurs administrations ; la plateforme est en développement."]],
  },
  {
    title: "Design de service pour un outil RH et managers",
    request: "Design de service pour un outil RH à destination des managers",
    problem: "Les managers peinent à trouver les bonnes informations RH au bon moment : concevoir avec eux un outil simple.",
    users: "Les managers et les services RH des administrations de Normandie",
    stage: "exploration",
    entered: ["2022-05-02"],
    orgs: [org("Préfecture de la région Normandie (SGAR)", "prefecture", "etat", "Rouen")],
    starts: "2022-05-02",
    journal: [["2022-05-20", "Premiers entretiens avec des managers de trois services."]],
  },
  {
    title: "Médiathèque d’Alençon en tiers-lieu",
    problem: "Transformer la médiathèque en tiers-lieu : le lab conseille, aide au financement et forme les agents à de nouveaux usages.",
    users: "Les habitants d’Alençon et les agents de la médiathèque",
    stage: "deployment",
    entered: ["2020-10-01", "2021-01-15", "2021-04-01", "2021-09-01", "2021-11-15"],
    orgs: [org("Ville d’Alençon", "other", "collectivite", "Alençon")],
    starts: "2020-10-01",
    journal: [["2021-11-15", "Les agents formés accueillent les premiers ateliers du tiers-lieu."]],
  },
];

/** A project born from a desk request: its stages spread from the acceptance to today (the spec's own dates are the seed's, older than the desk). */
function sinceAcceptance(spec: ProjectSpec, decidedAt: Date, now = new Date()): ProjectSpec {
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const start = decidedAt.getTime() + 7 * 86_400_000;
  const upTo = mainStages.indexOf(spec.stage);
  const step = (now.getTime() - start) / (upTo + 1);
  const entered = mainStages.slice(0, upTo + 1).map((_, i) => day(start + i * step));
  return { ...spec, entered, starts: entered[0], ends: undefined, journal: spec.journal.map(([, body]) => [entered[entered.length - 1], body]) };
}

async function ensureOrgs(specs: OrgSpec[]): Promise<Map<string, string>> {
  const existing = new Map((await listOrganizations()).map((o) => [o.name, o.id]));
  for (const s of specs) if (!existing.has(s.name)) existing.set(s.name, (await createOrganization({ name: s.name, kind: s.kind, city: s.city ?? null })).id);
  return existing;
}

/** A project with its history: stages entered and left, deliverables of the passed stages, the committees' go, journal, indicators. */
async function seedProject(labId: string, spec: ProjectSpec, orgIds: Map<string, string>, team: string[], template = defaultDeliverables, from?: { requestId: string; leadId: string | null }): Promise<string> {
  return transaction(async () => {
    const at = d(spec.entered[0]);
    const project = await data.insertProject({
      labId,
      title: spec.title,
      problem: spec.problem,
      users: spec.users,
      confidential: false,
      budgetRequestedEur: spec.budget?.requested ?? null,
      budgetGrantedEur: spec.budget?.granted ?? null,
      fundingSource: spec.budget?.source ?? "",
      startsOn: d(spec.starts),
      endsOn: spec.ends ? d(spec.ends) : null,
      leadId: from?.leadId ?? null,
      origin: from ? "request" : "direct",
      requestId: from?.requestId,
      createdBy: team[0] ?? null,
      stage: spec.stage,
      at,
    });
    if (from) await requests.linkProject(null, from.requestId, project.id);
    await data.setOrganizations(project.id, spec.orgs.map((o) => ({ organizationId: orgIds.get(o.name)!, serviceKind: o.service })));
    await data.setMembers(project.id, "staff", team);
    const current = mainStages.indexOf(spec.stage);
    for (let i = 0; i <= current; i++) {
      const stage = mainStages[i];
      const entered = d(spec.entered[i] ?? spec.entered[spec.entered.length - 1]);
      const left = i < current ? d(spec.entered[i + 1] ?? spec.entered[spec.entered.length - 1]) : null;
      await data.setStageHistory(project.id, stage, entered, left);
      if (left) {
        for (const label of template[stage]) await data.saveDeliverable({ projectId: project.id, stage, label, kind: "text", body: `${label} : voir le dossier partagé du lab.`, url: null, fileId: null, by: team[0] ?? null, at: left });
        const next = mainStages[i + 1];
        const review = await data.insertReview({ projectId: project.id, labId, from: stage, to: next, kind: next === "experimentation" || next === "deployment" ? "steering" : "project", by: team[0] ?? null, at: new Date(left.getTime() - 14 * 86_400_000) });
        const withConditions = next === spec.stage && !!spec.conditions?.length;
        await data.closeReview(review.id, { outcome: withConditions ? "go_with_conditions" : "go", missing: null, reason: null, by: team[0] ?? null, at: left });
        if (withConditions) await data.addConditions(review.id, project.id, spec.conditions!);
      }
    }
    await data.setStageEnteredAt(project.id, d(spec.entered[current] ?? spec.entered[spec.entered.length - 1]));
    if (spec.plannedEndOfStage) await data.setPlannedDates(project.id, spec.stage, d(spec.entered[current]), d(spec.plannedEndOfStage));
    if (spec.pendingGate) {
      for (const label of template[spec.stage]) await data.saveDeliverable({ projectId: project.id, stage: spec.stage, label, kind: "text", body: `${label} : déposé par l’équipe du lab.`, url: null, fileId: null, by: team[0] ?? null });
      const next = mainStages[current + 1];
      await data.insertReview({ projectId: project.id, labId, from: spec.stage, to: next, kind: next === "experimentation" || next === "deployment" ? "steering" : "project", by: team[0] ?? null });
    }
    for (const [on, body] of spec.journal) await data.addJournal(project.id, team[0] ?? null, d(on), body);
    for (const i of spec.indicators ?? []) {
      const ind = await data.addIndicator(project.id, { name: i.name, unit: i.unit, baseline: i.baseline, target: i.target });
      for (const [on, value] of i.measures) await data.addMeasurement(ind.id, d(on), value, team[0] ?? null);
    }
    return project.id;
  });
}

/** The stage each adopted proposal of « Lycées écoresponsables » reached, by title start; exploration otherwise. */
const regionStages: [RegExp, MainStage][] = [
  [/^Un composteur/, "deployment"],
  [/^Éteindre la nuit/, "experimentation"],
];

export async function seedDemoProjects(opts: { labEstSlug?: string; regionLabSlug?: string; innovmandieSlug?: string } = {}): Promise<{ projects: number }> {
  let count = 0;
  const labEst = await getLabBySlug(opts.labEstSlug ?? "labest");
  if (labEst) {
    const team = await usersWithRole(labEst.id, "lab_team");
    const orgIds = await ensureOrgs(labEstProjects.flatMap((p) => p.orgs));
    for (const p of labEstProjects) {
      await seedProject(labEst.id, p, orgIds, team);
      count++;
    }
  }
  const region = await getLabBySlug(opts.regionLabSlug ?? "region-grand-est");
  if (region) {
    const m = (await minilabs.listMinilabs([region.id])).find((x) => x.name === "Mini-Lab Lycées écoresponsables");
    if (m) {
      const proposals = await arb.submittedProposalsOfMinilabs([m.id]);
      const chains = await arb.decisionsOf(proposals.map((p) => p.id));
      const team = await usersWithRole(region.id, "lab_team");
      for (const p of proposals) {
        const current = arb.currentDecision(chains.get(p.id));
        if (!current || !arb.isAdoption(current.outcome)) continue;
        const stage = regionStages.find(([re]) => re.test(p.title))?.[1] ?? "exploration";
        const born = new Date(current.decided_at.getTime() + 21 * 86_400_000);
        const project = await projectFromDecision(current.id, { userId: team[0] ?? null, at: born, stage });
        await transaction(async () => {
          await data.setMembers(project.id, "staff", team.slice(0, 1));
          const upTo = mainStages.indexOf(stage);
          for (let i = 0; i <= upTo; i++) {
            const entered = new Date(born.getTime() + i * 120 * 86_400_000);
            await data.setStageHistory(project.id, mainStages[i], entered, i < upTo ? new Date(entered.getTime() + 120 * 86_400_000) : null);
          }
          await data.setStageEnteredAt(project.id, new Date(born.getTime() + upTo * 120 * 86_400_000));
        });
        count++;
      }
    }
  }
  const innov = await getLabBySlug(opts.innovmandieSlug ?? "innovmandie");
  if (innov) {
    const team = await usersWithRole(innov.id, "lab_team");
    const orgIds = await ensureOrgs(innovmandieProjects.flatMap((p) => p.orgs));
    const accepted = await requests.requestsAcceptedForProject(innov.id);
    for (const p of innovmandieProjects) {
      const r = p.request ? accepted.find((a) => a.title === p.request && !a.projectId && a.decidedAt) : undefined;
      const id = await seedProject(innov.id, r ? sinceAcceptance(p, r.decidedAt!) : p, orgIds, team, defaultDeliverables, r ? { requestId: r.id, leadId: r.requesterId } : undefined);
      count++;
      // the network of labs: Innov’Mandie proposes its open data project to Lab’EST’s steering committee, which has not met since
      if (labEst && p.title === "Open data dans le département de l’Eure") {
        const at = new Date(Date.now() - 12 * 86_400_000);
        await transaction(async () => {
          await data.addNetworkProposal({ projectId: id, fromLabId: innov.id, toLabId: labEst.id, message: "Les départements du Grand Est pourraient reprendre la démarche : le prototype et son protocole de test sont prêts.", proposedBy: team[0] ?? null, at });
          await data.addJournal(id, team[0] ?? null, at, `Projet proposé au comité de pilotage de ${labEst.name}.`);
        });
      }
    }
  }
  // Every other request a desk accepted as « projet » has its project, born at the acceptance, in exploration.
  for (const lab of [labEst, innov]) {
    if (!lab) continue;
    for (const r of await requests.requestsAcceptedForProject(lab.id)) {
      if (r.projectId) continue;
      await transaction(async () => {
        const project = await createProjectFromRequest(null, { labId: lab.id, requestId: r.id, title: r.title, problem: r.problem, users: r.users, organizationIds: r.organizationId ? [r.organizationId] : [], createdBy: null, at: r.decidedAt ?? undefined });
        await requests.linkProject(null, r.id, project.id);
      });
      count++;
    }
  }
  return { projects: count };
}

export { labEstProjects, innovmandieProjects };
