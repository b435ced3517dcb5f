import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { certificateFacts, type CertificateFacts } from '../../admin/certificate-facts.ts';
import { useAsync } from '../../api/use-async.ts';
import { loadNetwork, type GenesisOrganization } from '../../api/use-organizations.ts';
import { AsyncView } from '../../components/AsyncView.tsx';
import { Fields } from '../../components/Fields.tsx';
import { Section } from '../../components/Section.tsx';
import { TimeText } from '../../components/TimeText.tsx';
import { AdminLayout } from './AdminLayout.tsx';
import { ExpiryBadge } from './ExpiryBadge.tsx';

export function OrganizationsPage() {
  const { t } = useTranslation();
  const state = useAsync(loadNetwork, 'network');
  return (
    <AdminLayout title={t('admin.organizations.title')} subtitle={t('admin.organizations.subtitle')}>
      <AsyncView state={state}>
        {(network) => (
          <div data-testid="organizations">
            {(network.genesis.organizations ?? []).map((org) => (
              <OrganizationCard key={org.id} org={org} />
            ))}
          </div>
        )}
      </AsyncView>
    </AdminLayout>
  );
}

function OrganizationCard({ org }: { org: GenesisOrganization }) {
  const { t, i18n } = useTranslation();
  const [facts, setFacts] = useState<CertificateFacts | null>(null);
  useEffect(() => {
    void certificateFacts(org.caCertificate).then(setFacts, () => setFacts(null));
  }, [org.caCertificate]);
  const zh = i18n.language === 'zh-CN';
  const units = org.units ?? [];
  return (
    <Section title={zh ? org.name.zh : org.name.en} className="org-card">
      <Fields
        rows={[
          [t('admin.organizations.id'), <code>{org.id}</code>],
          [t('admin.organizations.otherName'), zh ? org.name.en : org.name.zh],
          [t('admin.organizations.fingerprint'), facts === null ? '—' : <code data-testid="ca-fingerprint">{facts.fingerprint}</code>],
          [t('admin.organizations.caExpiry'), facts === null ? '—' : <><TimeText ms={facts.notAfter} /> <ExpiryBadge notAfter={facts.notAfter} /></>],
          [t('admin.organizations.units'), units.length === 0 ? t('common.none') : t('admin.organizations.unitCount', { count: units.length })],
        ]}
      />
      {units.length > 0 && (
        <details>
          <summary>{t('admin.organizations.showUnits')}</summary>
          <ul className="unit-list">
            {units.map((unit) => (
              <li key={unit.id}>
                <code>{unit.id}</code> {zh ? unit.name.zh : unit.name.en}
              </li>
            ))}
          </ul>
        </details>
      )}
    </Section>
  );
}
