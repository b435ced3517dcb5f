import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CustosApiError } from '@sdk';
import { useOrganizations } from '../../api/use-organizations.ts';
import { navigate } from '../../app/router.tsx';
import { signIn, useSessionState, type SessionNotice } from '../../app/session-store.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Section } from '../../components/Section.tsx';

/**
 * Sign-in with the organization's node account. As a page (`/sign-in`) it goes
 * to `next` afterwards; as a prompt in place of a member page (`prompt`) the
 * page itself appears once the session exists.
 */
export function SignInPage({ next = '/', notice: given, prompt = false }: { next?: string; notice?: SessionNotice; prompt?: boolean }) {
  const { t, i18n } = useTranslation();
  const { organizations } = useOrganizations();
  const { member, notice: stored } = useSessionState();
  const notice = given ?? stored;
  const [org, setOrg] = useState('');
  const [memberId, setMemberId] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const chosenOrg = org !== '' ? org : (organizations[0]?.id ?? '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn({ org: chosenOrg, memberId: memberId.trim(), password, ...(needsTotp ? { totp: totp.trim() } : {}) });
      if (!prompt) navigate(next, { replace: true });
    } catch (caught: unknown) {
      if (caught instanceof CustosApiError && caught.code === 'AUTH_TOTP_REQUIRED') setNeedsTotp(true);
      else setError(caught);
      setPassword(caught instanceof CustosApiError && caught.code === 'AUTH_TOTP_REQUIRED' ? password : '');
    } finally {
      setBusy(false);
    }
  };

  if (member !== null && !prompt) {
    return <PageHeader title={t('auth.signedInAs', { member: member.view.memberId, org: member.view.org })} subtitle={t('auth.signingHint')} />;
  }
  const zh = i18n.language === 'zh-CN';
  return (
    <div className="sign-in">
      <PageHeader title={prompt ? t('auth.pleaseSignIn') : t('auth.title')} subtitle={t('auth.subtitle')} />
      {notice === 'expired' && (
        <p className="notice notice-info" role="status" data-testid="session-notice">
          {t('auth.expired')}
        </p>
      )}
      {notice === 'signedOut' && !prompt && (
        <p className="notice notice-info" role="status" data-testid="session-notice">
          {t('auth.signedOut')}
        </p>
      )}
      <Section title={t('auth.signIn')}>
        <form onSubmit={(event) => void submit(event)} className="form" data-testid="sign-in-form">
          <label className="label" htmlFor="sign-in-org">
            {t('auth.organization')}
          </label>
          <select id="sign-in-org" name="org" value={chosenOrg} onChange={(event) => setOrg(event.target.value)} required>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {zh ? o.name.zh : o.name.en} ({o.id})
              </option>
            ))}
          </select>
          <label className="label" htmlFor="sign-in-member">
            {t('auth.memberId')}
          </label>
          <input id="sign-in-member" name="memberId" autoComplete="username" value={memberId} onChange={(event) => setMemberId(event.target.value)} required />
          <label className="label" htmlFor="sign-in-password">
            {t('auth.password')}
          </label>
          <input id="sign-in-password" name="password" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} required />
          {needsTotp && (
            <>
              <label className="label" htmlFor="sign-in-totp">
                {t('auth.totp')}
              </label>
              <p className="hint">{t('auth.totpHint')}</p>
              <input id="sign-in-totp" name="totp" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} value={totp} onChange={(event) => setTotp(event.target.value)} required autoFocus />
            </>
          )}
          {error !== null && <SignInError error={error} />}
          <div className="actions">
            <button type="submit" className="button" disabled={busy || chosenOrg === ''}>
              {busy ? t('auth.signingIn') : t('auth.signIn')}
            </button>
          </div>
        </form>
        <p className="hint">{t('auth.signingHint')}</p>
      </Section>
    </div>
  );
}

/** Wrong credentials and lockouts in words a person can act on; anything else as the node said it. */
function SignInError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof CustosApiError && (error.code === 'AUTH_BAD_CREDENTIALS' || error.code === 'AUTH_LOCKED')) {
    const retryAfterMs = error.problem['retryAfterMs'];
    const minutes = typeof retryAfterMs === 'number' ? Math.max(1, Math.ceil(retryAfterMs / 60_000)) : undefined;
    return (
      <div className="notice notice-error" role="alert" data-testid="sign-in-error" data-code={error.code}>
        <strong>{error.code === 'AUTH_LOCKED' ? t('auth.locked', { minutes: minutes ?? 15 }) : t('auth.badCredentials')}</strong>
      </div>
    );
  }
  return <ErrorNotice error={error} />;
}
