export interface Point {
  /** A day, YYYY-MM-DD. */
  day: string;
  value: number;
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** A running total over days as a step line with its first and last day and value marked. */
export function StepLine({ points, title, width = 640, height = 180 }: { points: readonly Point[]; title: string; width?: number; height?: number }) {
  if (points.length === 0) return null;
  const pad = { left: 44, right: 12, top: 10, bottom: 24 };
  const first = dayNumber(points[0]!.day);
  const last = Math.max(first + 1, dayNumber(points[points.length - 1]!.day));
  const low = Math.min(0, ...points.map((p) => p.value));
  const high = Math.max(1, ...points.map((p) => p.value));
  const x = (day: string) => pad.left + ((dayNumber(day) - first) / (last - first)) * (width - pad.left - pad.right);
  const y = (value: number) => pad.top + (1 - (value - low) / (high - low)) * (height - pad.top - pad.bottom);
  let d = `M ${x(points[0]!.day)} ${y(points[0]!.value)}`;
  for (let i = 1; i < points.length; i += 1) d += ` H ${x(points[i]!.day)} V ${y(points[i]!.value)}`;
  const end = points[points.length - 1]!;
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} data-chart={title}>
      <title>{title}</title>
      <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} className="chart-whisker" />
      <path d={d} className="chart-line" />
      <text x={pad.left - 6} y={y(high)} className="chart-axis" textAnchor="end" dominantBaseline="central">{high}</text>
      <text x={pad.left - 6} y={y(low)} className="chart-axis" textAnchor="end" dominantBaseline="central">{low}</text>
      <text x={pad.left} y={height - 6} className="chart-axis">{points[0]!.day}</text>
      <text x={width - pad.right} y={height - 6} className="chart-axis" textAnchor="end">{end.day}</text>
      <circle cx={x(end.day)} cy={y(end.value)} r={3.5} className="chart-dot" />
    </svg>
  );
}
