import { useTranslation } from 'react-i18next';
import { CustosApiError } from '@sdk';

/**
 * An error as a person can act on it: the node's problem+json `detail` and its
 * stable code (which support staff can look up), or "cannot reach the node".
 */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  const api = error instanceof CustosApiError ? error : null;
  const heading = api !== null && i18n.exists(`errors.${api.code}`) ? t(`errors.${api.code}`) : t('errors.title');
  const detail = api !== null ? api.message : error instanceof TypeError ? t('errors.network') : error instanceof Error ? error.message : String(error);
  return (
    <div className="notice notice-error" role="alert">
      <strong>{heading}</strong>
      <p className="notice-detail">{detail}</p>
      {api !== null && <p className="notice-code">{t('errors.code', { code: api.code })}</p>}
      {onRetry !== undefined && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
