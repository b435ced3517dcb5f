import { useTranslation } from 'react-i18next';

const day = 24 * 3600_000;
/** Certificates this close to expiry are highlighted (expired certificates are a top cause of outages in Fabric networks). */
export const expiryWarningDays = 30;

export function daysLeft(notAfter: number, now = Date.now()): number {
  return Math.floor((notAfter - now) / day);
}

/** "expired", "expires in N days" (≤ 30, highlighted), or nothing. */
export function ExpiryBadge({ notAfter }: { notAfter: number }) {
  const { t } = useTranslation();
  const left = daysLeft(notAfter);
  if (left < 0) return <span className="badge badge-failed" data-expiry="expired">{t('admin.expiry.expired')}</span>;
  if (left <= expiryWarningDays) return <span className="badge badge-warn" data-expiry="soon">{t('admin.expiry.soon', { count: left })}</span>;
  return null;
}
