/**
 * The idea's trace: campaign (submission) → either the award, or the published theme → Mini-Lab →
 * proposal(s) → decision (current, with its reason) → follow-up, ordered by date. Built from the
 * ideas, themes and minilabs modules' exported functions and this module's own tables.
 *
 * A trace is read by someone: a Mini-Lab the viewer may not see (a private one they are no member
 * of) is left out entirely, with its proposals and decisions — the minilabs module decides who
 * sees a Mini-Lab (`minilabsVisibleTo`), the same rule as its own pages. Likewise the project an
 * adopted decision became (… → décision → projet → its current stage → déployé) is shown only when
 * the projects module says the viewer may see it (`projectStepsOfDecisions`).
 */
import { displayName, getUsers } from "../accounts/accounts";
import { getCampaignTitles } from "../campaigns/campaigns";
import { formatDate, frenchSpaces } from "../kernel/format";
import { minilabNamed } from "../minilabs/names";
import * as ideas from "../ideas/ideas";
import { publishedThemesOf } from "../themes";
import * as minilabs from "../minilabs/minilabs";
import { minilabsVisibleTo } from "../minilabs/service";
import type { Viewer } from "../kernel/permissions";
import { projectStepsOfDecisions } from "../projects";
import * as arb from "./arbitration";

export type TraceStepKind = "campaign" | "award" | "merged" | "review" | "theme" | "minilab" | "proposal" | "decision" | "follow_up" | "project" | "project_stage" | "deployed";

export interface TraceStep {
  kind: TraceStepKind;
  title: string;
  detail?: string;
  date?: Date | null;
  link?: string;
  /** Earlier decisions, replaced by a correction. */
  superseded?: boolean;
  /** Not before this date when ordering (a Mini-Lab follows its theme, even when its sessions began earlier). */
  after?: Date | null;
}

export interface IdeaTrace {
  /** Where the idea stands now, in one short sentence. */
  status: string;
  steps: TraceStep[];
}

const q = (s: string) => `«\u00a0${s}\u00a0»`;

/**
 * Steps in the order they happened: a step without a date (the jury's verdict, a follow-up) keeps
 * its place after the dated step that precedes it.
 */
export function byDate(steps: TraceStep[]): TraceStep[] {
  let last = -Infinity;
  return steps
    .map((step, i) => {
      if (step.date) last = Math.max(new Date(step.date).getTime(), step.after ? new Date(step.after).getTime() : -Infinity);
      return { step, at: last, i };
    })
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map((x) => x.step);
}

const outcomeOf = (d: arb.Decision) => arb.decisionOutcomes[d.outcome].toLowerCase();

/** Each idea's trace as the viewer may see it, for the idea page and « Mes idées ». */
export async function ideaTraces(viewer: Viewer, ideaIds: string[]): Promise<Map<string, IdeaTrace>> {
  const found = await ideas.getIdeas(ideaIds);
  const list = [...found.values()];
  const out = new Map<string, IdeaTrace>();
  if (!list.length) return out;
  const [campaigns, themes, mergedInto] = await Promise.all([
    getCampaignTitles(list.map((i) => i.campaign_id)),
    publishedThemesOf(list.filter((i) => i.status !== "awarded" && i.status !== "merged" && i.status !== "draft").map((i) => i.id)),
    ideas.getIdeas(list.map((i) => i.merged_into_id).filter((x): x is string => !!x)),
  ]);
  const labs = await minilabsVisibleTo(viewer, await minilabs.minilabsOfTheme([...themes.values()].map((t) => t.theme.id)));
  const proposals = await arb.submittedProposalsOfMinilabs(labs.map((m) => m.id));
  const chains = await arb.decisionsOf(proposals.map((p) => p.id));
  const projects = await projectStepsOfDecisions(
    viewer,
    [...chains.values()].map((chain) => arb.currentDecision(chain)?.id).filter((x): x is string => !!x),
  );
  const users = await getUsers(
    [...chains.values()]
      .flat()
      .map((d) => d.follow_up_owner_id)
      .filter((x): x is string => !!x),
  );
  const nameOf = (id: string | null) => {
    const u = id ? users.get(id) : undefined;
    return u ? displayName(u) : "un agent";
  };

  for (const idea of list) {
    const steps: TraceStep[] = [];
    let status: string;
    const campaign = campaigns.get(idea.campaign_id) ?? "la campagne";
    if (idea.status === "draft") {
      out.set(idea.id, { status: "Brouillon, pas encore déposé", steps: [{ kind: "campaign", title: `Brouillon pour la campagne ${q(campaign)}`, link: `/campagnes/${idea.campaign_id}` }] });
      continue;
    }
    steps.push({ kind: "campaign", title: `Déposée dans la campagne ${q(campaign)}`, date: idea.submitted_at, link: `/campagnes/${idea.campaign_id}` });
    if (idea.status === "merged") {
      const kept = idea.merged_into_id ? mergedInto.get(idea.merged_into_id) : undefined;
      steps.push({ kind: "merged", title: kept ? `Fusionnée avec l’idée ${q(kept.title)}` : "Fusionnée avec une idée proche", link: kept ? `/idees/${kept.id}` : undefined });
      out.set(idea.id, { status: kept ? `Fusionnée avec ${q(kept.title)}, dont elle suit le parcours` : "Fusionnée avec une idée proche", steps });
      continue;
    }
    if (idea.status === "awarded") {
      const kind = idea.award_kind ? ideas.awardKinds[idea.award_kind] : "Prix";
      steps.push({ kind: "award", title: `Primée par le jury (${kind.toLowerCase()})`, detail: idea.award_citation ?? undefined });
      out.set(idea.id, { status: `Primée (${kind.toLowerCase()})`, steps });
      continue;
    }
    const theme = themes.get(idea.id);
    if (!theme) {
      if (idea.status === "submitted") status = "Déposée, en attente de la clôture de la campagne";
      else if (idea.status === "under_review") status = "En évaluation par le jury";
      else status = "En attente d’analyse par le lab";
      steps.push({ kind: "review", title: idea.status === "not_awarded" ? "Non primée : le lab l’analysera pour en tirer une problématique de fond" : status });
      out.set(idea.id, { status, steps });
      continue;
    }
    if (idea.status === "not_awarded") steps.push({ kind: "review", title: "Non primée par le jury, puis analysée par le lab" });
    steps.push({ kind: "theme", title: `Dans la problématique ${q(theme.theme.label)}`, date: theme.analysis.published_at, link: `/problematiques/${theme.analysis.id}` });
    status = `Dans la problématique ${q(theme.theme.label)}`;
    let latest: { d: arb.Decision; p: arb.Proposal; m: minilabs.Minilab } | null = null;
    let pending = 0;
    for (const m of labs.filter((x) => x.theme_id === theme.theme.id)) {
      steps.push({
        kind: "minilab",
        title: `Travaillée dans le ${frenchSpaces(minilabNamed(m.name))}`,
        detail: `Sessions du ${formatDate(m.sessions_from)} au ${formatDate(m.sessions_until)}, restitution le ${formatDate(m.restitution_on)}`,
        date: m.sessions_from,
        after: theme.analysis.published_at,
        link: `/minilabs/${m.id}`,
      });
      status = `En Mini-Lab ${q(m.name)}`;
      for (const p of proposals.filter((x) => x.minilab_id === m.id)) {
        const opened = [m.sessions_from, theme.analysis.published_at].filter((x): x is Date => !!x).reduce((a, b) => (a > b ? a : b));
        steps.push({ kind: "proposal", title: `Proposition ${q(p.title)} du Mini-Lab soumise à la ${p.directorate.replace(/^Direction/, "direction")}`, date: p.submitted_at, after: opened, link: `/propositions/${p.id}` });
        const chain = chains.get(p.id) ?? [];
        const current = arb.currentDecision(chain);
        if (!current) {
          pending++;
          continue;
        }
        for (const d of chain) {
          steps.push({
            kind: "decision",
            title: `${d.corrects_id ? "Décision corrigée" : "Décision"} sur la proposition ${q(p.title)}\u00a0: ${outcomeOf(d)}`,
            detail: `Motif : ${d.reason}`,
            date: d.decided_at,
            after: p.submitted_at && p.submitted_at > opened ? p.submitted_at : opened,
            link: `/propositions/${p.id}`,
            superseded: d.id !== current.id,
          });
        }
        if (current.follow_up_owner_id && current.follow_up_due)
          steps.push({ kind: "follow_up", title: `Suivi de la proposition ${q(p.title)} par ${nameOf(current.follow_up_owner_id)} d’ici le ${formatDate(current.follow_up_due)}` });
        const project = projects.get(current.id);
        if (project) {
          steps.push({ kind: "project", title: `La proposition ${q(p.title)} devient le projet ${q(project.title)}`, date: project.createdAt, after: current.decided_at, link: `/projets/${project.id}` });
          if (project.stage === "deployment") steps.push({ kind: "deployed", title: `Projet ${q(project.title)} déployé`, date: project.stageSince, link: `/projets/${project.id}` });
          else
            steps.push({
              kind: "project_stage",
              title: `Projet ${q(project.title)}\u00a0: ${project.stageLabel.toLowerCase()}`,
              detail: project.reason ? `Motif : ${project.reason}` : undefined,
              date: project.stageSince,
              link: `/projets/${project.id}`,
            });
        }
        if (!latest || current.decided_at > latest.d.decided_at) latest = { d: current, p, m };
      }
    }
    if (latest) {
      // what was decided is a proposal of the Mini-Lab, not this idea: say so
      const { d, m } = latest;
      status = `Une proposition du ${frenchSpaces(minilabNamed(m.name))} a été ${outcomeOf(d)}`;
      const project = projects.get(d.id);
      if (project) status = `Une proposition du ${frenchSpaces(minilabNamed(m.name))} est devenue le projet ${q(project.title)} (${project.stage === "deployment" ? "déployé" : project.stageLabel.toLowerCase()})`;
      if (d.follow_up_owner_id && d.follow_up_due) status += ` — suivi par ${nameOf(d.follow_up_owner_id)} d’ici le ${formatDate(d.follow_up_due)}`;
      if (pending) status += ` (${pending === 1 ? "une autre proposition attend sa décision" : `${pending} autres propositions attendent leur décision`})`;
    } else if (pending) {
      status = pending === 1 ? "Une proposition du Mini-Lab est soumise, en attente de décision" : `${pending} propositions du Mini-Lab soumises, en attente de décision`;
    }
    steps.splice(0, steps.length, ...byDate(steps));
    out.set(idea.id, { status, steps });
  }
  return out;
}

export async function ideaTrace(viewer: Viewer, ideaId: string): Promise<IdeaTrace | null> {
  return (await ideaTraces(viewer, [ideaId])).get(ideaId) ?? null;
}
