import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkInfo } from '../../api/node-api.ts';
import { Fields } from '../../components/Fields.tsx';
import { HashText } from '../../components/HashText.tsx';
import { Section } from '../../components/Section.tsx';

/** Which keys the verdict trusted, and a box to compare the genesis hash with the published one. */
export function TrustPanel({ network, genesisHash, origin }: { network: NetworkInfo; genesisHash: string; origin: string }) {
  const { t } = useTranslation();
  const [published, setPublished] = useState('');
  const compared = published.trim().toLowerCase();
  return (
    <Section title={t('verify.trust')} hint={t('verify.trustHint', { origin })}>
      <Fields
        rows={[
          [t('network.name'), <code>{network.genesis.network}</code>],
          [t('network.titleField'), network.genesis.title],
          [
            t('network.genesisHash'),
            <span data-testid="verify-genesis-hash">
              <HashText value={genesisHash} />
            </span>,
          ],
        ]}
      />
      <label className="label" htmlFor="published-genesis">
        {t('verify.compareLabel')}
      </label>
      <input id="published-genesis" className="mono" value={published} onChange={(event) => setPublished(event.target.value)} spellCheck={false} autoComplete="off" />
      {compared.length > 0 && (
        <p className={compared === genesisHash ? 'check-inline check-ok' : 'check-inline check-failed'} role="status">
          {compared === genesisHash ? t('verify.compareMatch') : t('verify.compareMismatch')}
        </p>
      )}
    </Section>
  );
}
