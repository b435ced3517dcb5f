import { useTranslation } from 'react-i18next';
import type { BlockFeedState } from '../../api/block-feed.ts';

export function LiveIndicator({ connection }: { connection: BlockFeedState['connection'] }) {
  const { t } = useTranslation();
  const live = connection === 'live';
  return (
    <span className={live ? 'live live-on' : 'live live-off'} data-connection={connection}>
      <span className="live-dot" aria-hidden="true" />
      {live ? t('explorer.live') : t('explorer.reconnecting')}
    </span>
  );
}
