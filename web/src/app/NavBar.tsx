import { useTranslation } from 'react-i18next';
import { activeNavItem, navItems, visibleNavItems } from './nav-items.ts';
import { Link } from './router.tsx';
import { useSession } from './session.ts';

export function NavBar({ path }: { path: string }) {
  const { t } = useTranslation();
  const items = visibleNavItems(navItems, useSession());
  const active = activeNavItem(items, path);
  return (
    <nav className="nav" aria-label={t('nav.main')}>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <Link to={item.path} className={item === active ? 'nav-link active' : 'nav-link'} aria-current={item === active ? 'page' : undefined} data-nav={item.id}>
              {t(item.labelKey)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
