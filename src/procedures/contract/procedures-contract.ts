import { Type } from '@sinclair/typebox';
import type { JsonObject, JsonValue } from '../../crypto/canonical-json.ts';
import { custosError } from '../../errors/custos-error.ts';
import { notaryCollection } from '../../runtime/contracts/notary.ts';
import { defineFunction, type BlockHookContext, type Contract, type ContractContext } from '../../runtime/contract.ts';
import type { Actor } from '../actor-pattern.ts';
import { applyAction } from '../apply-action.ts';
import type { CaseResult, DeadlineEvent } from '../case-context.ts';
import { openCase } from '../open-case.ts';
import type { CalendarData } from '../working-day-calendar.ts';
import { syncAwaiting } from './awaiting-index.ts';
import { createCalendarReader } from './calendar-in-force.ts';
import { fireDueCases } from './fire-due-cases.ts';
import { jsonToRecord, nextRecord, recordToJson, type CaseRecord } from './case-record.ts';
import { readSubject, subjectKey, type ReadDocument, type SubjectReader } from './case-subject.ts';
import { procedureCollections, procedureCollectionSpecs } from './procedure-collections.ts';
import { latestUsableDefinition, registeredDefinition, isUsableAt, type RegisteredDefinition } from './registered-definitions.ts';
import { loadShippedCalendar } from './shipped-calendar.ts';
import { toEngineAction } from './to-engine-action.ts';

export interface ProceduresContractOptions {
  /** The working-day calendar until governance sets one (`governance.setCalendar`). */
  defaultCalendar: CalendarData;
  /** Apps' readers of their subjects, by subject type (e.g. `prisoner`). */
  subjectReaders: Readonly<Record<string, SubjectReader>>;
  /** Most cases the block hook runs per block (PERF); the rest are taken at the next block. */
  maxDueCasesPerBlock: number;
}

const baseOptions = { subjectReaders: {}, maxDueCasesPerBlock: 500 };

/** Defaults: the shipped China 2019–2026 calendar (read from disk), no app readers, 500 cases per block. */
export function defaultProceduresContractOptions(): ProceduresContractOptions {
  return { ...baseOptions, defaultCalendar: loadShippedCalendar() };
}

const subjectTypePattern = '^[a-z][a-z0-9-]{0,63}$';
const SubjectRef = Type.Object(
  { type: Type.String({ pattern: subjectTypePattern }), id: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);

/** The acting member as the engine sees it; procedures need an enrolled member. */
function actorOf(ctx: ContractContext): Actor {
  const member = ctx.member;
  if (member === undefined) throw custosError('ACCESS_DENIED', 'procedures are run by enrolled members', { action: 'procedures' });
  return { memberId: member.memberId, org: member.org, roles: [...member.roles], attributes: { ...member.attributes } };
}

function readerOf(get: ContractContext['get']): ReadDocument {
  return (collection, id) => get(collection, id)?.doc;
}

/** Notary-anchored: the hash (without an `sm3:`-style prefix) is a key of `notary.anchors`. */
function anchoredIn(get: ContractContext['get']): (hash: string) => boolean {
  return (hash) => get(notaryCollection, hash.slice(hash.indexOf(':') + 1)) !== undefined;
}

function outcome(result: CaseResult): Extract<CaseResult, { ok: true }> {
  if (!result.ok) throw result.error;
  return result;
}

function eventsToJson(events: readonly DeadlineEvent[]): JsonValue {
  return events as unknown as JsonValue;
}

/**
 * Contract `procedures`: cases of the procedure definitions governance
 * registered, run by the engine at block time. `openCase` opens a case on the
 * newest usable version (or the one asked for), `act` applies a member's
 * action, the block hook fires deadlines; every change is a whole new case
 * document (with its append-only history), so the ledger holds who did what,
 * when and in which transaction. Step-level rules come from the definition;
 * the functions themselves need the policies `procedures.openCase`,
 * `procedures.act`, `procedures.recordSubject` (usually `ANY MEMBER` for the first two).
 */
export function createProceduresContract(overrides: Partial<ProceduresContractOptions> = {}): Contract {
  const options: ProceduresContractOptions = { ...baseOptions, ...overrides, defaultCalendar: overrides.defaultCalendar ?? loadShippedCalendar() };
  const calendarAt = createCalendarReader(options.defaultCalendar);

  function definitionForOpening(ctx: ContractContext, id: string, version: number | undefined): RegisteredDefinition {
    const entry = version === undefined ? latestUsableDefinition(ctx.query, id, ctx.block.height) : registeredDefinition(ctx.get, id, version);
    if (entry === undefined || !isUsableAt(entry, ctx.block.height)) {
      const which = version === undefined ? id : `${id}@${version}`;
      throw custosError('RUNTIME_NOT_FOUND', `no procedure ${which} in force at height ${ctx.block.height}`, { procedure: id });
    }
    return entry;
  }

  function write(ctx: Pick<ContractContext, 'put' | 'delete'>, before: CaseRecord | undefined, after: CaseRecord): void {
    ctx.put(procedureCollections.cases, after.case.id, recordToJson(after));
    syncAwaiting(ctx, before, after);
  }

  return {
    name: 'procedures',
    version: '1.0.0',
    collections: procedureCollectionSpecs,
    functions: {
      openCase: defineFunction({
        args: Type.Object(
          {
            procedure: Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' }),
            version: Type.Optional(Type.Integer({ minimum: 1 })),
            subject: SubjectRef,
          },
          { additionalProperties: false },
        ),
        handler(ctx, args) {
          const actor = actorOf(ctx);
          const entry = definitionForOpening(ctx, args.procedure, args.version);
          const subject = readSubject(options.subjectReaders, readerOf(ctx.get), args.subject);
          const opened = outcome(
            openCase(entry.definition, { caseId: ctx.txId, subject: args.subject }, {
              actor,
              blockTime: ctx.block.time,
              calendar: calendarAt(ctx.get, ctx.block.height),
              subject: subject.facts,
              isAnchored: anchoredIn(ctx.get),
            }),
          );
          const record = nextRecord(undefined, opened.case, subject.unit ?? null, { txId: ctx.txId, height: ctx.block.height, time: ctx.block.time });
          write(ctx, undefined, record);
          ctx.emit('procedures.opened', { caseId: record.case.id, procedure: entry.id, version: entry.version, state: record.case.state });
          return { caseId: record.case.id, procedure: entry.id, version: entry.version, hash: entry.hash, state: record.case.state };
        },
      }),
      act: defineFunction({
        args: Type.Object(
          { caseId: Type.String({ minLength: 1, maxLength: 128 }), action: Type.Record(Type.String(), Type.Unknown()) },
          { additionalProperties: false },
        ),
        handler(ctx, args) {
          const actor = actorOf(ctx);
          const stored = ctx.get(procedureCollections.cases, args.caseId);
          if (stored === undefined) throw custosError('RUNTIME_NOT_FOUND', `no case ${args.caseId}`, { caseId: args.caseId });
          const before = jsonToRecord(stored.doc);
          const { id, version } = before.case.procedure;
          const entry = registeredDefinition(ctx.get, id, version);
          if (entry === undefined) throw custosError('RUNTIME_NOT_FOUND', `procedure ${id}@${version} of case ${args.caseId} is not registered`);
          const action = toEngineAction(entry.definition, args.action);
          const subject = readSubject(options.subjectReaders, readerOf(ctx.get), before.case.subject);
          const applied = outcome(
            applyAction(entry.definition, before.case, action, {
              actor,
              blockTime: ctx.block.time,
              calendar: calendarAt(ctx.get, ctx.block.height),
              subject: subject.facts,
              isAnchored: anchoredIn(ctx.get),
            }),
          );
          const after = nextRecord(before, applied.case, subject.unit ?? before.unit, { txId: ctx.txId, height: ctx.block.height, time: ctx.block.time });
          write(ctx, before, after);
          const last = after.case.history.at(-1);
          ctx.emit('procedures.acted', { caseId: args.caseId, kind: last?.kind ?? 'comment', from: before.case.state, state: after.case.state, closed: after.case.closed });
          return { caseId: args.caseId, state: after.case.state, closed: after.case.closed, awaiting: [...after.case.awaiting], deadlineEvents: eventsToJson(applied.events) };
        },
      }),
      recordSubject: defineFunction({
        args: Type.Object(
          {
            type: Type.String({ pattern: subjectTypePattern }),
            id: Type.String({ minLength: 1, maxLength: 128 }),
            unit: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            facts: Type.Record(Type.String(), Type.Unknown()),
          },
          { additionalProperties: false },
        ),
        handler(ctx, args) {
          const member = ctx.member;
          if (member === undefined) throw custosError('ACCESS_DENIED', 'subjects are recorded by enrolled members', { action: 'procedures.recordSubject' });
          if (Object.hasOwn(options.subjectReaders, args.type)) throw custosError('RUNTIME_BAD_ARGS', `${args.type} subjects are read from their app's records, not recorded here`);
          const key = subjectKey(args.type, args.id);
          ctx.put(procedureCollections.subjects, key, {
            type: args.type,
            id: args.id,
            unit: args.unit ?? null,
            facts: args.facts as JsonObject,
            by: { memberId: member.memberId, org: member.org },
            txId: ctx.txId,
            height: ctx.block.height,
          });
          return { subject: key };
        },
      }),
    },
    onBlock(ctx: BlockHookContext) {
      fireDueCases(ctx, {
        limit: options.maxDueCasesPerBlock,
        calendar: calendarAt(ctx.get, ctx.block.height),
        subjectOf: (doc) => readSubject(options.subjectReaders, readerOf(ctx.get), doc.subject),
        write: (before, after) => write(ctx, before, after),
      });
    },
  };
}
