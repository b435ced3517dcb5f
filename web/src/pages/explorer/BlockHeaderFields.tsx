import { useTranslation } from 'react-i18next';
import type { BlockDetail } from '../../api/node-api.ts';
import { Link } from '../../app/router.tsx';
import { Fields } from '../../components/Fields.tsx';
import { HashText } from '../../components/HashText.tsx';
import { TimeText } from '../../components/TimeText.tsx';

export function BlockHeaderFields({ block, signatureOk }: { block: BlockDetail; signatureOk: boolean | null }) {
  const { t } = useTranslation();
  const { header } = block;
  return (
    <Fields
      rows={[
        [t('common.height'), header.height],
        [t('common.hash'), <HashText value={block.hash} />],
        [t('common.time'), <TimeText ms={header.time} seconds />],
        [t('common.txCount'), block.txIds.length],
        [t('block.prevHash'), header.height > 1 ? <Link to={`/blocks/${header.height - 1}`} className="mono">{header.prevHash}</Link> : <HashText value={header.prevHash} />],
        [t('block.txRoot'), <HashText value={header.txRoot} />],
        [t('block.logSize'), header.logSize],
        [t('block.logRoot'), <HashText value={header.logRoot} />],
        [t('block.orderer'), <HashText value={header.orderer} />],
        signatureOk !== null && [
          t('block.signatureCheck'),
          <span className={signatureOk ? 'check-inline check-ok' : 'check-inline check-failed'} data-testid="header-signature">
            {signatureOk ? `✓ ${t('checks.ok')}` : `✗ ${t('checks.failed')}`}
          </span>,
        ],
      ]}
    />
  );
}
