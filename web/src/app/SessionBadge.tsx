import { useTranslation } from 'react-i18next';
import { useSession } from './session.ts';

/** Who is using the console; sign-in will put the member's name and organization here. */
export function SessionBadge() {
  const { t } = useTranslation();
  const { member } = useSession();
  return <span className="session">{member === null ? t('app.publicAccess') : `${member.name} · ${member.organization}`}</span>;
}
