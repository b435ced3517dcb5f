import { useTranslation } from 'react-i18next';

export function StatusBadge({ status, code }: { status: 'ok' | 'failed' | undefined; code?: string | undefined }) {
  const { t } = useTranslation();
  if (status === undefined) return null;
  return (
    <span className={`badge badge-${status}`}>
      {status === 'ok' ? `✓ ${t('tx.ok')}` : `✗ ${t('tx.failed')}${code === undefined ? '' : ` · ${code}`}`}
    </span>
  );
}
