import { useTranslation } from 'react-i18next';
import type { ProofVerdict } from '@sdk';
import { checkDetail, checkName } from '../verify/describe-verdict.ts';

/** Each check of a proof with a clear ✓ or ✗, its name and, when it failed, why. */
export function CheckList({ checks }: { checks: ProofVerdict['checks'] }) {
  const { t } = useTranslation();
  return (
    <ul className="checks">
      {checks.map((check) => (
        <li key={check.name} className={check.ok ? 'check check-ok' : 'check check-failed'} data-check={check.name} data-ok={check.ok}>
          <span className="check-mark" aria-hidden="true">
            {check.ok ? '✓' : '✗'}
          </span>
          <span className="check-name">{checkName(t, check.name)}</span>
          <span className="check-state">{check.ok ? t('checks.ok') : `${t('checks.failed')}: ${checkDetail(t, check.detail)}`}</span>
        </li>
      ))}
    </ul>
  );
}
