import { useTranslation } from 'react-i18next';
import { Link } from '../app/router.tsx';
import { PageHeader } from '../components/PageHeader.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} subtitle={t('notFound.body')} />
      <Link to="/" className="button">
        {t('notFound.home')}
      </Link>
    </>
  );
}
