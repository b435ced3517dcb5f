import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NavBar } from './NavBar.tsx';
import { Link } from './router.tsx';
import { MemberMenu } from './MemberMenu.tsx';
import { useSessionState } from './session-store.ts';
import { loadSigning } from './signing-store.ts';
import { SigningNotice } from './SigningNotice.tsx';

export function Shell({ path, children }: { path: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { member } = useSessionState();
  const org = member?.view.org ?? null;
  const memberId = member?.view.memberId ?? null;
  // Which key signs is per member: look again whenever someone else signs in.
  useEffect(() => void loadSigning(org === null || memberId === null ? null : { org, memberId }), [org, memberId]);
  return (
    <div className="shell">
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ✓
          </span>
          <span>
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </span>
        </Link>
        <NavBar path={path} />
        <div className="topbar-end">
          <MemberMenu />
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="main">
        <SigningNotice />
        {children}
      </main>
    </div>
  );
}
