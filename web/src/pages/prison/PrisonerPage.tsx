import { useTranslation } from 'react-i18next';
import { useAsync } from '../../api/use-async.ts';
import { Link } from '../../app/router.tsx';
import { AsyncView } from '../../components/AsyncView.tsx';
import { Fields } from '../../components/Fields.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Section } from '../../components/Section.tsx';
import type { JsonObject } from '@custos/procedures/case-document.ts';
import { OpenCaseForm, useOpenableProcedures } from '../../procedures/OpenCaseForm.tsx';
import { prisonApi, type PrisonerRecord } from '../../prison/prison-api.ts';
import { AccountSection } from './AccountSection.tsx';
import { CaseList } from './CaseList.tsx';
import { EligibilitySection } from './EligibilitySection.tsx';
import { RewardsSection } from './RewardsSection.tsx';
import { ScoreTimeline } from './ScoreTimeline.tsx';

/** One prisoner: sentence and dates, eligibility with its articles, scores, rewards and punishments, cases, account. */
export function PrisonerPage({ prisonerId }: { prisonerId: string }) {
  const { t } = useTranslation();
  const state = useAsync(async () => {
    const [prisoner, scores, eligibility, account, cases] = await Promise.all([
      prisonApi.prisoner(prisonerId),
      prisonApi.scores(prisonerId),
      prisonApi.eligibility(prisonerId),
      prisonApi.account(prisonerId),
      prisonApi.cases({ org: 'PrisonBureau' }).then((all) => all.filter((c) => c.subject.id === prisonerId)),
    ]);
    return { prisoner, scores, eligibility, account, cases };
  }, prisonerId);
  return (
    <AsyncView state={state}>
      {({ prisoner, scores, eligibility, account, cases }) => {
        const s = prisoner.sentence;
        return (
          <div data-testid="prisoner-page" data-prisoner={prisoner.id}>
            <PageHeader title={t('prison.prisonerTitle', { id: prisoner.id })} subtitle={t('prison.prisonerSubtitle')}>
              <p className="header-meta">
                <Link to={`/prison/prisons/${prisoner.prison}`}>{prisoner.prison}</Link>
                <span>{t('prison.unitOf', { unit: prisoner.unit })}</span>
                <span className={`badge ${prisoner.status === 'in-custody' ? 'badge-open' : 'badge-withdrawn'}`}>{t(`prison.status.${prisoner.status}`)}</span>
              </p>
            </PageHeader>
            <div className="columns">
              <Section title={t('prison.sentence.title')}>
                <Fields
                  rows={[
                    [t('prison.sentence.kind'), t(`prison.sentence.kinds.${s.kind}`)],
                    s.kind === 'fixed-term' && [t('prison.sentence.term'), t('prison.sentence.months', { months: s.termMonths })],
                    [t('prison.sentence.crimes'), s.convictions.map((c) => c.crime).join('、')],
                    [t('prison.sentence.judgmentEffective'), s.judgmentEffectiveDate],
                    [t('prison.sentence.executionStart'), s.executionStartDate],
                    [t('prison.sentence.admitted'), prisoner.admittedOn],
                    [t('prison.sentence.expectedRelease'), <strong data-testid="expected-release">{prisoner.expectedRelease ?? t('prison.sentence.noRelease')}</strong>],
                    [t('prison.sentence.commutations'), prisoner.commutations.length === 0 ? t('common.none') : prisoner.commutations.map((c) => c.servedDate).join('、')],
                  ]}
                />
              </Section>
              <Section title={t('prison.points.title')}>
                <Fields
                  rows={[
                    [t('prison.points.balance'), <strong data-testid="points-balance">{prisoner.points.balance}</strong>],
                    [t('prison.points.cycle'), t('prison.points.cycleOf', { n: prisoner.points.cycleNo, since: prisoner.points.balance - prisoner.points.cycleStart })],
                    [t('prison.points.level'), t(`prison.levels.${prisoner.level}`, { defaultValue: prisoner.level })],
                    [t('prison.points.canWork'), prisoner.canWork ? t('prison.yes') : t('prison.no')],
                    [t('prison.points.nextCommutation'), prisoner.nextEligibility.commutation ?? '—'],
                    [t('prison.points.nextParole'), prisoner.nextEligibility.parole ?? '—'],
                  ]}
                />
              </Section>
            </div>
            <EligibilitySection assessment={eligibility} />
            <ScoreTimeline entries={scores.entries} />
            <div className="columns">
              <RewardsSection prisoner={prisoner} entries={scores.entries} cycles={scores.cycles}>
                <OpenCases prisoner={prisoner} only={rewardProcedures} />
              </RewardsSection>
              <Section title={t('prison.cases.title')}>
                <CaseList cases={cases} />
                <OpenCases prisoner={prisoner} except={rewardProcedures} />
              </Section>
            </div>
            <AccountSection account={account} />
          </div>
        );
      }}
    </AsyncView>
  );
}

/** Rewards and punishments are opened from their own section; every other procedure from the cases section. */
const rewardProcedures = ['reward', 'punishment'];

/** The forms to open the cases this member may open on this prisoner (each reward procedure on its own). */
function OpenCases({ prisoner, only, except }: { prisoner: PrisonerRecord; only?: readonly string[]; except?: readonly string[] }) {
  const { t } = useTranslation();
  const openable = useOpenableProcedures({ type: 'prisoner', id: prisoner.id, facts: prisoner as unknown as JsonObject });
  const subject = { type: 'prisoner', id: prisoner.id };
  if (only !== undefined) {
    return (
      <>
        {only.map((id) => {
          const definitions = openable.filter((d) => d.id === id);
          return definitions.length === 0 ? null : (
            <div key={id} className="open-case-block">
              <h3 className="label">{t(id === 'reward' ? 'prison.cases.openReward' : 'prison.cases.openPunishment')}</h3>
              <OpenCaseForm definitions={definitions} subject={subject} testId={`open-${id}`} />
            </div>
          );
        })}
      </>
    );
  }
  const definitions = openable.filter((d) => !(except ?? []).includes(d.id));
  if (definitions.length === 0) return null;
  return (
    <div className="open-case-block">
      <h3 className="label">{t('prison.cases.openTitle')}</h3>
      <OpenCaseForm definitions={definitions} subject={subject} testId="open-case" />
    </div>
  );
}
