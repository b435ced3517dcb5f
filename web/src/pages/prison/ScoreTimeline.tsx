import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router.tsx';
import { StepLine, type Point } from '../../components/charts/StepLine.tsx';
import { Section } from '../../components/Section.tsx';
import type { ScoreEntryDoc } from '../../prison/prison-api.ts';
import { scoreParts } from '../../prison/score-grid.ts';

/** The balance over time and the latest entries, each with its officer and transaction. */
export function ScoreTimeline({ entries }: { entries: readonly ScoreEntryDoc[] }) {
  const { t } = useTranslation();
  const byDate = [...entries].sort((a, b) => a.date.localeCompare(b.date) || a.height - b.height);
  const points: Point[] = [];
  let balance = 0;
  for (const entry of byDate) {
    balance += entry.total;
    const last = points[points.length - 1];
    if (last?.day === entry.date) last.value = balance;
    else points.push({ day: entry.date, value: balance });
  }
  const latest = [...byDate].reverse().slice(0, 30);
  return (
    <Section title={t('prison.timeline.title')} hint={t('prison.timeline.hint', { count: entries.length })}>
      {points.length === 0 ? <p className="empty">{t('prison.timeline.none')}</p> : <StepLine points={points} title={t('prison.timeline.chart')} />}
      {latest.length > 0 && (
        <div className="table-scroll">
          <table className="table" data-testid="score-entries">
            <thead>
              <tr>
                <th>{t('prison.timeline.date')}</th>
                <th>{t('prison.timeline.kind')}</th>
                {scoreParts.map((part) => <th key={part} className="num">{t(`prison.parts.${part}`)}</th>)}
                <th className="num">{t('prison.scores.total')}</th>
                <th>{t('prison.timeline.officer')}</th>
              </tr>
            </thead>
            <tbody>
              {latest.map((e) => (
                <tr key={e.id} data-entry={e.id} data-date={e.date} data-kind={e.kind}>
                  <td>{e.date}</td>
                  <td>{t(`prison.entryKind.${e.kind}`)}{e.reason !== '' && <span className="small muted"> · {e.reason}</span>}</td>
                  {scoreParts.map((part) => <td key={part} className="num">{e.parts[part]}</td>)}
                  <td className="num"><strong>{e.total}</strong></td>
                  <td className="small">
                    {e.officer}{' '}
                    {e.txId !== '' && <Link to={`/tx/${e.txId}`} title={e.txId}>tx</Link>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
