import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { HashText } from '../components/HashText.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { browserKeysSupported, forgetBrowserKey, signingKind, turnOnBrowserKey, useBrowserKeyAgain, useNodeHeldKey, useSigningState } from './signing-store.ts';

/**
 * In the member menu: which key signs the member's actions, and the choice —
 * keep the key in this browser (the node only relays), or let the node sign
 * with the key it holds for the session.
 */
export function SigningPanel() {
  const { t } = useTranslation();
  const signing = useSigningState();
  const kind = signingKind(signing);
  const { record, settingUp, notice } = signing;
  const usable = kind === 'browser' && notice === null && record !== null;
  return (
    <div className="signing-panel" data-testid="signing-panel">
      <p data-testid="signing-kind" data-kind={usable ? 'browser' : 'node'} data-public-key={usable ? record.publicKey : undefined}>
        <strong>{usable ? t('signing.withBrowser') : notice !== null ? t('signing.withNothing') : t('signing.withNode')}</strong>
      </p>
      <p className="hint">{usable ? t('signing.browserHint') : notice !== null ? t(`signing.notices.${notice}`) : t('auth.signingHint')}</p>
      {usable && (
        <p className="small muted">
          {t('signing.keyId')} <HashText value={record.publicKey} short />
        </p>
      )}
      {settingUp !== null ? (
        <div data-testid="browser-key-progress" data-phase={settingUp}>
          <Spinner label={t(`signing.phases.${settingUp}`)} />
        </div>
      ) : (
        <div className="signing-actions">
          {!usable && browserKeysSupported() && (record === null || notice !== null) && (
            <button type="button" className="button" data-testid="browser-key-on" onClick={() => void turnOnBrowserKey()}>
              {t('signing.turnOn')}
            </button>
          )}
          {!usable && notice === null && record !== null && (
            <button type="button" className="button" data-testid="browser-key-again" onClick={() => void useBrowserKeyAgain()}>
              {t('signing.useBrowserAgain')}
            </button>
          )}
          {(usable || notice !== null) && (
            <button type="button" className="button button-secondary" data-testid="browser-key-off" onClick={() => void useNodeHeldKey()}>
              {t('signing.useNode')}
            </button>
          )}
          {record !== null && (
            <button type="button" className="button button-secondary" data-testid="browser-key-forget" onClick={() => void forgetBrowserKey()}>
              {t('signing.forget')}
            </button>
          )}
          {!browserKeysSupported() && <p className="hint">{t('signing.unsupported')}</p>}
          {!usable && record === null && notice === null && browserKeysSupported() && <p className="hint">{t('signing.turnOnHint')}</p>}
        </div>
      )}
      {signing.error !== null && (
        <div data-testid="browser-key-error">
          <ErrorNotice error={signing.error} />
        </div>
      )}
    </div>
  );
}
