import { useTranslation } from 'react-i18next';
import type { Reduction } from '@custos/apps/prison/eligibility/assessment.ts';
import { Fields } from '../../components/Fields.tsx';
import { Section } from '../../components/Section.tsx';
import type { EligibilityAssessment } from '../../prison/prison-api.ts';
import { ReasonList } from './ReasonList.tsx';

/** Commutation and parole as the ledger's calculators find them today, with the articles behind each finding. */
export function EligibilitySection({ assessment }: { assessment: EligibilityAssessment }) {
  const { t } = useTranslation();
  const c = assessment.commutation;
  const p = assessment.parole;
  const reduction = (r: Reduction | null) => (r === null ? t('prison.eligibility.none') : r.kind === 'by' ? t('prison.eligibility.byMonths', { months: r.months }) : t('prison.eligibility.toMonths', { min: r.minMonths, max: r.maxMonths }));
  const yesNo = (ok: boolean) => <span className={`badge ${ok ? 'badge-ok' : 'badge-withdrawn'}`}>{ok ? t('prison.eligibility.eligibleNow') : t('prison.eligibility.notYet')}</span>;
  return (
    <Section title={t('prison.eligibility.title')} hint={t('prison.eligibility.hint', { asOf: c.asOf, rules: assessment.ruleVersion })}>
      <div className="columns">
        <div data-testid="commutation-eligibility" data-eligible={c.eligibleNow}>
          <h3>{t('prison.eligibility.commutation')} {yesNo(c.eligibleNow)}</h3>
          <Fields
            rows={[
              [t('prison.eligibility.stage'), t(`prison.stage.${c.stage}`)],
              [t('prison.eligibility.earliest'), <><strong data-testid="earliest-commutation">{c.earliestProposal.date ?? t('prison.eligibility.never')}</strong><ReasonList reasons={c.earliestProposal.reasons} /></>],
              [t('prison.eligibility.maxReduction'), <>{reduction(c.maxReduction.reduction)}<ReasonList reasons={c.maxReduction.reasons} /></>],
              [t('prison.eligibility.grounds'), <>{c.grounds.key === null ? t('prison.eligibility.noGrounds') : t(`prison.eligibility.groundsKey.${c.grounds.key}`, { defaultValue: c.grounds.key })}<ReasonList reasons={c.grounds.reasons} /></>],
              c.minimumServed.releaseNotBefore !== null && [t('prison.eligibility.releaseNotBefore'), <>{c.minimumServed.releaseNotBefore}<ReasonList reasons={c.minimumServed.reasons} /></>],
              c.blocks.length > 0 && [
                t('prison.eligibility.blocks'),
                <ul className="plain">
                  {c.blocks.map((b) => (
                    <li key={b.code}>
                      <code>{b.code}</code> {b.waived ? t('prison.eligibility.waived') : b.until === null ? '' : t('prison.eligibility.until', { date: b.until })}
                      <ReasonList reasons={b.reasons} />
                    </li>
                  ))}
                </ul>,
              ],
            ]}
          />
        </div>
        <div data-testid="parole-eligibility" data-eligible={p.eligibleNow}>
          <h3>{t('prison.eligibility.parole')} {yesNo(p.eligibleNow)}</h3>
          <Fields
            rows={[
              [t('prison.eligibility.timeEligible'), <><strong>{p.timeEligible.date ?? t('prison.eligibility.never')}</strong><ReasonList reasons={p.timeEligible.reasons} /></>],
              [t('prison.eligibility.earliest'), <><strong>{p.earliestDate.date ?? t('prison.eligibility.never')}</strong><ReasonList reasons={p.earliestDate.reasons} /></>],
              p.exclusions.length > 0 && [
                t('prison.eligibility.exclusions'),
                <ul className="plain">
                  {p.exclusions.map((e) => (
                    <li key={e.code}>
                      <code>{e.code}</code> {e.absolute ? t('prison.eligibility.absolute') : t('prison.eligibility.generally')}
                      <ReasonList reasons={e.reasons} />
                    </li>
                  ))}
                </ul>,
              ],
              p.considerations.length > 0 && [t('prison.eligibility.considerations'), <ReasonList reasons={p.considerations} />],
            ]}
          />
        </div>
      </div>
    </Section>
  );
}
