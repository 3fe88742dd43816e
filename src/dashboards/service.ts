/**
 * A lab's steering dashboards (`/lab/<lab>/pilotage`): live figures, each a short sentence, a chart
 * and its table, for a period and optionally one organisation. Each module counts on its own tables
 * (`ideaStats`, `decisionStats`, `requestStats`, `projectStats`); this module only asks, never reads
 * their tables, and never keeps a precomputed copy.
 */
import { getLabBySlug, type Lab } from "../labs/labs";
import { listLabCampaigns } from "../campaigns/campaigns";
import { listMinilabs, minilabPhases, phaseOf } from "../minilabs/minilabs";
import { listAnalyses, listThemes } from "../themes/themes";
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
import { hasRole, Refusal, type Viewer } from "../kernel/permissions";
import { parisMidnight } from "../kernel/forms";
import { formatDate, formatNumber, isoDay, plural } from "../kernel/format";
import { dashboardRights } from "./permissions";
import type { DashboardQuery } from "./schemas";

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
function periodOf(query: DashboardQuery, now: Date) {
  const lastDay = query.au ?? isoDay(now);
  const to = new Date(parisMidnight(lastDay)!.getTime() + DAY + 2 * 3_600_000);
  const toMidnight = parisMidnight(isoDay(to))!;
  const firstDay = query.du ?? isoDay(new Date(toMidnight.getTime() - 365 * DAY));
  return { from: parisMidnight(firstDay)!, to: toMidnight, firstDay, lastDay };
}

export async function dashboardPage(viewer: Viewer, labSlug: string, query: DashboardQuery, now = new Date()) {
  const lab = await labFor(viewer, labSlug);
  const { from, to, firstDay, lastDay } = periodOf(query, now);
  const organizationId = query.organisation ?? null;
  const [campaigns, minilabs, analyses, organizations] = await Promise.all([listLabCampaigns([lab.id]), listMinilabs([lab.id]), listAnalyses([lab.id]), listOrganizations()]);
  const [ideas, decisions, requests, projects, themeCounts] = await Promise.all([
    ideaStats({ campaignIds: campaigns.map((c) => c.id), from, to, organizationId }),
    decisionStats({ minilabIds: minilabs.map((m) => m.id), from, to }),
    requestStats({ labId: lab.id, from, to, organizationId }, now),
    projectStats({ labId: lab.id, from, to, organizationId }, now),
    Promise.all(analyses.filter((a) => a.published_at).map(async (a) => (await listThemes(a.id)).length)),
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
      rows: projects.budgets.map((b) => [b.fundingSource || "Source non précisée", b.projects, formatNumber(b.requested), formatNumber(b.granted)]),
    },
  });

  return {
    lab: { slug: lab.slug, name: lab.name },
    period: { du: firstDay, au: lastDay, label: `du ${formatDate(parisMidnight(firstDay)!)} au ${formatDate(parisMidnight(lastDay)!)}` },
    organisation: organizationId,
    organizations: organizations.map((o) => ({ value: o.id, label: o.name })).sort((a, z) => a.label.localeCompare(z.label, "fr")),
    figures,
  };
}
export type DashboardPage = Awaited<ReturnType<typeof dashboardPage>>;
