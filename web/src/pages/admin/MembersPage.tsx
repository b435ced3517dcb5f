import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi, type Enrolled } from '../../api/admin-api.ts';
import { useAsync } from '../../api/use-async.ts';
import { AsyncView } from '../../components/AsyncView.tsx';
import { Section } from '../../components/Section.tsx';
import { AdminLayout } from './AdminLayout.tsx';
import { EnrollForm } from './EnrollForm.tsx';
import { EnrolledCard } from './EnrolledCard.tsx';
import { MemberTable } from './MemberTable.tsx';

/** Members and certificates of the admin's own organization: enroll, list with expiry, revoke. */
export function MembersPage() {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const [enrolled, setEnrolled] = useState<Enrolled | null>(null);
  const members = useAsync(adminApi.members, `members-${version}`);
  return (
    <AdminLayout title={t('admin.members.title')} subtitle={t('admin.members.subtitle')}>
      <Section title={t('admin.members.list')} hint={t('admin.members.expiryHint')}>
        <AsyncView state={members}>{(list) => <MemberTable members={list} onChanged={() => setVersion((v) => v + 1)} />}</AsyncView>
      </Section>
      {enrolled !== null && <EnrolledCard enrolled={enrolled} onDone={() => setEnrolled(null)} />}
      <Section title={t('admin.enroll.title')} hint={t('admin.enroll.hint')}>
        <EnrollForm
          onEnrolled={(result) => {
            setEnrolled(result);
            setVersion((v) => v + 1);
          }}
        />
      </Section>
    </AdminLayout>
  );
}
