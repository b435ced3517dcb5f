import { useTranslation } from 'react-i18next';
import { useAsync } from '../../api/use-async.ts';
import { Link } from '../../app/router.tsx';
import { useSignedInMember } from '../../app/session.ts';
import { AsyncView } from '../../components/AsyncView.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Section } from '../../components/Section.tsx';
import { TimeText } from '../../components/TimeText.tsx';
import { actorKeys } from '../../procedures/available-steps.ts';
import { procedureApi, type CaseRecord } from '../../procedures/procedure-api.ts';

/** Open cases of the member's organization and those waiting for the member's roles, in columns by state. */
export function CaseBoardPage() {
  const { t } = useTranslation();
  const member = useSignedInMember();
  const org = member?.org ?? '';
  const keys = member === null ? [] : actorKeys({ memberId: member.memberId, org: member.org, roles: member.roles });
  const state = useAsync(() => procedureApi.board(org, keys), `${org}:${keys.join(',')}`);
  return (
    <>
      <PageHeader title={t('cases.boardTitle')} subtitle={t('cases.boardSubtitle')} />
      <AsyncView state={state}>
        {(records) => {
          if (records.length === 0) return <p className="empty" data-testid="no-cases">{t('cases.none')}</p>;
          const byState = new Map<string, CaseRecord[]>();
          for (const record of records) byState.set(record.case.state, [...(byState.get(record.case.state) ?? []), record]);
          return (
            <div className="board" data-testid="case-board">
              {[...byState].map(([stateId, cases]) => (
                <Section key={stateId} title={`${stateId} (${cases.length})`} className="board-column">
                  <ul className="rows">
                    {cases.map((record) => (
                      <li key={record.case.id} className="row" data-case={record.case.id}>
                        <Link to={`/cases/${record.case.id}`} className="row-main">
                          {record.case.procedure.id} · {record.case.subject.type} {record.case.subject.id}
                        </Link>
                        <span className="row-meta">
                          {record.nextDueAt !== null && (
                            <>
                              {t('cases.due')} <TimeText ms={record.nextDueAt} />
                            </>
                          )}
                          {record.case.overdue && <span className="badge badge-failed">{t('cases.overdue')}</span>}
                        </span>
                      </li>
                    ))}
                  </ul>
                </Section>
              ))}
            </div>
          );
        }}
      </AsyncView>
    </>
  );
}
