import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A hash or key in monospace that wraps on a phone, with a copy button. */
export function HashText({ value, short = false }: { value: string; short?: boolean }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(value).then(() => {
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1500);
    });
  };
  const shown = short && value.length > 20 ? `${value.slice(0, 10)}…${value.slice(-8)}` : value;
  return (
    <span className="hash">
      <code title={value}>{shown}</code>
      {navigator.clipboard !== undefined && (
        <button type="button" className="copy" onClick={copy} aria-label={t('common.copy')}>
          {copied ? t('common.copied') : t('common.copy')}
        </button>
      )}
    </span>
  );
}
