import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSigner } from '../../app/signing-store.ts';
import { Link } from '../../app/router.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import type { PointsRules, PrisonerDoc, ScoreEntryDoc } from '../../prison/prison-api.ts';
import { cellProblem, maxEntriesPerScoreDay, monthlyPlusCap, moveInGrid, parseCell, scoreDayCalls, scoreParts, type CellProblem, type ScorePart, type ScoreRow } from '../../prison/score-grid.ts';

export interface SubmittedCall {
  txId: string;
  date: string;
  count: number;
}

type Cells = Record<string, Record<ScorePart, string> & { reason: string }>;
const columns = [...scoreParts, 'reason'] as const;

/**
 * The unit's day as a grid: one row per prisoner, one column per part and a
 * reason. Tab and Shift+Tab follow the row; Enter and the arrow keys move as
 * in a spreadsheet; Ctrl+Enter sends. Every cell is checked as it is typed
 * against the caps in force; one submit sends the rows not yet scored that
 * day as one `scoreDay` transaction per 200 prisoners.
 */
export function ScoreGrid({ date, prisoners, rules, scored, onSubmitted }: { date: string; prisoners: readonly PrisonerDoc[]; rules: PointsRules; scored: ReadonlyMap<string, ScoreEntryDoc>; onSubmitted: (calls: SubmittedCall[]) => void }) {
  const { t } = useTranslation();
  const signer = useSigner();
  const open = prisoners.filter((p) => !scored.has(p.id) && p.admittedOn <= date);
  const [cells, setCells] = useState<Cells>(() => Object.fromEntries(open.map((p) => [p.id, { supervision: '', education: '', labour: '', reason: '' }])));
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ ids: string[]; error: unknown }[]>([]);
  const form = useRef<HTMLFormElement>(null);

  const problems = new Map<string, CellProblem>();
  for (const p of open) for (const part of scoreParts) {
    const problem = cellProblem(cells[p.id]?.[part] ?? '', part, rules, p.canWork);
    if (problem !== null) problems.set(`${p.id}/${part}`, problem);
  }
  const describe = (problem: CellProblem) => t(`prison.scores.problem.${problem.kind}`, problem.kind === 'aboveMax' ? { max: problem.max } : problem.kind === 'belowMin' ? { min: problem.min } : {});

  const focusCell = (row: number, col: number) => form.current?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`)?.focus();
  const onKey = (event: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.current?.requestSubmit();
      return;
    }
    const input = event.currentTarget;
    const caret = { atStart: input.selectionStart === 0 && input.selectionEnd === 0, atEnd: input.selectionStart === input.value.length };
    const next = moveInGrid({ row, col }, event.key, { rows: open.length, cols: columns.length }, caret);
    if (next !== null) {
      event.preventDefault();
      focusCell(next.row, next.col);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      form.current?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problems.size > 0 || open.length === 0) return;
    setBusy(true);
    setErrors([]);
    const rows: ScoreRow[] = open.map((p) => {
      const c = cells[p.id]!;
      return { prisonerId: p.id, parts: { supervision: parseCell(c.supervision) ?? 0, education: parseCell(c.education) ?? 0, labour: parseCell(c.labour) ?? 0 }, reason: c.reason.trim() };
    });
    const done: SubmittedCall[] = [];
    const failed: { ids: string[]; error: unknown }[] = [];
    for (const call of scoreDayCalls(date, rows)) {
      try {
        const committed = await signer.submit({ contract: 'prison', fn: 'scoreDay', args: { ...call } });
        done.push({ txId: committed.txId, date, count: call.entries.length });
      } catch (error: unknown) {
        failed.push({ ids: call.entries.map((e) => e.prisonerId), error });
      }
    }
    setBusy(false);
    if (failed.length > 0) setErrors(failed);
    if (done.length > 0) onSubmitted(done);
  };

  const cap = (part: ScorePart) => t('prison.scores.partCap', { plus: rules.dailyPlusMax, minus: rules.dailyMinusMax, month: monthlyPlusCap(rules, part, true) });
  const errorText = errors.map((e) => (e.error instanceof Error ? e.error.message : '')).join(' ');
  return (
    <form ref={form} className="score-grid" onSubmit={(event) => void submit(event)} data-testid="score-grid" data-date={date}>
      <div className="table-scroll">
        <table className="table grid-table">
          <thead>
            <tr>
              <th scope="col">{t('prison.prisoner')}</th>
              {scoreParts.map((part) => (
                <th scope="col" key={part}>
                  {t(`prison.parts.${part}`)}
                  <span className="small muted grid-cap">{cap(part)}</span>
                </th>
              ))}
              <th scope="col">{t('prison.scores.reason')}</th>
              <th scope="col">{t('prison.scores.total')}</th>
            </tr>
          </thead>
          <tbody>
            {prisoners.map((p) => {
              const done = scored.get(p.id);
              if (done !== undefined || p.admittedOn > date) {
                return (
                  <tr key={p.id} className="row-done" data-prisoner={p.id} data-scored={done === undefined ? 'not-admitted' : 'yes'}>
                    <th scope="row"><Link to={`/prison/prisoners/${p.id}`}>{p.id}</Link></th>
                    {scoreParts.map((part) => <td key={part} className="num">{done === undefined ? '—' : signed(done.parts[part])}</td>)}
                    <td className="muted">{done === undefined ? t('prison.scores.notAdmitted') : t('prison.scores.already', { officer: done.officer })}</td>
                    <td className="num">{done === undefined ? '' : signed(done.total)}</td>
                  </tr>
                );
              }
              const row = open.indexOf(p);
              const c = cells[p.id]!;
              const failed = errorText.includes(p.id);
              const total = scoreParts.reduce((sum, part) => sum + (parseCell(c[part]) ?? 0), 0);
              const rowProblems = scoreParts.flatMap((part) => {
                const problem = problems.get(`${p.id}/${part}`);
                return problem === undefined ? [] : [`${t(`prison.parts.${part}`)}: ${describe(problem)}`];
              });
              return (
                <tr key={p.id} data-prisoner={p.id} className={failed ? 'row-invalid' : undefined}>
                  <th scope="row">
                    <Link to={`/prison/prisoners/${p.id}`} tabIndex={-1}>{p.id}</Link>
                    {!p.canWork && <span className="small muted"> · {t('prison.scores.noLabourShort')}</span>}
                    {rowProblems.length > 0 && <span className="cell-error" role="alert">{rowProblems.join('；')}</span>}
                  </th>
                  {columns.map((col, colIndex) => {
                    const problem = col === 'reason' ? undefined : problems.get(`${p.id}/${col}`);
                    return (
                      <td key={col}>
                        <input
                          className={`grid-cell${col === 'reason' ? ' grid-reason' : ''}${problem === undefined ? '' : ' invalid'}`}
                          name={`${p.id}.${col}`}
                          data-row={row}
                          data-col={colIndex}
                          inputMode={col === 'reason' ? 'text' : 'numeric'}
                          autoComplete="off"
                          aria-label={`${p.id} ${col === 'reason' ? t('prison.scores.reason') : t(`prison.parts.${col}`)}`}
                          aria-invalid={problem !== undefined}
                          {...(problem === undefined ? {} : { title: describe(problem) })}
                          placeholder={col === 'reason' ? '' : '0'}
                          maxLength={col === 'reason' ? 200 : 5}
                          disabled={col === 'labour' && !p.canWork}
                          value={c[col]}
                          onChange={(event) => setCells({ ...cells, [p.id]: { ...c, [col]: event.target.value } })}
                          onKeyDown={(event) => onKey(event, row, colIndex)}
                        />
                      </td>
                    );
                  })}
                  <td className="num" data-testid="row-total">{signed(total)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {errors.map((e, i) => (
        <div key={i} data-testid="score-error">
          <p className="small muted">{t('prison.scores.failedBatch', { first: e.ids[0], last: e.ids[e.ids.length - 1], count: e.ids.length })}</p>
          <ErrorNotice error={e.error} />
        </div>
      ))}
      <div className="actions">
        <button type="submit" className="button" disabled={busy || problems.size > 0 || open.length === 0} data-testid="submit-scores">
          {busy ? t('common.working') : t('prison.scores.submit', { count: open.length, txs: Math.ceil(open.length / maxEntriesPerScoreDay) })}
        </button>
        <span className="hint">{problems.size > 0 ? t('prison.scores.fixFirst', { count: problems.size }) : open.length === 0 ? t('prison.scores.nothingOpen') : t('auth.signingHint')}</span>
      </div>
    </form>
  );
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
