import { useTranslation } from 'react-i18next';
import type { TransactionProof } from '@sdk';
import type { NetworkInfo } from '../../api/node-api.ts';
import { CheckList } from '../../components/CheckList.tsx';
import { Fields } from '../../components/Fields.tsx';
import { Section } from '../../components/Section.tsx';
import { VerdictBanner } from '../../components/VerdictBanner.tsx';
import { checkProof, isSuiteSupported } from '../../verify/check-proof.ts';

/** The transaction's inclusion proof, checked here in the browser, and its finality. */
export function ProofPanel({ proof, network, finality }: { proof: TransactionProof; network: NetworkInfo; finality: 'committed' | 'final' }) {
  const { t } = useTranslation();
  if (!isSuiteSupported(network)) {
    return (
      <Section title={t('tx.proof')}>
        <p className="notice notice-info">{t('verify.unsupportedSuite', { suite: network.genesis.suite })}</p>
      </Section>
    );
  }
  const { verdict } = checkProof(proof, network);
  return (
    <Section title={t('tx.proof')} hint={t('tx.proofHint')} className="proof-panel">
      <VerdictBanner verdict={verdict} />
      <CheckList checks={verdict.checks} />
      <Fields
        rows={[
          [
            t('tx.finality'),
            <span className={`finality badge ${finality === 'final' ? 'badge-ok' : 'badge-warn'}`} data-finality={finality} title={t('tx.finalityHint')}>
              {t(finality === 'final' ? 'tx.final' : 'tx.committed')}
            </span>,
          ],
        ]}
      />
      <p className="hint">{t('tx.finalityHint')}</p>
    </Section>
  );
}
