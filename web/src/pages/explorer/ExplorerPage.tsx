import { useTranslation } from 'react-i18next';
import { useBlockFeed } from '../../api/block-feed.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Section } from '../../components/Section.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { LatestBlocks } from './LatestBlocks.tsx';
import { LatestTransactions } from './LatestTransactions.tsx';
import { LiveIndicator } from './LiveIndicator.tsx';
import { SearchBox } from './SearchBox.tsx';

export function ExplorerPage() {
  const { t } = useTranslation();
  const feed = useBlockFeed();
  const head = feed.blocks[0]?.height;
  return (
    <>
      <PageHeader title={t('explorer.title')} subtitle={t('explorer.subtitle')}>
        <div className="header-meta">
          <LiveIndicator connection={feed.connection} />
          {head !== undefined && <span className="muted">{t('explorer.head', { height: head })}</span>}
        </div>
      </PageHeader>
      <SearchBox />
      {feed.error !== null && <ErrorNotice error={feed.error} />}
      <div className="columns">
        <Section title={t('explorer.latestBlocks')}>{feed.connection === 'connecting' && feed.blocks.length === 0 ? <Spinner /> : <LatestBlocks blocks={feed.blocks} />}</Section>
        <Section title={t('explorer.latestTransactions')}>
          {feed.connection === 'connecting' && feed.transactions.length === 0 ? <Spinner /> : <LatestTransactions transactions={feed.transactions} />}
        </Section>
      </div>
    </>
  );
}
