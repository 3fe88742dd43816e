/**
 * A lab's steering dashboards (`/lab/<lab>/pilotage`): live figures, each a short sentence, a chart
 * and its table, for a period and optionally one organisation. Each module counts on its own tables
 * (`ideaStats`, `decisionStats`, `requestStats`, `projectStats`, `trainingStats`, `eventStats`, `surveyStats`); this module only asks, never reads
 * their tables, and never keeps a precomputed copy.
 */
import { getLabBySlug, listLabs, type Lab } from "../labs/labs";
import { listLabCampaigns } from "../campaigns/campaigns";
import { listMinilabs, minilabPhases, phaseOf } from "../minilabs/minilabs";
import { listAnalyses, listThemes } from "../themes";
import { getOrganizations, listOrganizations, organizationKinds } from "../organizations/organizations";
import { ideaStats } from "../ideas/stats";
import { ideaStatuses } from "../ideas/ideas";
import { decisionStats } from "../arbitration/stats";
import { decisionOutcomes } from "../arbitration/arbitration";
import { requestStats } from "../requests/stats";
import { requestKinds, requestStatuses } from "../requests";
import { projectStats } from "../projects/stats";
import { gateOutcomes, stageLabels } from "../projects";
import { sitsInCommitteeOf } from "../committees";
import { trainingStats } from "../trainings";
import { eventStats } from "../events/stats.server";
import { eventKinds } from "../events";
import { surveyAudiences, surveyStats } from "../surveys";
import { hasRole, labsWhere, Refusal, type Viewer } from "../kernel/permissions";
import { parisMidnight } from "../kernel/forms";
import { formatDate, formatNumber, isoDay, plural } from "../kernel/format";
import { dashboardRights, networkRights } from "./permissions";
import type { DashboardQuery, NetworkQuery } from "./schemas";
import type { TableExport } from "../kernel/export";
import { untilDatabaseChanges } from "../kernel/cache";

export interface Bar {
  label: string;
  value: number;
}
export interface Figure {
  id: string;
  title: string;
  /** one sentence that says the figure, for everyone (the chart's text alternative too) */
  sentence: string;
  bars: Bar[];
  unit: string;
  table: { caption: string; columns: string[]; rows: (string | number)[][] };
}

const DAY = 86_400_000;
const percent = (part: number, whole: number) => (whole ? `${formatNumber(Math.round((100 * part) / whole))}\u00a0%` : "–");
/** « 0,5 jour », « 3 jours » (French: below 2, singular); `qualifier` agrees: « 3 jours ouvrés » */
const days = (n: number | null, qualifier = "") => {
  if (n === null) return "–";
  const one = n < 2;
  return `${formatNumber(n, Number.isInteger(n) ? 0 : 1)}\u00a0${one ? "jour" : "jours"}${qualifier ? ` ${one ? qualifier : `${qualifier}s`}` : ""}`;
};
const months = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
const monthLabel = (ym: string) => `${months[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;

async function labFor(viewer: Viewer, labSlug: string): Promise<Lab> {
  const lab = await getLabBySlug(labSlug);
  if (!lab) throw new Refusal("Ce lab n’existe pas.", 404);
  const p = viewer.principal;
  const rights = dashboardRights({
    labTeam: hasRole(p, lab.id, "lab_team"),
    director: hasRole(p, lab.id, "director"),
    admin: hasRole(p, lab.id, "admin"),
    committeeMember: hasRole(p, lab.id, "lab_team", "director", "admin") ? false : await sitsInCommitteeOf(viewer.userId, lab.id),
  });
  if (!rights.read) throw new Refusal("Le tableau de pilotage est réservé à l’équipe du lab, à ses directions et aux membres de ses comités.", 403);
  return lab;
}

/** The period asked for, or the last twelve months; `to` is exclusive (the day after the last day). */
function periodOf(query: { du?: string; au?: string }, now: Date) {
  const lastDay = query.au ?? isoDay(now);
  const to = new Date(parisMidnight(lastDay)!.getTime() + DAY + 2 * 3_600_000);
  const toMidnight = parisMidnight(isoDay(to))!;
  const firstDay = query.du ?? isoDay(new Date(toMidnight.getTime() - 365 * DAY));
  return { from: parisMidnight(firstDay)!, to: toMidnight, firstDay, lastDay };
}

/**
 * The figures are computed live from the modules, and shared by the viewers of the same lab, period
 * and organisation until anything is committed to the database (`untilDatabaseChanges`). Figures
 * that age with the clock (requests overdue, time in stage) are computed again every ten minutes
 * even when nothing was written.
 */
const CLOCK_SLOT_MS = 10 * 60_000;
const labFigures = untilDatabaseChanges<Figure[]>(200);
const networkFigures = untilDatabaseChanges<Figure[]>(50);
const slotOf = (now: Date) => Math.floor(now.getTime() / CLOCK_SLOT_MS);

export async function dashboardPage(viewer: Viewer, labSlug: string, query: DashboardQuery, now = new Date()) {
  const lab = await labFor(viewer, labSlug);
  const period = periodOf(query, now);
  const { firstDay, lastDay } = period;
  const organizationId = query.organisation ?? null;
  const organizations = await listOrganizations();
  const sites = [...new Set(organizations.map((o) => o.city).filter((c): c is string => !!c))].sort((a, z) => a.localeCompare(z, "fr"));
  // a site that is no organisation's town is said next to its field; the figures are shown for every site meanwhile
  const site = query.site && sites.includes(query.site) ? query.site : null;
  const figures = await labFigures(`${lab.id}|${firstDay}|${lastDay}|${organizationId ?? ""}|${site ?? ""}|${slotOf(now)}`, () => computeLabFigures(lab, period, now, organizationsOf(organizations, organizationId, site)));
  return {
    lab: { slug: lab.slug, name: lab.name },
    period: { du: firstDay, au: lastDay, label: `du ${formatDate(parisMidnight(firstDay)!)} au ${formatDate(parisMidnight(lastDay)!)}` },
    organisation: organizationId,
    site,
    unknownSite: !!query.site && !site,
    organizations: organizations.map((o) => ({ value: o.id, label: o.name })).sort((a, z) => a.label.localeCompare(z.label, "fr")),
    sites: sites.map((s) => ({ value: s, label: s })),
    figures,
  };
}

/** The organisations the figures are about: one, those of a site (its town), both (the one if it is in the site), or all (null). */
function organizationsOf(all: { id: string; city: string | null }[], organizationId: string | null, site: string | null): string[] | null {
  if (!organizationId && !site) return null;
  return all.filter((o) => (!organizationId || o.id === organizationId) && (!site || o.city === site)).map((o) => o.id);
}
export type DashboardPage = Awaited<ReturnType<typeof dashboardPage>>;

type Period = ReturnType<typeof periodOf>;

async function computeLabFigures(lab: Lab, { from, to, firstDay, lastDay }: Period, now: Date, organizationIds: string[] | null): Promise<Figure[]> {
  const [campaigns, minilabs, analyses] = await Promise.all([listLabCampaigns([lab.id]), listMinilabs([lab.id]), listAnalyses([lab.id])]);
  const [ideas, decisions, requests, projects, themeCounts, trainings, events, surveys] = await Promise.all([
    ideaStats({ campaignIds: campaigns.map((c) => c.id), from, to, organizationIds }),
    decisionStats({ minilabIds: minilabs.map((m) => m.id), from, to }),
    requestStats({ labId: lab.id, from, to, organizationIds }, now),
    projectStats({ labId: lab.id, from, to, organizationIds }, now),
    Promise.all(analyses.filter((a) => a.published_at).map(async (a) => (await listThemes(a.id)).length)),
    trainingStats({ labId: lab.id, from, to }),
    eventStats({ labId: lab.id, from, to }),
    surveyStats({ labId: lab.id, fromDay: firstDay, toDay: lastDay, organizationIds }),
  ]);
  const orgs = await getOrganizations(ideas.byOrganization.map((o) => o.organizationId).filter((x): x is string => !!x));
  const orgName = (id: string | null) => (id ? (orgs.get(id)?.name ?? "Organisation supprimée") : "Sans organisation");

  const figures: Figure[] = [];
  figures.push({
    id: "idees",
    title: "Idées reçues",
    sentence: `${plural(ideas.ideas, "idée reçue", "idées reçues")} de ${plural(ideas.authors, "auteur ou autrice", "auteurs et autrices")} (${plural(ideas.organizations, "organisation", "organisations")}) ; ${percent(ideas.answered, ideas.ideas)} ont déjà une réponse ; ${plural(ideas.supports, "soutien", "soutiens")} et ${plural(ideas.comments, "commentaire", "commentaires")} sur la période.`,
    unit: "idées",
    bars: ideas.byMonth.map((m) => ({ label: monthLabel(m.month), value: m.ideas })),
    table: { caption: "Idées reçues par mois", columns: ["Mois", "Idées"], rows: ideas.byMonth.map((m) => [monthLabel(m.month), m.ideas]) },
  });
  // the sites: the organisations the ideas come from, by kind, then the first ten
  const byKind = new Map<string, number>();
  for (const o of ideas.byOrganization) {
    const kind = o.organizationId ? orgs.get(o.organizationId)?.kind : undefined;
    const label = kind ? organizationKinds[kind] : "Sans organisation";
    byKind.set(label, (byKind.get(label) ?? 0) + o.ideas);
  }
  figures.push({
    id: "sites",
    title: "D’où viennent les idées",
    sentence: ideas.ideas ? `Les idées viennent de ${plural(ideas.organizations, "organisation", "organisations")} : ${[...byKind].sort((a, z) => z[1] - a[1]).map(([k, n]) => `${k.toLowerCase()} ${percent(n, ideas.ideas)}`).join(", ")}.` : "Aucune idée sur la période.",
    unit: "idées",
    bars: [...byKind].sort((a, z) => z[1] - a[1]).map(([label, value]) => ({ label, value })),
    table: {
      caption: "Idées et auteurs par organisation (les dix premières)",
      columns: ["Organisation", "Type", "Idées", "Auteurs et autrices"],
      rows: ideas.byOrganization.slice(0, 10).map((o) => [orgName(o.organizationId), o.organizationId ? organizationKinds[orgs.get(o.organizationId)?.kind ?? "other"] : "–", o.ideas, o.authors]),
    },
  });
  // the sites: the towns of the organisations the ideas come from
  const bySite = new Map<string, { organizations: number; ideas: number; authors: number }>();
  for (const o of ideas.byOrganization) {
    const town = (o.organizationId && orgs.get(o.organizationId)?.city) || "Site non renseigné";
    const line = bySite.get(town) ?? { organizations: 0, ideas: 0, authors: 0 };
    line.organizations += o.organizationId ? 1 : 0;
    line.ideas += o.ideas;
    line.authors += o.authors;
    bySite.set(town, line);
  }
  const sitesByIdeas = [...bySite].sort((a, z) => z[1].ideas - a[1].ideas || a[0].localeCompare(z[0], "fr"));
  figures.push({
    id: "lieux",
    title: "Idées par site",
    sentence: ideas.ideas
      ? `Les idées viennent de ${plural(bySite.size, "site", "sites")} ; ${sitesByIdeas.slice(0, 3).map(([town, l]) => `${town} ${percent(l.ideas, ideas.ideas)}`).join(", ")}${bySite.size > 3 ? "…" : ""}.`
      : "Aucune idée sur la période.",
    unit: "idées",
    bars: sitesByIdeas.slice(0, 10).map(([label, l]) => ({ label, value: l.ideas })),
    table: { caption: "Idées et auteurs par site (commune des organisations)", columns: ["Site", "Organisations", "Idées", "Auteurs et autrices"], rows: sitesByIdeas.map(([town, l]) => [town, l.organizations, l.ideas, l.authors]) },
  });
  figures.push({
    id: "reponses",
    title: "Réponses aux idées",
    sentence: `Sur ${plural(ideas.ideas, "idée reçue", "idées reçues")}, ${ideas.byStatus.map((s) => `${formatNumber(s.ideas)} ${ideaStatuses[s.status].toLowerCase()}`).join(", ") || "aucune"}.`,
    unit: "idées",
    bars: ideas.byStatus.map((s) => ({ label: ideaStatuses[s.status], value: s.ideas })),
    table: { caption: "Idées reçues par statut", columns: ["Statut", "Idées"], rows: ideas.byStatus.map((s) => [ideaStatuses[s.status], s.ideas]) },
  });
  const phases = new Map<string, number>();
  for (const m of minilabs) {
    const phase = minilabPhases[phaseOf(m, now)];
    phases.set(phase, (phases.get(phase) ?? 0) + 1);
  }
  figures.push({
    id: "themes-minilabs",
    title: "Problématiques et Mini-Labs",
    sentence: `${plural(themeCounts.reduce((a, n) => a + n, 0), "problématique publiée", "problématiques publiées")} (${plural(themeCounts.length, "analyse", "analyses")}) ; ${plural(minilabs.length, "Mini-Lab", "Mini-Labs")} : ${[...phases].map(([k, n]) => `${k.toLowerCase()} ${formatNumber(n)}`).join(", ") || "aucun"}.`,
    unit: "Mini-Labs",
    bars: [...phases].map(([label, value]) => ({ label, value })),
    table: { caption: "Mini-Labs du lab par phase", columns: ["Phase", "Mini-Labs"], rows: [...phases].map(([k, n]) => [k, n]) },
  });
  figures.push({
    id: "decisions",
    title: "Propositions et décisions",
    sentence: `${plural(decisions.submitted, "proposition remise", "propositions remises")} aux directions sur la période : ${plural(decisions.decided, "décidée", "décidées")}, dont ${percent(decisions.adopted, decisions.decided)} adoptées ; ${plural(decisions.awaiting, "attend sa décision", "attendent leur décision")}. Délai de décision : ${days(decisions.daysToDecision.median)} en médiane, ${days(decisions.daysToDecision.p90)} pour 9 sur 10.`,
    unit: "propositions",
    bars: decisions.byOutcome.map((o) => ({ label: decisionOutcomes[o.outcome], value: o.proposals })).concat(decisions.awaiting ? [{ label: "En attente", value: decisions.awaiting }] : []),
    table: { caption: "Propositions remises par décision", columns: ["Décision", "Propositions"], rows: [...decisions.byOutcome.map((o) => [decisionOutcomes[o.outcome], o.proposals] as (string | number)[]), ...(decisions.awaiting ? [["En attente", decisions.awaiting]] : [])] },
  });
  figures.push({
    id: "guichet",
    title: "Demandes au guichet",
    sentence: `${plural(requests.received, "demande reçue", "demandes reçues")} ; première réponse en ${days(requests.firstAnswer.medianDays, "ouvré")} en médiane (promesse : ${plural(requests.promiseDays, "jour ouvré", "jours ouvrés")}), ${percent(requests.firstAnswer.withinPromise, requests.firstAnswer.answered)} dans le délai promis ; décision en ${days(requests.decision.medianDays, "ouvré")} en médiane ; ${plural(requests.overdue, "demande attend", "demandes attendent")} encore une réponse au-delà du délai.`,
    unit: "demandes",
    bars: requests.byKind.map((k) => ({ label: requestKinds[k.kind], value: k.requests })),
    table: {
      caption: "Demandes reçues par statut",
      columns: ["Statut", "Demandes"],
      rows: requests.byStatus.map((s) => [requestStatuses[s.status], s.requests]),
    },
  });
  figures.push({
    id: "projets",
    title: "Projets par étape",
    sentence: `${plural(projects.projects, "projet", "projets")} au portefeuille, dont ${plural(projects.born, "né", "nés")} sur la période ; ${plural(projects.pendingGates, "passage d’étape attend", "passages d’étape attendent")} un comité ; sur la période, ${projects.gates.map((g) => `${formatNumber(g.reviews)} ${gateOutcomes[g.outcome].toLowerCase()}`).join(", ") || "aucune décision de passage"}.`,
    unit: "projets",
    bars: projects.byStage.map((s) => ({ label: stageLabels[s.stage], value: s.projects })),
    table: { caption: "Projets par étape et temps passé dans l’étape", columns: ["Étape", "Projets", "Temps dans l’étape (médiane)"], rows: projects.byStage.map((s) => [stageLabels[s.stage], s.projects, days(s.medianDaysInStage)]) },
  });
  const requested = projects.budgets.reduce((a, b) => a + b.requested, 0);
  const granted = projects.budgets.reduce((a, b) => a + b.granted, 0);
  figures.push({
    id: "budgets",
    title: "Budgets des projets",
    sentence: `Budget demandé : ${formatNumber(requested)}\u00a0€ ; accordé : ${formatNumber(granted)}\u00a0€ (${percent(granted, requested)}).`,
    unit: "€ accordés",
    bars: projects.budgets.map((b) => ({ label: b.fundingSource || "Source non précisée", value: b.granted })),
    table: {
      caption: "Budgets par source de financement",
      columns: ["Source", "Projets", "Demandé (€)", "Accordé (€)"],
      rows: projects.budgets.map((b) => [b.fundingSource || "Source non précisée", b.projects, b.requested, b.granted]),
    },
  });
  // trainings and events count every agent registered: seats are not kept by organisation
  const allOrganizations = organizationIds ? " (toutes organisations confondues)" : "";
  figures.push({
    id: "formations",
    title: "Formations",
    sentence: trainings.sessions
      ? `${plural(trainings.sessions, "session", "sessions")} de ${plural(trainings.trainings, "formation", "formations")} sur la période, dont ${plural(trainings.held, "tenue", "tenues")}${allOrganizations} : ${plural(trainings.registered, "agent inscrit", "agents inscrits")} pour ${plural(trainings.seats, "place", "places")} (${percent(trainings.registered, trainings.seats)}), ${formatNumber(trainings.waiting)} en liste d’attente ; ${plural(trainings.present, "présent", "présents")} sur ${plural(trainings.recorded, "agent pointé", "agents pointés")} (${percent(trainings.present, trainings.recorded)}), soit ${plural(trainings.hours, "heure", "heures")} de formation suivies.`
      : "Aucune session de formation sur la période.",
    unit: "agents inscrits",
    bars: trainings.byTraining.slice(0, 10).map((t) => ({ label: t.title, value: t.registered })),
    table: {
      caption: "Sessions, inscriptions et présence par formation",
      columns: ["Formation", "Sessions", "Tenues", "Places", "Inscrits", "En liste d’attente", "Présents", "Pointés", "Taux de présence"],
      rows: trainings.byTraining.map((t) => [t.title, t.sessions, t.held, t.seats, t.registered, t.waiting, t.present, t.recorded, percent(t.present, t.recorded)]),
    },
  });
  figures.push({
    id: "evenements",
    title: "Événements",
    sentence: events.occurrences
      ? `${plural(events.occurrences, "date", "dates")} de ${plural(events.events, "événement", "événements")} du lab sur la période, dont ${plural(events.open, "ouvert à tous", "ouverts à tous")} ; ${plural(events.registered, "agent inscrit", "agents inscrits")}${allOrganizations} aux ${plural(events.withRegistration, "événement", "événements")} sur inscription, ${formatNumber(events.waiting)} en liste d’attente.`
      : "Aucun événement du lab sur la période.",
    unit: "dates",
    bars: events.byKind.map((k) => ({ label: eventKinds[k.kind], value: k.occurrences })),
    table: { caption: "Événements du lab par type", columns: ["Type", "Dates", "Inscrits"], rows: events.byKind.map((k) => [eventKinds[k.kind], k.occurrences, k.registered]) },
  });
  figures.push({
    id: "questionnaires",
    title: "Questionnaires",
    sentence: surveys.surveys
      ? `${plural(surveys.surveys, "questionnaire ouvert", "questionnaires ouverts")} sur la période, ${plural(surveys.responses, "réponse", "réponses")} ; aux questionnaires adressés à des agents, ${plural(surveys.agentResponses, "réponse", "réponses")} pour ${plural(surveys.reached, "agent sollicité", "agents sollicités")} (participation : ${percent(surveys.agentResponses, surveys.reached)}).`
      : "Aucun questionnaire ouvert sur la période.",
    unit: "réponses",
    bars: surveys.bySurvey.slice(0, 10).map((x) => ({ label: x.title, value: x.responses })),
    table: {
      caption: "Réponses et participation par questionnaire",
      columns: ["Questionnaire", "Public", "Réponses", "Agents sollicités", "Participation"],
      rows: surveys.bySurvey.map((x) => [x.title, surveyAudiences[x.audience], x.responses, x.reached ?? "–", x.reached === null ? "–" : percent(x.responses, x.reached)]),
    },
  });

  return figures;
}

/** The ids of the figures, in the page's order (each table's export is named after its figure). */
export const figureIds = ["idees", "sites", "lieux", "reponses", "themes-minilabs", "decisions", "guichet", "projets", "budgets", "formations", "evenements", "questionnaires"] as const;
export type FigureId = (typeof figureIds)[number];

/** One figure's table as an export (CSV or XLSX), with the same filters and the same rights as the page. */
export async function dashboardTable(viewer: Viewer, labSlug: string, query: DashboardQuery, id: FigureId, now = new Date()): Promise<TableExport> {
  const page = await dashboardPage(viewer, labSlug, query, now);
  const figure = page.figures.find((f) => f.id === id);
  if (!figure) throw new Refusal("Ce tableau n’existe pas.", 404);
  return {
    filename: `pilotage-${page.lab.slug}-${figure.id}-${page.period.du}-${page.period.au}`,
    sheet: figure.title.slice(0, 31),
    header: figure.table.columns,
    rows: figure.table.rows,
  };
}

/**
 * The network view (`/reseau`): every lab of the installation side by side for a period, each
 * figure with its chart and table. Figures only, never a
 * name; asked of each module as the lab dashboards do: ideas, arbitration, desk, portfolio, and
 * trainings, events and questionnaires.
 */
export async function networkPage(viewer: Viewer, query: NetworkQuery, now = new Date()) {
  if (!networkRights({ labsWithRole: labsWhere(viewer.principal, "lab_team", "director", "admin").length }).read) {
    throw new Refusal("La vue du réseau est réservée aux équipes des labs, à leurs directions et à leurs administrateurs.", 403);
  }
  const period = periodOf(query, now);
  const { firstDay, lastDay } = period;
  const labs = await listLabs();
  const figures = await networkFigures(`${firstDay}|${lastDay}|${slotOf(now)}`, () => computeNetworkFigures(labs, period, now));
  return {
    period: { du: firstDay, au: lastDay, label: `du ${formatDate(parisMidnight(firstDay)!)} au ${formatDate(parisMidnight(lastDay)!)}` },
    labs: labs.map((l) => ({ slug: l.slug, name: l.name })),
    figures,
  };
}
export type NetworkPage = Awaited<ReturnType<typeof networkPage>>;

async function computeNetworkFigures(labs: Lab[], { from, to, firstDay, lastDay }: Period, now: Date): Promise<Figure[]> {
  const perLab = await Promise.all(
    labs.map(async (lab) => {
      const [campaigns, minilabs] = await Promise.all([listLabCampaigns([lab.id]), listMinilabs([lab.id])]);
      const [ideas, decisions, requests, projects, trainings, events, surveys] = await Promise.all([
        ideaStats({ campaignIds: campaigns.map((c) => c.id), from, to }),
        decisionStats({ minilabIds: minilabs.map((m) => m.id), from, to }),
        requestStats({ labId: lab.id, from, to }, now),
        projectStats({ labId: lab.id, from, to }, now),
        trainingStats({ labId: lab.id, from, to }),
        eventStats({ labId: lab.id, from, to }),
        surveyStats({ labId: lab.id, fromDay: firstDay, toDay: lastDay }),
      ]);
      return { lab, ideas, decisions, requests, projects, trainings, events, surveys };
    }),
  );
  const bars = (value: (r: (typeof perLab)[number]) => number) => perLab.map((r) => ({ label: r.lab.name, value: value(r) }));
  const total = (value: (r: (typeof perLab)[number]) => number) => perLab.reduce((a, r) => a + value(r), 0);
  const figures: Figure[] = [
    {
      id: "idees",
      title: "Idées reçues par lab",
      sentence: `${plural(total((r) => r.ideas.ideas), "idée reçue", "idées reçues")} par ${plural(labs.length, "lab", "labs")} sur la période.`,
      unit: "idées",
      bars: bars((r) => r.ideas.ideas),
      table: { caption: "Idées reçues, auteurs et réponses par lab", columns: ["Lab", "Idées reçues", "Auteurs et autrices", "Avec une réponse"], rows: perLab.map((r) => [r.lab.name, r.ideas.ideas, r.ideas.authors, r.ideas.answered]) },
    },
    {
      id: "decisions",
      title: "Décisions des directions par lab",
      sentence: `${plural(total((r) => r.decisions.decided), "proposition décidée", "propositions décidées")}, dont ${percent(total((r) => r.decisions.adopted), total((r) => r.decisions.decided))} adoptées.`,
      unit: "propositions décidées",
      bars: bars((r) => r.decisions.decided),
      table: {
        caption: "Propositions remises et décidées par lab",
        columns: ["Lab", "Remises", "Décidées", "Adoptées", "Délai de décision (médiane)"],
        rows: perLab.map((r) => [r.lab.name, r.decisions.submitted, r.decisions.decided, r.decisions.adopted, days(r.decisions.daysToDecision.median)]),
      },
    },
    {
      id: "guichet",
      title: "Demandes au guichet par lab",
      sentence: `${plural(total((r) => r.requests.received), "demande reçue", "demandes reçues")} ; ${percent(total((r) => r.requests.firstAnswer.withinPromise), total((r) => r.requests.firstAnswer.answered))} ont eu leur première réponse dans le délai promis par leur lab.`,
      unit: "demandes",
      bars: bars((r) => r.requests.received),
      table: {
        caption: "Demandes reçues et délais par lab",
        columns: ["Lab", "Demandes reçues", "Promesse", "Première réponse (médiane)", "Dans le délai promis", "En retard, sans réponse"],
        rows: perLab.map((r) => [r.lab.name, r.requests.received, plural(r.requests.promiseDays, "jour ouvré", "jours ouvrés"), days(r.requests.firstAnswer.medianDays, "ouvré"), percent(r.requests.firstAnswer.withinPromise, r.requests.firstAnswer.answered), r.requests.overdue]),
      },
    },
    {
      id: "projets",
      title: "Projets par lab",
      sentence: `${plural(total((r) => r.projects.projects), "projet", "projets")} aux portefeuilles des labs, dont ${plural(total((r) => r.projects.born), "né", "nés")} sur la période.`,
      unit: "projets",
      bars: bars((r) => r.projects.projects),
      table: {
        caption: "Projets par lab et par étape",
        columns: ["Lab", "Projets", "Nés sur la période", ...(["exploration", "prototype", "experimentation", "evaluation", "deployment"] as const).map((s) => stageLabels[s]), "Passages en attente"],
        rows: perLab.map((r) => [
          r.lab.name,
          r.projects.projects,
          r.projects.born,
          ...(["exploration", "prototype", "experimentation", "evaluation", "deployment"] as const).map((s) => r.projects.byStage.find((x) => x.stage === s)?.projects ?? 0),
          r.projects.pendingGates,
        ]),
      },
    },
    {
      id: "culture",
      title: "Formations, événements et questionnaires par lab",
      sentence: `${plural(total((r) => r.trainings.present), "agent présent", "agents présents")} en formation (${plural(total((r) => r.trainings.sessions), "session", "sessions")}), ${plural(total((r) => r.events.occurrences), "date", "dates")} d’événements, ${plural(total((r) => r.surveys.responses), "réponse", "réponses")} aux questionnaires.`,
      unit: "agents présents en formation",
      bars: bars((r) => r.trainings.present),
      table: {
        caption: "Formations, événements et questionnaires par lab",
        columns: ["Lab", "Sessions de formation", "Inscrits", "Présents", "Dates d’événements", "Inscrits aux événements", "Questionnaires", "Réponses", "Participation des agents sollicités"],
        rows: perLab.map((r) => [r.lab.name, r.trainings.sessions, r.trainings.registered, r.trainings.present, r.events.occurrences, r.events.registered, r.surveys.surveys, r.surveys.responses, percent(r.surveys.agentResponses, r.surveys.reached)]),
      },
    },
  ];
  return figures;
}
export const networkFigureIds = ["idees", "decisions", "guichet", "projets", "culture"] as const;

/** One table of the network view as an export. */
export async function networkTable(viewer: Viewer, query: NetworkQuery, id: (typeof networkFigureIds)[number], now = new Date()): Promise<TableExport> {
  const page = await networkPage(viewer, query, now);
  const figure = page.figures.find((f) => f.id === id)!;
  return { filename: `reseau-${figure.id}-${page.period.du}-${page.period.au}`, sheet: figure.title.slice(0, 31), header: figure.table.columns, rows: figure.table.rows };
}
