import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { adminTabs } from '../../app/nav-items.ts';
import { Link, useLocation } from '../../app/router.tsx';
import { useSignedInMember } from '../../app/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';

/** Administration: one header, tabs for its pages, and whose organization is being administered. */
export function AdminLayout({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { path } = useLocation();
  const member = useSignedInMember();
  const active = path === '/admin' || path === '/admin/' ? '/admin/organizations' : path;
  return (
    <>
      <nav className="tabs" aria-label={t('nav.administration')}>
        {adminTabs.map((tab) => (
          <Link key={tab.id} to={tab.path} className={tab.path === active ? 'tab active' : 'tab'} aria-current={tab.path === active ? 'page' : undefined} data-tab={tab.id}>
            {t(tab.labelKey)}
          </Link>
        ))}
      </nav>
      <PageHeader title={title} {...(subtitle === undefined ? {} : { subtitle })}>
        {member !== null && <p className="muted">{t('admin.actingAs', { member: member.memberId, org: member.org })}</p>}
      </PageHeader>
      {children}
    </>
  );
}
