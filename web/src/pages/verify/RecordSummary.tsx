import { useTranslation } from 'react-i18next';
import type { TransactionProof } from '@sdk';
import { Fields } from '../../components/Fields.tsx';
import { HashText } from '../../components/HashText.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { TimeText } from '../../components/TimeText.tsx';

/** What the proof says was recorded. Shown only next to the verdict that says whether to believe it. */
export function RecordSummary({ proof }: { proof: TransactionProof }) {
  const { t } = useTranslation();
  const tx = proof.tx as Partial<TransactionProof['tx']> | undefined;
  const args = tx?.args ?? {};
  const title = typeof args['title'] === 'string' ? args['title'] : undefined;
  const hash = typeof args['hash'] === 'string' ? args['hash'] : undefined;
  return (
    <Fields
      rows={[
        title !== undefined && [t('tx.documentTitle'), <strong>{title}</strong>],
        hash !== undefined && [t('tx.documentHash'), <HashText value={hash} />],
        [t('tx.call'), <code>{`${tx?.contract ?? '?'}.${tx?.fn ?? '?'}`}</code>],
        [t('common.signer'), <HashText value={String(tx?.signer ?? '?')} />],
        [t('tx.result'), <StatusBadge status={proof.result?.status} code={proof.result?.status === 'failed' ? proof.result.code : undefined} />],
        [t('tx.block'), proof.header?.height ?? '?'],
        typeof proof.header?.time === 'number' && [t('common.time'), <TimeText ms={proof.header.time} seconds />],
        ['txId', <HashText value={String(proof.txId)} />],
      ]}
    />
  );
}
