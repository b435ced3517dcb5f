import { useTranslation } from 'react-i18next';
import type { MemberRecord } from '@custos/runtime/system/directory.ts';
import { isNotFound } from '../../api/node-api.ts';
import { stateApi } from '../../api/state-api.ts';
import { useAsync } from '../../api/use-async.ts';
import { useOrganizations } from '../../api/use-organizations.ts';
import { AsyncView } from '../../components/AsyncView.tsx';
import { Fields } from '../../components/Fields.tsx';
import { HashText } from '../../components/HashText.tsx';
import { Section } from '../../components/Section.tsx';
import { TimeText } from '../../components/TimeText.tsx';
import { ExpiryBadge } from '../admin/ExpiryBadge.tsx';

/**
 * Who the signer's key belongs to, from the ledger's member directory
 * (`identity.members`, keyed by public key): organization, member id, roles,
 * certificate serial, validity and revocation. A key with no member record
 * (an open network, or a key never enrolled) says so.
 */
export function SignerCertificate({ publicKey, height }: { publicKey: string; height: number }) {
  const { t } = useTranslation();
  const { name } = useOrganizations();
  const state = useAsync(async () => {
    try {
      return (await stateApi.get<MemberRecord>('identity.members', publicKey)).doc;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }, publicKey);
  return (
    <Section title={t('tx.certificate.title')} className="signer-certificate">
      <AsyncView state={state}>
        {(member) =>
          member === null ? (
            <p className="empty" data-testid="signer-certificate" data-member="none">
              {t('tx.certificate.none')}
            </p>
          ) : (
            <div data-testid="signer-certificate" data-member={member.memberId} data-org={member.org}>
              <Fields
                rows={[
                  [t('tx.certificate.org'), <span data-field="org">{name(member.org)} ({member.org})</span>],
                  [t('tx.certificate.member'), <strong data-field="member">{member.memberId}</strong>],
                  [t('tx.certificate.roles'), <span data-field="roles">{member.roles.join('、')}</span>],
                  Object.keys(member.attributes).length > 0 && [
                    t('tx.certificate.attributes'),
                    <span data-field="attributes">{Object.entries(member.attributes).map(([k, v]) => `${k}=${v}`).join('、')}</span>,
                  ],
                  [t('tx.certificate.serial'), <code data-field="serial">{member.serial}</code>],
                  [t('tx.certificate.validFrom'), <TimeText ms={member.notBefore} />],
                  [
                    t('tx.certificate.expires'),
                    <span data-field="expires">
                      <TimeText ms={member.notAfter} /> <ExpiryBadge notAfter={member.notAfter} />
                    </span>,
                  ],
                  [t('tx.certificate.fingerprint'), <HashText value={member.fingerprint} />],
                  member.revokedFrom !== null && [
                    t('tx.certificate.revoked'),
                    <span className={`badge ${member.revokedFrom <= height ? 'badge-failed' : 'badge-warn'}`} data-field="revoked">
                      {t(member.revokedFrom <= height ? 'tx.certificate.revokedBefore' : 'tx.certificate.revokedAfter', { height: member.revokedFrom })}
                    </span>,
                  ],
                ]}
              />
              <p className="hint">{t('tx.certificate.hint')}</p>
            </div>
          )
        }
      </AsyncView>
    </Section>
  );
}
