import { useTranslation } from 'react-i18next';
import type { Enrolled } from '../../api/admin-api.ts';
import { Fields } from '../../components/Fields.tsx';
import { HashText } from '../../components/HashText.tsx';
import { QrCode } from '../../components/QrCode.tsx';
import { Section } from '../../components/Section.tsx';

/** The same otpauth:// URI the node's accounts module documents (src/node/accounts/totp.ts). */
export function totpUri(secretBase32: string, account: string, issuer = 'Custos'): string {
  return `otpauth://totp/${encodeURIComponent(`${issuer}:${account}`)}?secret=${secretBase32}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}

/** Shown once after enrollment: the TOTP secret is not kept by the console and cannot be shown again. */
export function EnrolledCard({ enrolled, onDone }: { enrolled: Enrolled; onDone: () => void }) {
  const { t } = useTranslation();
  const account = `${enrolled.memberId}@${enrolled.org}`;
  return (
    <Section title={t('admin.enrolled.title', { member: account })} className="card-ok">
      <div data-testid="enrolled">
        <Fields
          rows={[
            [t('admin.enrolled.publicKey'), <HashText value={enrolled.publicKey} short />],
            [
              t('admin.enrolled.certificate'),
              <details>
                <summary>PEM</summary>
                <pre className="json">{enrolled.certificate}</pre>
              </details>,
            ],
          ]}
        />
        {enrolled.totpSecret !== undefined && (
          <div className="qr-row" data-testid="totp-secret">
            <QrCode text={totpUri(enrolled.totpSecret, account)} label={t('admin.enrolled.totpQr')} />
            <div>
              <p>
                <strong>{t('admin.enrolled.totpOnce')}</strong>
              </p>
              <p className="muted">{t('admin.enrolled.totpManual')}</p>
              <code className="secret">{enrolled.totpSecret}</code>
            </div>
          </div>
        )}
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={onDone}>
            {t('admin.enrolled.done')}
          </button>
        </div>
      </div>
    </Section>
  );
}
