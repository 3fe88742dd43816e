import { scaleLinear } from "d3-scale";
import { formatNumber } from "../format";

/**
 * Charts drawn on the server as SVG, readable without JavaScript. The scale and its round ticks
 * come from d3-scale; the drawing is ours. Measured before choosing (7 December 2026, a 12-bar
 * chart rendered on the server): recharts 3.11 renders an empty wrapper without a browser,
 * Observable Plot 0.6 needs a DOM (linkedom) and took 13 ms a chart, d3-scale with React 1.7 ms.
 *
 * A chart never stands alone: the sentence above it and the table below it say the same thing
 * (the table is the reference), so the drawing is hidden from screen readers. Its lengths are in
 * percent and its text is never scaled: on a 390 px phone the labels keep their size and nothing
 * overflows.
 */

/** The DSFR illustrative palette (main tints, contrast ≥ 3:1 on white for shapes). */
export const chartPalette = [
  "var(--background-action-high-blue-ecume)",
  "var(--background-action-high-green-emeraude)",
  "var(--background-action-high-purple-glycine)",
  "var(--background-action-high-orange-terre-battue)",
  "var(--background-action-high-blue-cumulus)",
  "var(--background-action-high-brown-cafe-creme)",
];

export interface ChartBar {
  label: string;
  value: number;
}

const ROW = 46;
const AXIS = 22;

/** Horizontal bars, one row a label (with its value) above its bar, on a scale with round ticks. */
export function BarChart({ bars, unit, color = chartPalette[0] }: { bars: ChartBar[]; unit: string; color?: string }) {
  if (!bars.length) return null;
  const max = Math.max(0, ...bars.map((b) => b.value));
  const x = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice(4)
    .range([0, 100]);
  const ticks = x.ticks(4);
  const height = bars.length * ROW + AXIS;
  const pct = (v: number) => `${Math.max(0, Math.min(100, x(v))).toFixed(2)}%`;
  return (
    <svg className="germoir-chart" width="100%" height={height} aria-hidden="true" focusable="false" data-unit={unit}>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={pct(t)} x2={pct(t)} y1={0} y2={bars.length * ROW} stroke="var(--border-default-grey)" strokeWidth="1" />
          <text x={pct(t)} y={height - 6} fontSize="12" fill="var(--text-mention-grey)" textAnchor={t === 0 ? "start" : x(t) >= 99 ? "end" : "middle"}>
            {formatNumber(t)}
          </text>
        </g>
      ))}
      {bars.map((b, i) => (
        <g key={`${b.label}-${i}`}>
          <text x="0" y={i * ROW + 16} fontSize="14" fill="var(--text-default-grey)">
            {`${b.label} — ${formatNumber(b.value)}`}
          </text>
          <rect x="0" y={i * ROW + 22} width={b.value > 0 ? pct(b.value) : "2"} height="16" fill={color} />
        </g>
      ))}
    </svg>
  );
}
