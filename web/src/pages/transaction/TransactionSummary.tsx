import { useTranslation } from 'react-i18next';
import type { TransactionRecord } from '../../api/node-api.ts';
import { Link } from '../../app/router.tsx';
import { Fields } from '../../components/Fields.tsx';
import { HashText } from '../../components/HashText.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { TimeText } from '../../components/TimeText.tsx';

export function TransactionSummary({ record }: { record: TransactionRecord }) {
  const { t } = useTranslation();
  const { tx, result } = record;
  return (
    <Fields
      rows={[
        [t('tx.result'), <StatusBadge status={result.status} code={result.status === 'failed' ? result.code : undefined} />],
        result.status === 'failed' && [t('errors.title'), result.message],
        [t('tx.call'), <code>{`${tx.contract}.${tx.fn}`}</code>],
        [t('common.signer'), <HashText value={tx.signer} />],
        [t('tx.block'), <Link to={`/blocks/${record.height}`}>{t('explorer.block', { height: record.height })}</Link>],
        [t('tx.seq'), record.seq],
        [t('tx.submittedAt'), <TimeText ms={tx.ts} seconds />],
        [t('tx.nonce'), <code>{tx.nonce}</code>],
        ['txId', <HashText value={record.txId} />],
      ]}
    />
  );
}
