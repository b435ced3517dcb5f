import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganizations } from '../api/use-organizations.ts';
import { Link, navigate } from './router.tsx';
import { signOut, useSessionState } from './session-store.ts';
import { SigningPanel } from './SigningPanel.tsx';

/** Signed out: a sign-in link. Signed in: who, for which organization, with which roles, which key signs, and sign-out. */
export function MemberMenu() {
  const { t } = useTranslation();
  const { member, restoring } = useSessionState();
  const orgName = useOrganizations().name;
  const [open, setOpen] = useState(false);
  if (restoring) return <span className="session">{t('common.loading')}</span>;
  if (member === null) {
    return (
      <Link to="/sign-in" className="session-link" data-testid="sign-in-link">
        {t('auth.signIn')}
      </Link>
    );
  }
  const { view } = member;
  return (
    <div className="member-menu" data-testid="member-menu">
      <button type="button" className="member-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="member-name">{view.memberId}</span>
        <span className="member-org">{orgName(view.org)}</span>
      </button>
      {open && (
        <div className="member-panel" role="dialog" aria-label={t('auth.memberMenu')}>
          <p className="member-panel-name">
            {view.memberId} · {orgName(view.org)}
          </p>
          <p className="muted">{t('auth.roles')}: {view.roles.map((role) => t(`roles.${role}`, { defaultValue: role })).join('、')}</p>
          <SigningPanel />
          <button
            type="button"
            className="button button-secondary"
            data-testid="sign-out"
            onClick={() => {
              setOpen(false);
              void signOut().finally(() => navigate('/sign-in'));
            }}
          >
            {t('auth.signOut')}
          </button>
        </div>
      )}
    </div>
  );
}
