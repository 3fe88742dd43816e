/**
 * Results as pure functions of counts: per option (never per combination of options), with their
 * percentages, and cross-tabulations that never show a group of fewer than 5 respondents.
 */
import { formatNumber } from "../kernel/format";
import { isChoiceKind, isScaleKind, valueLabels, type Question } from "./questions";

/** Below this many respondents, a group is not shown: its cell says « moins de 5 ». */
export const MIN_GROUP = 5;
export const HIDDEN = "moins de 5";

export const percentOf = (part: number, whole: number) => (whole ? `${formatNumber(Math.round((100 * part) / whole))}\u00a0%` : "–");

export interface OptionResult {
  label: string;
  count: number;
  percent: string;
}

export interface QuestionResult {
  question: Question;
  answered: number;
  /** choices and scales: one line per option or value */
  options: OptionResult[];
  /** scales: the mean */
  mean: string | null;
  /** rankings: the mean rank of each option and how often it came first */
  ranking: { label: string; meanRank: string; first: number }[];
  /** matrices: one row per line of the matrix, counts per column */
  matrix: { row: string; cells: number[] }[];
}

export function questionResult(q: Question, answered: number, counts: { item: number; value: number; n: number }[]): QuestionResult {
  const base: QuestionResult = { question: q, answered, options: [], mean: null, ranking: [], matrix: [] };
  if (isChoiceKind(q.kind) || isScaleKind(q.kind)) {
    base.options = valueLabels(q).map(({ value, label }) => {
      const count = counts.filter((c) => c.value === value).reduce((s, c) => s + c.n, 0);
      return { label, count, percent: percentOf(count, answered) };
    });
    if (isScaleKind(q.kind)) {
      const total = counts.reduce((s, c) => s + c.n, 0);
      base.mean = total ? formatNumber(counts.reduce((s, c) => s + c.value * c.n, 0) / total, 1) : null;
    }
  } else if (q.kind === "ranking") {
    base.ranking = q.options.map((label, item) => {
      const mine = counts.filter((c) => c.item === item);
      const total = mine.reduce((s, c) => s + c.n, 0);
      return { label, meanRank: total ? formatNumber(mine.reduce((s, c) => s + c.value * c.n, 0) / total, 1) : "–", first: mine.filter((c) => c.value === 1).reduce((s, c) => s + c.n, 0) };
    });
  } else if (q.kind === "matrix") {
    base.matrix = q.rows.map((row, item) => ({ row, cells: q.options.map((_, value) => counts.filter((c) => c.item === item && c.value === value).reduce((s, c) => s + c.n, 0)) }));
  }
  return base;
}

export interface CrossTab {
  caption: string;
  /** the groups, as columns */
  columns: { key: string; label: string; total: string }[];
  /** the target's options, as rows: one cell per group, a count and its percentage of the group, or « moins de 5 » */
  rows: { label: string; cells: string[] }[];
  hiddenGroups: number;
}

/**
 * Builds a cross-tabulation from counts, hiding every group of fewer than 5 respondents (the
 * whole column) and every cell counting 1 to 4 respondents; when a column of an exclusive
 * question (one answer per respondent) hides a single cell, the next smallest one is hidden too,
 * so that no hidden cell can be found back by subtraction.
 */
export function crossTab(input: {
  caption: string;
  target: Question;
  groups: { key: string; label: string; total: number }[];
  cells: { group: string; item: number; value: number; n: number }[];
}): CrossTab {
  const values = valueLabels(input.target);
  const exclusive = input.target.kind !== "multiple";
  let hiddenGroups = 0;
  const columns: CrossTab["columns"] = [];
  const matrix: string[][] = values.map(() => []);
  for (const g of input.groups) {
    const counts = values.map((v) => input.cells.filter((c) => c.group === g.key && c.value === v.value).reduce((s, c) => s + c.n, 0));
    if (g.total < MIN_GROUP) {
      hiddenGroups++;
      columns.push({ key: g.key, label: g.label, total: HIDDEN });
      counts.forEach((_, i) => matrix[i].push(HIDDEN));
      continue;
    }
    const hidden = counts.map((n) => n > 0 && n < MIN_GROUP);
    if (exclusive && hidden.filter(Boolean).length === 1) {
      const next = counts.map((n, i) => ({ n, i })).filter((x) => !hidden[x.i] && x.n > 0).sort((a, b) => a.n - b.n)[0];
      if (next) hidden[next.i] = true;
    }
    columns.push({ key: g.key, label: g.label, total: formatNumber(g.total) });
    counts.forEach((n, i) => matrix[i].push(hidden[i] ? HIDDEN : `${formatNumber(n)} (${percentOf(n, g.total)})`));
  }
  return { caption: input.caption, columns, rows: values.map((v, i) => ({ label: v.label, cells: matrix[i] })), hiddenGroups };
}
