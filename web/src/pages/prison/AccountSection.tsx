import { useTranslation } from 'react-i18next';
import { Fields } from '../../components/Fields.tsx';
import { Section } from '../../components/Section.tsx';
import type { PrisonerAccount } from '../../prison/prison-api.ts';

/** Fen as yuan: 12345 → "123.45". */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The prisoner's money account: balance, this month's limited spending, entries. */
export function AccountSection({ account }: { account: PrisonerAccount }) {
  const { t } = useTranslation();
  const entries = [...account.entries].sort((a, b) => (b.height ?? 0) - (a.height ?? 0)).slice(0, 20);
  return (
    <Section title={t('prison.account.title')}>
      <Fields
        rows={[
          [t('prison.account.balance'), <strong data-testid="account-balance">¥{yuan(account.account.balanceFen)}</strong>],
          [t('prison.account.spentThisMonth'), account.account.month === '' ? '—' : `¥${yuan(account.account.spentThisMonthFen)} (${account.account.month})`],
        ]}
      />
      {entries.length === 0 ? (
        <p className="empty">{t('prison.account.none')}</p>
      ) : (
        <ul className="rows">
          {entries.map((e, i) => (
            <li key={`${String(e['txId'] ?? i)}-${e.kind ?? ''}`} className="row">
              <span className="row-main">{e.kind}</span>
              <span className={(e.amountFen ?? 0) < 0 ? 'check-failed' : 'check-ok'}>¥{yuan(e.amountFen ?? 0)}</span>
              <span className="row-meta">{e.date}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
