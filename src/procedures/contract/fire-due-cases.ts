import { isCustosError } from '../../errors/custos-error.ts';
import type { BlockHookContext } from '../../runtime/contract.ts';
import type { CaseDocument } from '../case-document.ts';
import { fireDeadlines } from '../fire-deadlines.ts';
import type { WorkingDayCalendar } from '../working-day-calendar.ts';
import { jsonToRecord, nextDueAt, nextRecord, type CaseRecord } from './case-record.ts';
import type { SubjectView } from './case-subject.ts';
import { procedureCollections } from './procedure-collections.ts';
import { registeredDefinition } from './registered-definitions.ts';

export interface FireDueCasesOptions {
  readonly limit: number;
  readonly calendar: WorkingDayCalendar;
  readonly subjectOf: (doc: CaseDocument) => SubjectView;
  readonly write: (before: CaseRecord, after: CaseRecord) => void;
}

const pageSize = 100;

/**
 * The block hook: every case whose next deadline has passed at block time
 * (index `byDue`, earliest first, then by case id — the same order on every
 * node) is handed to `fireDeadlines`. One case that cannot be run (its
 * definition gone, an engine fault) is set aside with `deadlineError` rather
 * than stop the others; its writes alone are skipped.
 */
export function fireDueCases(ctx: BlockHookContext, options: FireDueCasesOptions): void {
  let done = 0;
  for (let offset = 0; done < options.limit; offset += pageSize) {
    const page = ctx.query(procedureCollections.cases, { index: 'byDue', range: { lte: ctx.block.time }, limit: Math.min(pageSize, options.limit - done), offset });
    for (const found of page) {
      fireOne(ctx, jsonToRecord(found.doc), options);
      done += 1;
    }
    if (page.length < pageSize) return;
  }
}

function fireOne(ctx: BlockHookContext, before: CaseRecord, options: FireDueCasesOptions): void {
  const setAside = (code: string, message: string): void => {
    options.write(before, { ...before, nextDueAt: null, deadlineError: { code, message } });
  };
  const { id, version } = before.case.procedure;
  const entry = registeredDefinition(ctx.get, id, version);
  if (entry === undefined) return setAside('RUNTIME_NOT_FOUND', `procedure ${id}@${version} is not registered`);
  const subject = options.subjectOf(before.case);
  let result;
  try {
    result = fireDeadlines(entry.definition, before.case, { blockTime: ctx.block.time, calendar: options.calendar, subject: subject.facts });
  } catch (error: unknown) {
    // Only an engine bug lands here; the text is fixed so every node writes the same.
    return setAside('RUNTIME_CONTRACT_FAULT', isCustosError(error) ? error.message : 'deadline engine failed unexpectedly');
  }
  if (!result.ok) return setAside(result.error.code, result.error.message);
  if (result.events.length === 0) {
    // The index was ahead of the case (nothing due after all): correct it so the case is not asked again.
    const due = nextDueAt(before.case);
    if (due !== before.nextDueAt) options.write(before, { ...before, nextDueAt: due });
    return;
  }
  options.write(before, nextRecord(before, result.case, subject.unit ?? before.unit, { txId: null, height: ctx.block.height, time: ctx.block.time }));
}
