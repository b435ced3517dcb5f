import { useTranslation } from 'react-i18next';
import { nodeApi } from '../../api/node-api.ts';
import { useAsync } from '../../api/use-async.ts';
import { AsyncView } from '../../components/AsyncView.tsx';
import { Fields } from '../../components/Fields.tsx';
import { HashText } from '../../components/HashText.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Section } from '../../components/Section.tsx';
import { TimeText } from '../../components/TimeText.tsx';
import { GenesisHashField } from './GenesisHashField.tsx';
import { KeyList } from './KeyList.tsx';

export function NetworkPage() {
  const { t } = useTranslation();
  const state = useAsync(() => nodeApi.network(), 'network');
  return (
    <>
      <PageHeader title={t('network.title')} subtitle={t('network.subtitle')} />
      <AsyncView state={state}>
        {(network) => {
          const { genesis } = network;
          return (
            <>
              <Section title={t('network.genesisHash')}>
                <GenesisHashField network={network} />
              </Section>
              <Section title={t('network.genesisDocument')}>
                <Fields
                  rows={[
                    [t('network.name'), <code>{genesis.network}</code>],
                    [t('network.titleField'), genesis.title],
                    [t('network.suite'), <code>{genesis.suite}</code>],
                    [t('network.created'), <TimeText ms={genesis.time} />],
                    [t('network.txWindow'), t('network.txWindowValue', { age: genesis.txWindow.maxAgeMs / 60_000, skew: genesis.txWindow.maxSkewMs / 60_000 })],
                    [t('network.orderers'), <KeyList keys={genesis.orderers} />],
                    [t('network.nodes'), <KeyList keys={genesis.nodes} />],
                    [t('network.thisNode'), <HashText value={network.nodeKey} />],
                  ]}
                />
                <details>
                  <summary>JSON</summary>
                  <pre className="json">{JSON.stringify(genesis, null, 2)}</pre>
                </details>
              </Section>
            </>
          );
        }}
      </AsyncView>
    </>
  );
}
