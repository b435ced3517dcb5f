import { useTranslation } from 'react-i18next';
import type { TransactionProof } from '@sdk';
import type { NetworkInfo } from '../../api/node-api.ts';
import { CheckList } from '../../components/CheckList.tsx';
import { ProofStatements } from '../../components/ProofStatements.tsx';
import { Section } from '../../components/Section.tsx';
import { VerdictBanner } from '../../components/VerdictBanner.tsx';
import type { ProofCheckOutcome } from '../../verify/check-proof.ts';
import { RecordSummary } from './RecordSummary.tsx';
import { TrustPanel } from './TrustPanel.tsx';

export function VerifyResult(props: { proof: TransactionProof; network: NetworkInfo; outcome: ProofCheckOutcome; source: 'pasted' | 'fetched'; origin: string }) {
  const { t } = useTranslation();
  const { proof, network, outcome, source } = props;
  return (
    <div className="verify-result" data-testid="verify-result">
      <VerdictBanner verdict={outcome.verdict} />
      <p className="muted">{source === 'pasted' ? t('verify.source.pasted') : t('verify.source.fetched', { txId: String(proof.txId) })}</p>
      <div className="columns">
        <Section title={t('verify.record')} {...(outcome.verdict.ok ? {} : { hint: t('verify.recordUnverified'), className: 'record-unverified' })}>
          <RecordSummary proof={proof} />
        </Section>
        <Section title={t('verify.checks')}>
          <CheckList checks={outcome.verdict.checks} />
        </Section>
      </div>
      <Section title={`${t('verify.proves')} / ${t('verify.doesNotProve')}`}>
        <ProofStatements verdict={outcome.verdict} proof={proof} />
      </Section>
      <TrustPanel network={network} genesisHash={outcome.genesisHash} origin={props.origin} />
    </div>
  );
}
