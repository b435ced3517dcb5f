/** Five numbers that summarize a distribution. */
export interface Summary {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  count: number;
}

/** The quartiles of a list (linear interpolation), or null for an empty list. */
export function summarize(values: readonly number[]): Summary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const index = (sorted.length - 1) * p;
    const low = Math.floor(index);
    const high = Math.ceil(index);
    return sorted[low]! + (sorted[high]! - sorted[low]!) * (index - low);
  };
  return { min: sorted[0]!, q1: at(0.25), median: at(0.5), q3: at(0.75), max: sorted[sorted.length - 1]!, count: sorted.length };
}

export interface BoxRow {
  key: string;
  label: string;
  summary: Summary | null;
}

const rowHeight = 28;
const labelWidth = 150;
const countWidth = 64;

/** One box-and-whisker row per group on a shared axis (e.g. points balances per prison). */
export function BoxPlot({ rows, title, width = 560, emptyLabel }: { rows: readonly BoxRow[]; title: string; width?: number; emptyLabel: string }) {
  const summaries = rows.flatMap((r) => (r.summary === null ? [] : [r.summary]));
  const low = Math.min(0, ...summaries.map((s) => s.min));
  const high = Math.max(1, ...summaries.map((s) => s.max));
  const plot = width - labelWidth - countWidth;
  const x = (value: number) => labelWidth + ((value - low) / (high - low)) * plot;
  const height = rows.length * rowHeight + 22;
  const ticks = [low, Math.round((low + high) / 2), high];
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} data-chart={title}>
      <title>{title}</title>
      {rows.map((row, i) => {
        const y = i * rowHeight;
        const mid = y + rowHeight / 2;
        const s = row.summary;
        return (
          <g key={row.key} data-box={row.key} data-median={s?.median ?? ''}>
            <text x={labelWidth - 8} y={mid} className="chart-label" textAnchor="end" dominantBaseline="central">
              {row.label}
            </text>
            {s === null ? (
              <text x={labelWidth} y={mid} className="chart-value" dominantBaseline="central">
                {emptyLabel}
              </text>
            ) : (
              <>
                <line x1={x(s.min)} x2={x(s.max)} y1={mid} y2={mid} className="chart-whisker" />
                <rect x={x(s.q1)} y={y + 6} width={Math.max(1, x(s.q3) - x(s.q1))} height={rowHeight - 12} className="chart-box" />
                <line x1={x(s.median)} x2={x(s.median)} y1={y + 5} y2={y + rowHeight - 5} className="chart-median" />
                <text x={width - countWidth + 8} y={mid} className="chart-value" dominantBaseline="central">
                  n={s.count}
                </text>
              </>
            )}
          </g>
        );
      })}
      {ticks.map((tick) => (
        <text key={tick} x={x(tick)} y={rows.length * rowHeight + 14} className="chart-axis" textAnchor="middle">
          {tick}
        </text>
      ))}
    </svg>
  );
}
