import { useTranslation } from 'react-i18next';
import { nodeApi } from '../../api/node-api.ts';
import { useAsync } from '../../api/use-async.ts';
import { AsyncView } from '../../components/AsyncView.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Section } from '../../components/Section.tsx';
import { AnchoredDocument } from './AnchoredDocument.tsx';
import { EventList } from './EventList.tsx';
import { ProofPanel } from './ProofPanel.tsx';
import { SignerCertificate } from './SignerCertificate.tsx';
import { TransactionSummary } from './TransactionSummary.tsx';
import { VerificationCode } from './VerificationCode.tsx';

export function TransactionPage({ txId }: { txId: string }) {
  const { t } = useTranslation();
  const state = useAsync(async () => {
    const [record, proof, network] = await Promise.all([nodeApi.transaction(txId), nodeApi.proof(txId), nodeApi.network()]);
    return { record, proof, network };
  }, txId);
  return (
    <>
      <PageHeader title={t('tx.title')}>
        <p className="mono break">{txId}</p>
      </PageHeader>
      <AsyncView state={state}>
        {({ record, proof, network }) => (
          <div className="tx-layout">
            <div className="tx-main">
              <Section title={t('tx.result')}>
                <TransactionSummary record={record} />
              </Section>
              <SignerCertificate publicKey={record.tx.signer} height={record.height} />
              <AnchoredDocument tx={record.tx} />
              <Section title={t('tx.events')}>
                <EventList result={record.result} />
              </Section>
              <Section title={t('tx.args')}>
                <pre className="json">{JSON.stringify(record.tx.args, null, 2)}</pre>
              </Section>
            </div>
            <div className="tx-side">
              <ProofPanel proof={proof} network={network} finality={(record as { status?: string }).status === 'final' ? 'final' : 'committed'} />
              <VerificationCode proof={proof} />
            </div>
          </div>
        )}
      </AsyncView>
    </>
  );
}
