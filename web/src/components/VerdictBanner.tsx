import { useTranslation } from 'react-i18next';
import type { ProofVerdict } from '@sdk';
import { checkName } from '../verify/describe-verdict.ts';

/** The one line a citizen reads first: verified or not, and which check failed. */
export function VerdictBanner({ verdict }: { verdict: ProofVerdict }) {
  const { t } = useTranslation();
  const failed = verdict.checks.filter((c) => !c.ok).map((c) => checkName(t, c.name));
  return (
    <div className={verdict.ok ? 'verdict verdict-ok' : 'verdict verdict-failed'} role="status" data-verdict={verdict.ok ? 'ok' : 'failed'}>
      <span className="verdict-mark" aria-hidden="true">
        {verdict.ok ? '✓' : '✗'}
      </span>
      <div>
        <strong>{verdict.ok ? t('verify.valid') : t('verify.invalid')}</strong>
        {!verdict.ok && <p>{t('verify.failedCheck', { checks: failed.join('、') })}</p>}
      </div>
    </div>
  );
}
