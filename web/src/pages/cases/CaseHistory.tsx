import { useTranslation } from 'react-i18next';
import type { ProcedureDefinition } from '@custos/procedures/definition.ts';
import { Link } from '../../app/router.tsx';
import { TimeText } from '../../components/TimeText.tsx';
import type { CaseRecord } from '../../procedures/procedure-api.ts';

/** Each history entry with who signed it, when, and the transaction that wrote it (or the block's deadline hook). */
export function CaseHistory({ record, definition }: { record: CaseRecord; definition: ProcedureDefinition }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const writeOf = (seq: number) => record.writes.find((w) => w.fromSeq <= seq && seq <= w.toSeq);
  return (
    <ol className="history" data-testid="case-history">
      {[...record.case.history].reverse().map((entry) => {
        const write = writeOf(entry.seq);
        const step = entry.step === undefined ? undefined : definition.steps.find((s) => s.id === entry.step);
        return (
          <li key={entry.seq} className="history-entry" data-kind={entry.kind}>
            <strong>
              {t(`cases.kind.${entry.kind}`)}
              {step !== undefined && ` · ${zh ? step.title.zh : step.title.en}`}
            </strong>
            <span className="row-meta">
              {' '}
              {entry.by === null ? t('cases.byDeadline') : `${entry.by.memberId} · ${entry.by.org}`} · <TimeText ms={entry.at} />
            </span>
            {entry.from !== undefined && entry.to !== undefined && entry.from !== entry.to && (
              <div className="muted">
                {entry.from} → {entry.to}
              </div>
            )}
            {(entry.reason ?? entry.text) !== undefined && <div>{entry.reason ?? entry.text}</div>}
            {entry.form !== undefined && Object.keys(entry.form).length > 0 && <pre className="json">{JSON.stringify(entry.form, null, 2)}</pre>}
            {write?.txId != null && (
              <div>
                <Link to={`/tx/${write.txId}`} data-testid="history-tx">
                  {t('cases.transaction', { txId: write.txId.slice(0, 12) })}
                </Link>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
