import { useTranslation } from 'react-i18next';
import type { FeedBlock } from '../../api/block-feed.ts';
import { Link } from '../../app/router.tsx';
import { TimeText } from '../../components/TimeText.tsx';

export function LatestBlocks({ blocks }: { blocks: FeedBlock[] }) {
  const { t } = useTranslation();
  if (blocks.length === 0) return <p className="empty">{t('explorer.noBlocks')}</p>;
  return (
    <ol className="rows" data-testid="latest-blocks">
      {blocks.map((block) => (
        <li key={block.height} className="row" data-height={block.height}>
          <Link to={`/blocks/${block.height}`} className="row-main">
            {t('explorer.block', { height: block.height })}
          </Link>
          <span className="row-meta">{t('explorer.txs', { count: block.txCount })}</span>
          <span className="row-meta">
            <TimeText ms={block.time} seconds />
          </span>
        </li>
      ))}
    </ol>
  );
}
