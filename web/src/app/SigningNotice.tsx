import { useTranslation } from 'react-i18next';
import { Spinner } from '../components/Spinner.tsx';
import { turnOnBrowserKey, useNodeHeldKey, useSigningState } from './signing-store.ts';

/**
 * Above every page while the browser key the member chose cannot sign (gone
 * from this browser, revoked, expired, unknown to the ledger): nothing is
 * signed until the member decides — a new browser key, or the node-held one.
 */
export function SigningNotice() {
  const { t } = useTranslation();
  const { notice, settingUp } = useSigningState();
  if (notice === null) return null;
  return (
    <div className="notice notice-error signing-notice" role="alert" data-testid="signing-notice" data-notice={notice}>
      <strong>{t('signing.noticeTitle')}</strong>
      <p>{t(`signing.notices.${notice}`)}</p>
      {settingUp !== null ? (
        <Spinner label={t(`signing.phases.${settingUp}`)} />
      ) : (
        <p className="signing-actions">
          <button type="button" className="button" data-testid="signing-notice-new-key" onClick={() => void turnOnBrowserKey()}>
            {t('signing.turnOnNew')}
          </button>{' '}
          <button type="button" className="button button-secondary" data-testid="signing-notice-use-node" onClick={() => void useNodeHeldKey()}>
            {t('signing.useNode')}
          </button>
        </p>
      )}
    </div>
  );
}
