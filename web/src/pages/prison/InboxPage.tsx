import { useTranslation } from 'react-i18next';
import { useAsync } from '../../api/use-async.ts';
import { useSignedInMember } from '../../app/session.ts';
import { AsyncView } from '../../components/AsyncView.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Section } from '../../components/Section.tsx';
import { actorKeys } from '../../procedures/available-steps.ts';
import { prisonApi, type CaseSummary } from '../../prison/prison-api.ts';
import { CaseList } from './CaseList.tsx';

/**
 * The procuratorate's and the court's inbox: cases waiting for one of the
 * member's roles (`role@org`), overdue first, then by deadline.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const member = useSignedInMember();
  const keys = member === null ? [] : actorKeys({ memberId: member.memberId, org: member.org, roles: member.roles });
  const state = useAsync(async () => {
    const lists = await Promise.all(keys.map((key) => prisonApi.cases({ awaiting: key, closed: false })));
    const byId = new Map<string, CaseSummary>();
    for (const c of lists.flat()) byId.set(c.caseId, c);
    return [...byId.values()].sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.nextDueAt ?? Infinity) - (b.nextDueAt ?? Infinity));
  }, keys.join(','));
  return (
    <>
      <PageHeader title={t('prison.inbox.title')} subtitle={t('prison.inbox.subtitle', { roles: keys.join('、') })} />
      <AsyncView state={state}>
        {(cases) => (
          <Section title={t('prison.inbox.waiting', { count: cases.length })}>
            <div data-testid="inbox">
              <CaseList cases={cases} />
            </div>
          </Section>
        )}
      </AsyncView>
    </>
  );
}
