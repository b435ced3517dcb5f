import { useTranslation } from 'react-i18next';

/** A loading indicator with a text for screen readers and for people who wonder what is happening. */
export function Spinner({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="spinner" role="status" aria-live="polite">
      <span className="spinner-wheel" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}
