import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeApi } from '../../api/node-api.ts';
import { useLocation } from '../../app/router.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useVerification } from './use-verification.ts';
import { VerifyForm } from './VerifyForm.tsx';
import { VerifyResult } from './VerifyResult.tsx';

/** The public verification page: no sign-in; `/verify?tx=<id>` (the QR code's address) or `?code=` (a published document's code) verifies at once. */
export function VerifyPage() {
  const { t } = useTranslation();
  const { query } = useLocation();
  const initial = query.get('tx') ?? query.get('doc') ?? query.get('code') ?? '';
  const { state, verify } = useVerification();
  useEffect(() => {
    if (initial !== '') void verify(initial);
  }, [initial, verify]);
  return (
    <>
      <PageHeader title={t('verify.title')} subtitle={t('verify.subtitle')} />
      <VerifyForm key={initial} initial={initial} busy={state.status === 'working'} onVerify={(text) => void verify(text)} />
      <div aria-live="polite">
        {state.status === 'working' && <Spinner label={t('verify.verifying')} />}
        {state.status === 'input-problem' && (
          <p className="notice notice-info" role="alert">
            {t(state.messageKey, state.values ?? {})}
          </p>
        )}
        {state.status === 'error' && <ErrorNotice error={state.error} />}
        {state.status === 'checked' && <VerifyResult proof={state.proof} network={state.network} outcome={state.outcome} source={state.source} origin={nodeApi.origin} />}
      </div>
    </>
  );
}
