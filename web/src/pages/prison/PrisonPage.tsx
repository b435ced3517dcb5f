import { useTranslation } from 'react-i18next';
import { useAsync } from '../../api/use-async.ts';
import { Link } from '../../app/router.tsx';
import { AsyncView } from '../../components/AsyncView.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Section } from '../../components/Section.tsx';
import { prisonApi } from '../../prison/prison-api.ts';

/** A prison's roll by unit: each prisoner's points, expected release and next commutation date, opening the prisoner page. */
export function PrisonPage({ prisonId }: { prisonId: string }) {
  const { t } = useTranslation();
  const state = useAsync(async () => {
    const [prisons, prisoners, alerts] = await Promise.all([prisonApi.prisons(), prisonApi.prisoners(prisonId), prisonApi.alerts({ prison: prisonId, status: 'open', limit: 200 })]);
    return { prison: prisons.find((p) => p.id === prisonId) ?? null, prisoners, alerts };
  }, prisonId);
  return (
    <AsyncView state={state}>
      {({ prison, prisoners, alerts }) => (
        <>
          <PageHeader title={prison === null ? prisonId : `${prison.id} · ${prison.name}`} subtitle={t('prison.roll.subtitle', { count: prisoners.length })} />
          {(prison?.units ?? []).map((unit) => {
            const list = prisoners.filter((p) => p.unit === unit.id);
            if (list.length === 0) return null;
            return (
              <Section key={unit.id} title={`${unit.name} (${unit.id}) · ${list.length}`}>
                <div className="table-scroll">
                  <table className="table">
                    <thead>
                      <tr>
                        <th>{t('prison.prisoner')}</th>
                        <th className="num">{t('prison.points.balance')}</th>
                        <th>{t('prison.sentence.expectedRelease')}</th>
                        <th>{t('prison.points.nextCommutation')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.map((p) => (
                        <tr key={p.id} data-prisoner={p.id}>
                          <td><Link to={`/prison/prisoners/${p.id}`}>{p.id}</Link></td>
                          <td className="num">{p.points.balance}</td>
                          <td>{p.expectedRelease ?? '—'}</td>
                          <td>{p.nextEligibility.commutation ?? '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </Section>
            );
          })}
          <Section title={t('prison.dashboard.openAlerts')}>
            {alerts.length === 0 ? (
              <p className="empty">{t('prison.dashboard.noAlerts')}</p>
            ) : (
              <ul className="rows">
                {alerts.map((a) => (
                  <li key={a.id} className="row" data-alert={a.rule}>
                    <span className="badge badge-failed">{a.rule}</span>
                    <span className="row-main">{a.title}</span>
                    <span className="row-meta">{a.message}</span>
                    <Link to={`/tx/${a.txId}`} className="small">tx</Link>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </>
      )}
    </AsyncView>
  );
}
