import { useTranslation } from 'react-i18next';
import { useAsync } from '../../api/use-async.ts';
import { loadNetwork } from '../../api/use-organizations.ts';
import { AsyncView } from '../../components/AsyncView.tsx';
import { Fields } from '../../components/Fields.tsx';
import { Section } from '../../components/Section.tsx';
import { KeyList } from '../network/KeyList.tsx';
import { AdminLayout } from './AdminLayout.tsx';

/** Nodes and finality: the keys genesis names and the finality policy; live node health comes with consortium metrics. */
export function NodesPage() {
  const { t } = useTranslation();
  const state = useAsync(loadNetwork, 'network');
  return (
    <AdminLayout title={t('admin.nodes.title')} subtitle={t('admin.nodes.subtitle')}>
      <AsyncView state={state}>
        {(network) => (
          <Section title={t('admin.nodes.keys')}>
            <Fields
              rows={[
                [t('network.orderers'), <KeyList keys={network.genesis.orderers} />],
                [t('network.nodes'), <KeyList keys={network.genesis.nodes} />],
                [t('admin.nodes.finality'), network.genesis.finality === undefined ? t('admin.nodes.noFinality') : <code>{network.genesis.finality}</code>],
              ]}
            />
            <p className="notice notice-info">{t('admin.nodes.placeholder')}</p>
          </Section>
        )}
      </AsyncView>
    </AdminLayout>
  );
}
