import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moj2021PointsRules } from '@custos/apps/prison/points/points-rules.ts';
import { stateApi } from '../../api/state-api.ts';
import { useAsync } from '../../api/use-async.ts';
import { useSignedInMember } from '../../app/session.ts';
import { AsyncView } from '../../components/AsyncView.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Section } from '../../components/Section.tsx';
import { prisonApi, type ScoreEntryDoc } from '../../prison/prison-api.ts';
import { chinaToday } from '../../prison/score-grid.ts';
import { Link } from '../../app/router.tsx';
import { ScoreGrid, type SubmittedCall } from './ScoreGrid.tsx';

/**
 * An officer's daily score entry, for a unit of the officer's own prison
 * (certificate attribute `prison`; the contract refuses any other).
 */
export function ScoreEntryPage() {
  const { t } = useTranslation();
  const member = useSignedInMember();
  const prison = member?.attributes['prison'];
  const [unit, setUnit] = useState<string | null>(null);
  const [date, setDate] = useState(chinaToday());
  const setup = useAsync(async () => {
    if (prison === undefined) return null;
    const [prisons, prisoners, rules] = await Promise.all([prisonApi.prisons(), prisonApi.prisoners(prison), prisonApi.pointsRules()]);
    return { prison: prisons.find((p) => p.id === prison) ?? null, prisoners, rules: rules ?? moj2021PointsRules };
  }, prison ?? '');
  const [version, setVersion] = useState(0);
  const [recorded, setRecorded] = useState<SubmittedCall[]>([]);
  const scored = useAsync(
    () => (prison === undefined ? Promise.resolve([]) : stateApi.query<ScoreEntryDoc>('prison.scores', 'byPrisonDay', [prison, date], 1000).then((docs) => docs.map((d) => d.doc))),
    `${prison ?? ''}:${date}:${version}`,
  );
  if (prison === undefined) {
    return (
      <>
        <PageHeader title={t('prison.scores.title')} />
        <p className="notice notice-warn" data-testid="no-prison">{t('prison.scores.noPrison')}</p>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('prison.scores.title')} subtitle={t('prison.scores.subtitle', { prison })} />
      <AsyncView state={setup}>
        {(loaded) => {
          if (loaded === null || loaded.prison === null) return <p className="notice notice-warn">{t('prison.scores.unknownPrison', { prison })}</p>;
          const units = loaded.prison.units;
          const own = member?.attributes['unit'];
          const withPrisoners = units.filter((u) => loaded.prisoners.some((p) => p.unit === u.id));
          const chosen = unit ?? (units.some((u) => u.id === own) ? own! : (withPrisoners[0] ?? units[0])?.id ?? '');
          const inUnit = (id: string): boolean => id === chosen || units.some((u) => u.id === id && u.parent !== null && inUnit(u.parent));
          const rows = loaded.prisoners.filter((p) => inUnit(p.unit)).sort((a, b) => a.id.localeCompare(b.id));
          return (
            <>
              <div className="toolbar">
                <label>
                  <span className="label">{t('prison.scores.unit')}</span>
                  <select name="unit" value={chosen} onChange={(event) => setUnit(event.target.value)}>
                    {units.map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name} ({u.id})
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  <span className="label">{t('prison.scores.date')}</span>
                  <input type="date" name="date" value={date} max={chinaToday()} onChange={(event) => event.target.value !== '' && setDate(event.target.value)} />
                </label>
              </div>
              <p className="hint" data-testid="caps">
                {t('prison.scores.caps', { plus: loaded.rules.dailyPlusMax, minus: loaded.rules.dailyMinusMax, rules: `${loaded.rules.id}@${loaded.rules.version}` })}
              </p>
              {recorded.length > 0 && (
                <div className="notice notice-info" role="status" data-testid="scores-recorded">
                  <strong>{t('prison.scores.recorded', { count: recorded.reduce((n, c) => n + c.count, 0), date: recorded[0]!.date, txs: recorded.length })}</strong>
                  <ul className="plain">
                    {recorded.map((call) => (
                      <li key={call.txId}>
                        <Link to={`/tx/${call.txId}`}>
                          <code>{call.txId.slice(0, 16)}…</code>
                        </Link>{' '}
                        · {t('prison.scores.rows', { count: call.count })}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <Section title={t('prison.scores.grid', { unit: chosen, count: rows.length })} hint={t('prison.scores.keys')}>
                <AsyncView state={scored}>
                  {(entries) => (
                    <ScoreGrid
                      key={`${chosen}:${date}:${version}`}
                      date={date}
                      prisoners={rows}
                      rules={loaded.rules}
                      scored={new Map(entries.filter((e) => e.kind === 'daily').map((e) => [e.prisonerId, e]))}
                      onSubmitted={(calls) => {
                        setRecorded(calls);
                        setVersion((v) => v + 1);
                      }}
                    />
                  )}
                </AsyncView>
              </Section>
            </>
          );
        }}
      </AsyncView>
    </>
  );
}
