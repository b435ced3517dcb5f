import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAsync } from '../../api/use-async.ts';
import { loadNetwork } from '../../api/use-organizations.ts';
import { AsyncView } from '../../components/AsyncView.tsx';
import { Fields } from '../../components/Fields.tsx';
import { Section } from '../../components/Section.tsx';
import { KeyList } from '../network/KeyList.tsx';
import { AdminLayout } from './AdminLayout.tsx';
import { fetchNodeHealth, type NodeHealth } from './node-health.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { TimeText } from '../../components/TimeText.tsx';

const pollMs = 5000;

/** This node's health, polled from /healthz and /metrics every few seconds. */
function LiveHealth() {
  const { t } = useTranslation();
  const [health, setHealth] = useState<NodeHealth | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let current = true;
    const poll = () =>
      fetchNodeHealth().then(
        (next) => current && (setHealth(next), setError(null)),
        (caught: unknown) => current && setError(caught),
      );
    void poll();
    const timer = setInterval(() => void poll(), pollMs);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, []);
  return (
    <Section title={t('admin.nodes.live')} hint={t('admin.nodes.liveHint')}>
      {error !== null && <ErrorNotice error={error} />}
      {health !== null && (
        <div data-testid="node-health" data-healthy={String(health.healthy)} data-height={health.height}>
          <Fields
            rows={[
              [t('admin.nodes.status'), <span className={`badge ${health.healthy ? 'badge-ok' : 'badge-failed'}`} data-field="status">{health.healthy ? t('admin.nodes.healthy') : t('admin.nodes.unhealthy', { status: health.status })}</span>],
              [t('admin.nodes.height'), <strong data-field="height">{health.height}</strong>],
              [t('admin.nodes.metricsHeight'), <span data-field="metrics-height">{health.metricsHeight ?? '—'}</span>],
              [t('admin.nodes.pending'), <span data-field="pending">{health.pending ?? '—'}</span>],
              [t('admin.nodes.checkedAt'), <TimeText ms={health.checkedAt} seconds />],
            ]}
          />
        </div>
      )}
    </Section>
  );
}

/** Nodes and finality: this node's live health, the keys genesis names and the finality policy. */
export function NodesPage() {
  const { t } = useTranslation();
  const state = useAsync(loadNetwork, 'network');
  return (
    <AdminLayout title={t('admin.nodes.title')} subtitle={t('admin.nodes.subtitle')}>
      <LiveHealth />
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
          </Section>
        )}
      </AsyncView>
    </AdminLayout>
  );
}
