import { useTranslation } from 'react-i18next';
import type { FeedTransaction } from '../../api/block-feed.ts';
import { Link } from '../../app/router.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';

export function LatestTransactions({ transactions }: { transactions: FeedTransaction[] }) {
  const { t } = useTranslation();
  if (transactions.length === 0) return <p className="empty">{t('explorer.noTransactions')}</p>;
  return (
    <ol className="rows" data-testid="latest-transactions">
      {transactions.map((tx) => (
        <li key={tx.txId} className="row" data-tx={tx.txId}>
          <Link to={`/tx/${tx.txId}`} className="row-main mono" title={tx.txId}>
            {`${tx.txId.slice(0, 12)}…${tx.txId.slice(-6)}`}
          </Link>
          <span className="row-meta">{t('explorer.block', { height: tx.height })}</span>
          <StatusBadge status={tx.status} code={tx.code} />
        </li>
      ))}
    </ol>
  );
}
