import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router.tsx';
import { TimeText } from '../../components/TimeText.tsx';
import type { CaseSummary } from '../../prison/prison-api.ts';

/** Cases as rows: procedure, subject, state, next deadline and whether it is overdue; each opens the generic case page. */
export function CaseList({ cases, stateTitle }: { cases: readonly CaseSummary[]; stateTitle?: (c: CaseSummary) => string }) {
  const { t } = useTranslation();
  if (cases.length === 0) return <p className="empty">{t('prison.cases.none')}</p>;
  return (
    <ul className="rows">
      {cases.map((c) => (
        <li key={c.caseId} className="row" data-case={c.caseId}>
          <Link to={`/cases/${c.caseId}`} className="row-main">
            {c.procedure.id} · {c.subject.id}
          </Link>
          <span className="row-meta">{stateTitle === undefined ? c.state : stateTitle(c)}</span>
          <span className="row-meta">
            {c.closed ? t('cases.closed') : c.nextDueAt !== null && <>{t('cases.due')} <TimeText ms={c.nextDueAt} /></>}
            {c.overdue && <> <span className="badge badge-failed">{t('cases.overdue')}</span></>}
          </span>
        </li>
      ))}
    </ul>
  );
}
