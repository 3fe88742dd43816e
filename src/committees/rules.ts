import type { Side, VoteChoice } from "./db/schema";

/**
 * The committees' rules, pure: the quorum and the majority. A paritary (steering) committee
 * counts each side apart: its quorum is met when each side has the share of its members present,
 * and a decision is adopted only with a majority on each side. A project committee counts all
 * its members together.
 */

export const sideLabels: Record<Side, string> = { state: "État", region: "Région" };
export const sides: Side[] = ["state", "region"];

export interface QuorumRule {
  percent: number;
  perSide: boolean;
}

/** The default rule: at least half the members present (of each side's, for a paritary committee). */
export const defaultQuorum = (kind: "project" | "steering"): QuorumRule => ({ percent: 50, perSide: kind === "steering" });

export interface Seat {
  userId: string;
  side: Side | null;
}

export interface QuorumCheck {
  met: boolean;
  /** Per group (a side, or « all »): members, present, needed. */
  groups: { side: Side | null; members: number; present: number; needed: number; met: boolean }[];
}

const needed = (members: number, percent: number) => Math.ceil((members * percent) / 100);

export function quorum(rule: QuorumRule, members: readonly Seat[], presentIds: readonly string[]): QuorumCheck {
  const present = new Set(presentIds);
  const groups = (rule.perSide ? sides : [null]).map((side) => {
    const seats = side ? members.filter((m) => m.side === side) : members;
    const here = seats.filter((m) => present.has(m.userId)).length;
    const need = Math.max(1, needed(seats.length, rule.percent));
    return { side, members: seats.length, present: here, needed: need, met: seats.length > 0 && here >= need };
  });
  return { met: groups.every((g) => g.met), groups };
}

export interface SideTally {
  side: Side | null;
  for: number;
  against: number;
  abstain: number;
}

/** Counts votes per side (perSide) or all together. */
export function tallyVotes(perSide: boolean, votes: readonly { side: Side | null; choice: VoteChoice }[]): SideTally[] {
  return (perSide ? sides : [null]).map((side) => {
    const mine = perSide ? votes.filter((v) => v.side === side) : votes;
    return {
      side,
      for: mine.filter((v) => v.choice === "for").length,
      against: mine.filter((v) => v.choice === "against").length,
      abstain: mine.filter((v) => v.choice === "abstain").length,
    };
  });
}

/**
 * Adopted when every group (each side, or all) has more votes for than against; abstentions do
 * not count either way. A group where nobody voted for is not a majority.
 */
export function isAdopted(tally: readonly SideTally[]): boolean {
  return tally.length > 0 && tally.every((t) => t.for > t.against);
}

/** Why not, in French, for the vote form and the minutes. */
export function majorityFailure(tally: readonly SideTally[]): string | null {
  const failing = tally.filter((t) => t.for <= t.against);
  if (!failing.length) return null;
  if (failing.length === 1 && failing[0].side) return `pas de majorité du côté ${failing[0].side === "state" ? "de l’État" : "de la Région"}`;
  if (failing.every((t) => t.side)) return "pas de majorité ni du côté de l’État ni du côté de la Région";
  return "pas de majorité";
}
