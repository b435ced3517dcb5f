import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section.tsx';
import type { CycleDoc, PrisonerDoc, ScoreEntryDoc } from '../../prison/prison-api.ts';

/** Grades of the assessment cycles, special bonuses, deductions (warning, demerit, confinement), merits and commendations. */
export function RewardsSection({ prisoner, entries, cycles, children }: { prisoner: PrisonerDoc; entries: readonly ScoreEntryDoc[]; cycles: readonly CycleDoc[]; children?: ReactNode }) {
  const { t } = useTranslation();
  const bonuses = entries.filter((e) => e.kind === 'bonus' || e.kind === 'deduction');
  const rows: { key: string; date: string; kind: 'reward' | 'punishment'; text: string }[] = [
    ...bonuses.map((e) => ({ key: e.id, date: e.date, kind: e.kind === 'bonus' ? ('reward' as const) : ('punishment' as const), text: `${t(`prison.entryKind.${e.kind}`)} ${e.total > 0 ? '+' : ''}${e.total}${e.reason === '' ? '' : ` · ${e.reason}`}` })),
    ...cycles.map((c) => ({ key: `cycle-${c.n}`, date: c.gradedOn ?? c.filledOn, kind: 'reward' as const, text: t('prison.rewards.cycle', { n: c.n, status: t(`prison.rewards.cycleStatus.${c.status}`), grade: c.grade ?? c.proposed?.grade ?? '—' }) })),
    ...prisoner.merits.map((m, i) => ({ key: `merit-${i}`, date: m.date, kind: 'reward' as const, text: t(`prison.rewards.merit.${m.kind}`) })),
    ...prisoner.commendations.map((date) => ({ key: `commendation-${date}`, date, kind: 'reward' as const, text: t('prison.rewards.commendation') })),
  ].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <Section title={t('prison.rewards.title')}>
      {rows.length === 0 ? (
        <p className="empty">{t('prison.rewards.none')}</p>
      ) : (
        <ul className="rows" data-testid="rewards">
          {rows.map((row) => (
            <li key={row.key} className="row" data-kind={row.kind}>
              <span className={`badge ${row.kind === 'reward' ? 'badge-ok' : 'badge-failed'}`}>{t(`prison.rewards.${row.kind}`)}</span>
              <span className="row-main">{row.text}</span>
              <span className="row-meta">{row.date}</span>
            </li>
          ))}
        </ul>
      )}
      {children}
    </Section>
  );
}
