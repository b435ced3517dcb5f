import { useTranslation } from 'react-i18next';
import { useAsync } from '../../api/use-async.ts';
import { AsyncView } from '../../components/AsyncView.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Section } from '../../components/Section.tsx';
import { procedureApi } from '../../procedures/procedure-api.ts';
import { casesByStage } from '../../prison/case-stages.ts';
import { prisonApi } from '../../prison/prison-api.ts';
import { CaseList } from './CaseList.tsx';

/** Open prison cases (commutation, parole, rewards and punishments…) in columns by stage, soonest deadline first. */
export function PrisonCasesPage() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const state = useAsync(async () => {
    const [cases, definitions] = await Promise.all([prisonApi.cases({ org: 'PrisonBureau', closed: false }), procedureApi.definitions().catch(() => [])]);
    return casesByStage(cases, definitions.map((d) => d.definition));
  }, 'prison-cases');
  return (
    <>
      <PageHeader title={t('prison.cases.boardTitle')} subtitle={t('prison.cases.boardSubtitle')} />
      <AsyncView state={state}>
        {(stages) =>
          stages.length === 0 ? (
            <p className="empty" data-testid="no-cases">{t('prison.cases.none')}</p>
          ) : (
            <div className="board" data-testid="prison-case-board">
              {stages.map((stage) => (
                <Section key={stage.key} className="board-column" title={`${stage.title === null ? stage.state : zh ? stage.title.zh : stage.title.en} (${stage.cases.length})`}>
                  <p className="small muted" data-stage={stage.key}>{stage.procedure}</p>
                  <CaseList cases={stage.cases} />
                </Section>
              ))}
            </div>
          )
        }
      </AsyncView>
    </>
  );
}
