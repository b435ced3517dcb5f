import { useTranslation } from 'react-i18next';
import { procedureApi } from '../../procedures/procedure-api.ts';
import { StateDiagram } from '../../procedures/StateDiagram.tsx';
import { useAsync } from '../../api/use-async.ts';
import { Link } from '../../app/router.tsx';
import { AsyncView } from '../../components/AsyncView.tsx';
import { Fields } from '../../components/Fields.tsx';
import { HashText } from '../../components/HashText.tsx';
import { Section } from '../../components/Section.tsx';
import { AdminLayout } from './AdminLayout.tsx';

/** Procedure definitions governance registered, each with its diagram. */
export function ProceduresPage() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const state = useAsync(procedureApi.definitions, 'definitions');
  return (
    <AdminLayout title={t('procedures.title')} subtitle={t('procedures.subtitle')}>
      <AsyncView state={state}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('procedures.none')}</p>
          ) : (
            <div data-testid="procedure-definitions">
              {list.map((entry) => (
                <Section key={`${entry.id}@${entry.version}`} title={`${zh ? entry.definition.title.zh : entry.definition.title.en} · v${entry.version}`}>
                  <Fields
                    rows={[
                      [t('procedures.id'), <code>{entry.id}</code>],
                      [t('common.status'), t(`procedures.status.${entry.status}`)],
                      [t('procedures.from'), t('procedures.fromHeight', { height: entry.from })],
                      [t('procedures.hash'), <HashText value={entry.hash} short />],
                      [t('procedures.adoptedBy'), <Link to={`/tx/${entry.adoptedBy}`}>{entry.adoptedBy.slice(0, 16)}…</Link>],
                    ]}
                  />
                  <StateDiagram definition={entry.definition} />
                </Section>
              ))}
            </div>
          )
        }
      </AsyncView>
    </AdminLayout>
  );
}
