import type { ReactNode } from "react";

// The shared frame of the 개요 charts: plain server-rendered SVG (no chart library, no client
// JavaScript), a y axis with round ticks and x labels thinned to fit. Each chart sits beside a
// table with the same numbers, so the picture is aria-hidden and the table is what is read.

export const CHART = { width: 460, height: 200, left: 44, right: 8, top: 20, bottom: 26 };
export const PLOT_W = CHART.width - CHART.left - CHART.right;
export const PLOT_H = CHART.height - CHART.top - CHART.bottom;

/** A whole tick step (1, 2 or 5 times a power of ten) giving at most five steps up to `value`. */
function tickStep(value: number): number {
  const raw = Math.max(1, value / 5);
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
}

/** The axis maximum: `value` rounded up to a whole number of tick steps (at least 1). */
export function niceMax(value: number): number {
  const step = tickStep(value);
  return Math.max(step, Math.ceil(value / step) * step);
}

/** A bucket's names: short under the axis ("14:00"), whole in the table ("11. 23. 14:00"). */
export type BucketLabel = { axis: string; full: string };

export function ChartFrame({
  max,
  buckets,
  yUnit,
  children,
}: {
  max: number;
  buckets: BucketLabel[];
  yUnit?: string;
  children: ReactNode;
}) {
  const labels = buckets.map((b) => b.axis);
  const step = tickStep(max);
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step);
  const every = Math.ceil(labels.length / 8);
  const width = PLOT_W / labels.length;
  return (
    <svg className="chart" viewBox={`0 0 ${CHART.width} ${CHART.height}`} aria-hidden="true" focusable="false">
      {ticks.map((v) => {
        const y = CHART.top + PLOT_H - (v / max) * PLOT_H;
        return (
          <g key={v}>
            <line x1={CHART.left} x2={CHART.width - CHART.right} y1={y} y2={y} className="chart-grid" />
            <text x={CHART.left - 6} y={y + 4} textAnchor="end" className="chart-tick">
              {v.toLocaleString("en-US")}
            </text>
          </g>
        );
      })}
      {labels.map((label, i) =>
        i % every === 0 ? (
          <text
            key={buckets[i]?.full ?? label}
            x={CHART.left + i * width + width / 2}
            y={CHART.height - 10}
            textAnchor="middle"
            className="chart-tick"
          >
            {label}
          </text>
        ) : null,
      )}
      {yUnit ? (
        <text x={4} y={10} className="chart-tick">
          {yUnit}
        </text>
      ) : null}
      {children}
    </svg>
  );
}

export function Legend({ items }: { items: { label: string; color: string; dashed?: boolean }[] }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {items.map((item) => (
        <li key={item.label}>
          <span
            className={`chart-swatch${item.dashed ? " dashed" : ""}`}
            style={{ borderColor: item.color, background: item.dashed ? "transparent" : item.color }}
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
