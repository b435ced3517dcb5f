import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router.tsx';
import { useSignedInMember } from '../../app/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';

/** A member page this member's roles do not open. */
export function NotAllowedPage() {
  const { t } = useTranslation();
  const member = useSignedInMember();
  return (
    <div data-testid="not-allowed">
      <PageHeader title={t('auth.notAllowed')} subtitle={t('auth.notAllowedBody', { roles: member?.roles.join(', ') ?? '' })} />
      <Link to="/" className="button">
        {t('notFound.home')}
      </Link>
    </div>
  );
}
