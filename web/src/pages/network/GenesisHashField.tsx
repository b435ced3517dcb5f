import { useTranslation } from 'react-i18next';
import type { NetworkInfo } from '../../api/node-api.ts';
import { HashText } from '../../components/HashText.tsx';
import { computeGenesisHash } from '../../verify/genesis-hash.ts';

/** The genesis hash computed in the browser, and whether the node reported the same. */
export function GenesisHashField({ network }: { network: NetworkInfo }) {
  const { t } = useTranslation();
  const computed = computeGenesisHash(network.genesis);
  const matches = computed === network.genesisHash;
  return (
    <div className="genesis-hash" data-testid="genesis-hash">
      <HashText value={computed} />
      <p className={matches ? 'check-inline check-ok' : 'check-inline check-failed'}>
        {t('network.genesisHashComputed')}; {matches ? `✓ ${t('network.genesisMatches')}` : `✗ ${t('network.genesisMismatch')}`}
      </p>
    </div>
  );
}
