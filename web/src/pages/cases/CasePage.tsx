import { useTranslation } from 'react-i18next';
import { useAsync } from '../../api/use-async.ts';
import { useOrganizations } from '../../api/use-organizations.ts';
import { Link } from '../../app/router.tsx';
import { useSignedInMember } from '../../app/session.ts';
import { AsyncView } from '../../components/AsyncView.tsx';
import { Fields } from '../../components/Fields.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Section } from '../../components/Section.tsx';
import { TimeText } from '../../components/TimeText.tsx';
import { availableSteps } from '../../procedures/available-steps.ts';
import { procedureApi } from '../../procedures/procedure-api.ts';
import { StateDiagram } from '../../procedures/StateDiagram.tsx';
import { CaseHistory } from './CaseHistory.tsx';
import { StepAction } from './StepAction.tsx';

/** A case: diagram with the current state, deadlines, history with signers and transactions, evidence, and the steps this member may take. */
export function CasePage({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const member = useSignedInMember();
  const { name } = useOrganizations();
  const state = useAsync(async () => {
    const record = await procedureApi.case(caseId);
    const entry = await procedureApi.definition(record.case.procedure.id, record.case.procedure.version);
    return { record, definition: entry.definition };
  }, caseId);
  return (
    <AsyncView state={state}>
      {({ record, definition }) => {
        const doc = record.case;
        const steps = member === null ? [] : availableSteps(definition, doc, { memberId: member.memberId, org: member.org, roles: member.roles });
        const stateTitle = definition.states[doc.state]?.title;
        return (
          <div data-testid="case-page" data-state={doc.state}>
            <PageHeader title={`${zh ? definition.title.zh : definition.title.en} · ${doc.subject.type} ${doc.subject.id}`} subtitle={t('cases.caseId', { id: doc.id })} />
            <div className="tx-layout">
              <div className="tx-main">
                <Section title={t('cases.current')}>
                  <Fields
                    rows={[
                      [t('cases.state'), <strong data-testid="case-state">{stateTitle === undefined ? doc.state : zh ? stateTitle.zh : stateTitle.en}</strong>],
                      [t('cases.org'), name(doc.org)],
                      [t('cases.opened'), <TimeText ms={doc.openedAt} />],
                      [t('cases.awaiting'), doc.awaiting.length === 0 ? t('common.none') : doc.awaiting.join('、')],
                      doc.deadlines.length > 0 && [
                        t('cases.deadlines'),
                        <ul className="plain">
                          {doc.deadlines.map((d) => (
                            <li key={`${d.id}-${d.startedAt}`} className={d.status === 'overdue' ? 'check-failed' : undefined}>
                              {d.id}: {t(`cases.deadlineStatus.${d.status}`)} · {t('cases.lastDay', { day: d.lastDay })}
                            </li>
                          ))}
                        </ul>,
                      ],
                    ]}
                  />
                </Section>
                <Section title={t('cases.diagram')}>
                  <StateDiagram definition={definition} current={doc.state} highlightSteps={steps.map((s) => s.id)} />
                </Section>
                <Section title={t('cases.history')}>
                  <CaseHistory record={record} definition={definition} />
                </Section>
              </div>
              <div className="tx-side">
                <Section title={t('cases.actions')} hint={t('auth.signingHint')}>
                  {steps.length === 0 ? (
                    <p className="empty" data-testid="no-actions">{doc.closed ? t('cases.closed') : t('cases.noActions')}</p>
                  ) : (
                    steps.map((step) => <StepAction key={step.id} caseId={doc.id} step={step} onDone={state.reload} />)
                  )}
                </Section>
                <Section title={t('cases.evidence')}>
                  {doc.evidence.length === 0 ? (
                    <p className="empty">{t('common.none')}</p>
                  ) : (
                    <ul className="rows">
                      {doc.evidence.map((e) => (
                        <li key={`${e.step}-${e.hash}`} className="row">
                          <span className="row-main">{e.type}</span>
                          <Link to={`/verify?hash=${e.hash.slice(e.hash.indexOf(':') + 1)}`}>
                            <code>{e.hash.slice(0, 16)}…</code>
                          </Link>
                          <span className="row-meta">
                            {e.by} · <TimeText ms={e.at} />
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </Section>
              </div>
            </div>
          </div>
        );
      }}
    </AsyncView>
  );
}
