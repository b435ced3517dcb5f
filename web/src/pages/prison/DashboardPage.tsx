import { useTranslation } from 'react-i18next';
import { useAsync } from '../../api/use-async.ts';
import { Link } from '../../app/router.tsx';
import { AsyncView } from '../../components/AsyncView.tsx';
import { BarChart } from '../../components/charts/BarChart.tsx';
import { BoxPlot, summarize } from '../../components/charts/BoxPlot.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Section } from '../../components/Section.tsx';
import { procedureApi } from '../../procedures/procedure-api.ts';
import { casesByStage } from '../../prison/case-stages.ts';
import { prisonApi } from '../../prison/prison-api.ts';
import { CaseList } from './CaseList.tsx';

/** The bureau's view across its prisons: points per prison, cases by stage, overdue deadlines, open alerts by rule. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const state = useAsync(async () => {
    const prisons = await prisonApi.prisons();
    const [perPrison, cases, overdue, definitions] = await Promise.all([
      Promise.all(prisons.map(async (prison) => ({ prison, prisoners: await prisonApi.prisoners(prison.id), alerts: await prisonApi.alerts({ prison: prison.id, status: 'open', limit: 1000 }) }))),
      prisonApi.cases({ org: 'PrisonBureau', closed: false }),
      prisonApi.cases({ overdue: true }).then((list) => list.filter((c) => !c.closed)),
      procedureApi.definitions().catch(() => []),
    ]);
    return { perPrison, cases, overdue, definitions: definitions.map((d) => d.definition) };
  }, 'dashboard');
  return (
    <>
      <PageHeader title={t('prison.dashboard.title')} subtitle={t('prison.dashboard.subtitle')} />
      <AsyncView state={state}>
        {({ perPrison, cases, overdue, definitions }) => {
          const prisoners = perPrison.reduce((n, p) => n + p.prisoners.length, 0);
          const alerts = perPrison.flatMap((p) => p.alerts);
          const byRule = new Map<string, { title: string; count: number }>();
          // Alert documents carry the rule's English title; the console shows its own translation.
          for (const alert of alerts) byRule.set(alert.rule, { title: alert.title, count: (byRule.get(alert.rule)?.count ?? 0) + 1 });
          const stages = casesByStage(cases, definitions);
          // The state's title alone fits the chart's label column; the procedure is named when several have cases.
          const several = new Set(stages.map((s) => s.procedure)).size > 1;
          const stageLabel = (s: (typeof stages)[number]) => `${several ? `${s.procedure} · ` : ''}${s.title === null ? s.state : zh ? s.title.zh : s.title.en}`;
          return (
            <div data-testid="dashboard">
              <dl className="stats">
                <div><dt>{t('prison.dashboard.prisons')}</dt><dd data-testid="stat-prisons">{perPrison.length}</dd></div>
                <div><dt>{t('prison.dashboard.prisoners')}</dt><dd data-testid="stat-prisoners">{prisoners}</dd></div>
                <div><dt>{t('prison.dashboard.openCases')}</dt><dd>{cases.length}</dd></div>
                <div className={overdue.length > 0 ? 'stat-bad' : undefined}><dt>{t('prison.dashboard.overdue')}</dt><dd>{overdue.length}</dd></div>
                <div className={alerts.length > 0 ? 'stat-bad' : undefined}><dt>{t('prison.dashboard.openAlerts')}</dt><dd>{alerts.length}</dd></div>
              </dl>
              {perPrison.length === 0 && <p className="notice notice-info">{t('prison.dashboard.noPrisons')}</p>}
              <div className="columns">
                <Section title={t('prison.dashboard.scores')} hint={t('prison.dashboard.scoresHint')}>
                  <BoxPlot
                    title={t('prison.dashboard.scores')}
                    emptyLabel={t('prison.dashboard.noPrisoners')}
                    rows={perPrison.map((p) => ({ key: p.prison.id, label: p.prison.id, summary: summarize(p.prisoners.map((x) => x.points.balance)) }))}
                  />
                </Section>
                <Section title={t('prison.dashboard.stages')}>
                  {stages.length === 0 ? <p className="empty">{t('prison.cases.none')}</p> : <BarChart title={t('prison.dashboard.stages')} bars={stages.map((s) => ({ key: s.key, label: stageLabel(s), value: s.cases.length }))} />}
                  <p><Link to="/prison/cases">{t('prison.dashboard.toBoard')}</Link></p>
                </Section>
                <Section title={t('prison.dashboard.alertsByRule')}>
                  {byRule.size === 0 ? <p className="empty">{t('prison.dashboard.noAlerts')}</p> : <BarChart title={t('prison.dashboard.alertsByRule')} bars={[...byRule].sort().map(([rule, r]) => ({ key: rule, label: `${rule} ${t(`prison.alertRule.${rule}`, { defaultValue: r.title })}`, value: r.count, tone: 'bad' as const }))} />}
                </Section>
                <Section title={t('prison.dashboard.overdueTitle')}>
                  <CaseList cases={overdue} />
                </Section>
              </div>
              <Section title={t('prison.dashboard.table')}>
                <div className="table-scroll">
                  <table className="table" data-testid="prison-table">
                    <thead>
                      <tr>
                        <th>{t('prison.dashboard.prison')}</th>
                        <th className="num">{t('prison.dashboard.prisoners')}</th>
                        <th className="num">{t('prison.dashboard.median')}</th>
                        <th className="num">{t('prison.dashboard.openAlerts')}</th>
                        <th>{t('prison.dashboard.nextEligible')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {perPrison.map(({ prison, prisoners: list, alerts: open }) => {
                        const summary = summarize(list.map((x) => x.points.balance));
                        const next = list.map((x) => x.nextEligibility.commutation).filter((d): d is string => d !== null).sort()[0];
                        return (
                          <tr key={prison.id} data-prison={prison.id}>
                            <td><Link to={`/prison/prisons/${prison.id}`}>{prison.id}</Link> <span className="muted small">{prison.name}</span></td>
                            <td className="num">{list.length}</td>
                            <td className="num">{summary === null ? '—' : Math.round(summary.median)}</td>
                            <td className={`num${open.length > 0 ? ' check-failed' : ''}`}>{open.length}</td>
                            <td>{next ?? '—'}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </Section>
            </div>
          );
        }}
      </AsyncView>
    </>
  );
}
