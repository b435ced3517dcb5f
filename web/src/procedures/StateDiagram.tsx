import { useTranslation } from 'react-i18next';
import type { ProcedureDefinition } from '@custos/procedures/definition.ts';
import { toMermaid } from '@custos/procedures/to-mermaid.ts';
import { layoutDiagram } from './diagram-layout.ts';

const width = 150;
const height = 54;
const gapX = 70;
const gapY = 36;

/**
 * A procedure's states and steps drawn as SVG in the page's language, with
 * the case's current state highlighted. Drawn here rather than with the
 * Mermaid package: that is a multi-megabyte bundle for one diagram type,
 * renders only the English-and-Chinese labels of the generated text, and
 * cannot mark a case's current state or the steps a member may take. The
 * Mermaid text (src/procedures/to-mermaid.ts) stays one click away.
 */
export function StateDiagram({ definition, current, highlightSteps = [] }: { definition: ProcedureDefinition; current?: string; highlightSteps?: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const layout = layoutDiagram(definition);
  const at = new Map(layout.states.map((s) => [s.id, { x: 10 + s.column * (width + gapX), y: 10 + s.row * (height + gapY) }]));
  const svgWidth = 20 + layout.columns * (width + gapX) - gapX;
  const svgHeight = 20 + layout.rows * (height + gapY) - gapY + 20;
  const stepTitle = (id: string | undefined) => {
    const step = definition.steps.find((s) => s.id === id);
    return step === undefined ? (id ?? '') : zh ? step.title.zh : step.title.en;
  };
  return (
    <figure className="diagram" data-testid="state-diagram">
      <div className="diagram-scroll">
        <svg viewBox={`0 0 ${svgWidth} ${svgHeight}`} width={svgWidth} height={svgHeight} role="img" aria-label={t('procedures.diagramLabel', { title: zh ? definition.title.zh : definition.title.en })}>
          <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" fill="#5b6675" />
            </marker>
          </defs>
          {layout.transitions.map((transition, i) => {
            const from = at.get(transition.from);
            const to = at.get(transition.to);
            if (from === undefined || to === undefined) return null;
            const forward = to.x > from.x;
            const x1 = forward ? from.x + width : from.x + width / 2;
            const y1 = forward ? from.y + height / 2 : from.y + height;
            const x2 = forward ? to.x : to.x + width / 2;
            const y2 = forward ? to.y + height / 2 : to.y + height;
            const bend = forward ? 0 : 40 + (i % 3) * 12;
            const path = forward ? `M${x1},${y1} L${x2},${y2}` : `M${x1},${y1} C${x1},${y1 + bend} ${x2},${y2 + bend} ${x2},${y2}`;
            const hot = transition.kind === 'step' && transition.step !== undefined && highlightSteps.includes(transition.step) && transition.from === current;
            const label = transition.kind === 'withdraw' ? t('procedures.withdraw') : transition.kind === 'reject' ? `✗ ${stepTitle(transition.step)}` : stepTitle(transition.step);
            return (
              <g key={`${transition.kind}-${transition.from}-${transition.to}-${transition.step ?? ''}-${i}`} className={`edge edge-${transition.kind}${hot ? ' edge-hot' : ''}`}>
                <path d={path} markerEnd="url(#arrow)" fill="none" />
                {transition.kind === 'step' && (
                  <text x={(x1 + x2) / 2} y={(y1 + y2) / 2 - 6 + (forward ? 0 : bend * 0.75)} textAnchor="middle">
                    {label.length > 14 ? `${label.slice(0, 13)}…` : label}
                    <title>{label}</title>
                  </text>
                )}
              </g>
            );
          })}
          {layout.states.map((state) => {
            const p = at.get(state.id);
            const s = definition.states[state.id];
            if (p === undefined || s === undefined) return null;
            const title = zh ? s.title.zh : s.title.en;
            const classes = ['node', s.final === true ? 'node-final' : '', state.id === current ? 'node-current' : '', state.id === definition.initial ? 'node-initial' : ''].join(' ');
            return (
              <g key={state.id} className={classes} data-state={state.id}>
                <rect x={p.x} y={p.y} width={width} height={height} rx={s.final === true ? 27 : 8} />
                <text x={p.x + width / 2} y={p.y + height / 2 + 5} textAnchor="middle">
                  {title.length > 12 ? `${title.slice(0, 11)}…` : title}
                  <title>{title}</title>
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <details>
        <summary>{t('procedures.mermaid')}</summary>
        <pre className="json">{toMermaid(definition)}</pre>
      </details>
    </figure>
  );
}
