export interface Bar {
  key: string;
  label: string;
  value: number;
  /** Marks a bar as bad news (overdue, alerts). */
  tone?: 'normal' | 'bad';
}

const rowHeight = 26;
const labelWidth = 170;
const valueWidth = 48;

/**
 * Horizontal bars with their labels and values, as plain SVG: small enough
 * for 21 prisons or a dozen states on a phone, readable without a legend.
 */
export function BarChart({ bars, title, width = 560 }: { bars: readonly Bar[]; title: string; width?: number }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plot = width - labelWidth - valueWidth;
  const height = Math.max(rowHeight, bars.length * rowHeight);
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} data-chart={title}>
      <title>{title}</title>
      {bars.map((bar, i) => {
        const y = i * rowHeight;
        const length = (bar.value / max) * plot;
        return (
          <g key={bar.key} data-bar={bar.key} data-value={bar.value}>
            <text x={labelWidth - 8} y={y + rowHeight / 2} className="chart-label" textAnchor="end" dominantBaseline="central">
              {bar.label}
            </text>
            <rect x={labelWidth} y={y + 5} width={Math.max(bar.value > 0 ? 2 : 0, length)} height={rowHeight - 10} rx={3} className={bar.tone === 'bad' ? 'chart-bar chart-bar-bad' : 'chart-bar'} />
            <text x={labelWidth + length + 6} y={y + rowHeight / 2} className="chart-value" dominantBaseline="central">
              {bar.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
