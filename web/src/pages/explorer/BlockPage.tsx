import { useTranslation } from 'react-i18next';
import { nodeApi } from '../../api/node-api.ts';
import { useAsync } from '../../api/use-async.ts';
import { Link } from '../../app/router.tsx';
import { AsyncView } from '../../components/AsyncView.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Section } from '../../components/Section.tsx';
import { BlockHeaderFields } from './BlockHeaderFields.tsx';
import { CheckpointList } from './CheckpointList.tsx';
import { checkBlockHeader } from './check-block-header.ts';

export function BlockPage({ height }: { height: number }) {
  const { t } = useTranslation();
  const state = useAsync(async () => {
    const [block, network] = await Promise.all([nodeApi.block(height), nodeApi.network()]);
    return { block, signatureOk: checkBlockHeader(block.header, network) };
  }, String(height));
  return (
    <>
      <PageHeader title={t('block.title', { height })}>
        <nav className="pager">
          {height > 1 && <Link to={`/blocks/${height - 1}`}>← {t('block.previous')}</Link>}
          <Link to={`/blocks/${height + 1}`}>{t('block.next')} →</Link>
        </nav>
      </PageHeader>
      <AsyncView state={state}>
        {({ block, signatureOk }) => (
          <>
            <Section title={t('block.header')}>
              <BlockHeaderFields block={block} signatureOk={signatureOk} />
            </Section>
            <Section title={t('common.transactions')}>
              {block.txIds.length === 0 ? (
                <p className="empty">{t('explorer.noTransactions')}</p>
              ) : (
                <ol className="rows" data-testid="block-transactions">
                  {block.txIds.map((txId) => (
                    <li key={txId} className="row">
                      <Link to={`/tx/${txId}`} className="row-main mono">
                        {txId}
                      </Link>
                    </li>
                  ))}
                </ol>
              )}
            </Section>
            <Section title={t('block.checkpoints')} hint={t('block.checkpointsHint')}>
              <CheckpointList checkpoints={block.checkpoints} />
            </Section>
          </>
        )}
      </AsyncView>
    </>
  );
}
