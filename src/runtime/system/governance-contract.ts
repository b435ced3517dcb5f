import { Type } from '@sinclair/typebox';
import { bytesToHex } from '../../crypto/bytes.ts';
import { canonicalBytes, type JsonObject, type JsonValue } from '../../crypto/canonical-json.ts';
import { taggedBytes } from '../../crypto/domain-tags.ts';
import { getSuite } from '../../crypto/suites.ts';
import { custosError } from '../../errors/custos-error.ts';
import { evaluatePolicy, explainPolicy, parseOrgCaCertificate, principalMatches, type PolicyClause, type Principal } from '../../identity/index.ts';
import type { Genesis } from '../../ledger/genesis.ts';
import { defineFunction, type Contract, type ContractContext } from '../contract.ts';
import { compiledPolicy, memberToPrincipalOf } from './access.ts';
import { createDirectory, organizationsCollection, policiesCollection, proposalsCollection } from './directory.ts';
import { schedule } from './scheduled-value.ts';

/** What a governance proposal can change. Each is gated by the policy `governance.<action>`. */
export const governanceActions = ['addOrganization', 'removeOrganization', 'setPolicy', 'setFinality', 'registerContractVersion', 'registerProcedure', 'retireProcedure', 'setCalendar'] as const;
export type GovernanceAction = (typeof governanceActions)[number];

export const contractVersionsCollection = 'governance.contracts';
export const procedureRegistryCollection = 'governance.procedures';
/** The working-day calendar in force (one scheduled document, id `working-days`); absent: the node's default. */
export const calendarCollection = 'governance.calendar';
export const calendarDocumentId = 'working-days';

/** What a definition is checked against: the network's roles and organizations at the proposal's height. */
export interface ProcedureNetwork {
  isKnownRole(role: string): boolean;
  isKnownOrg(org: string): boolean;
}

/**
 * The procedure engine's checks, injected by the node (src/runtime does not
 * import src/procedures). Each throws a CustosError naming every problem.
 */
export interface ProcedureGovernanceHooks {
  checkDefinition(definition: unknown, network: ProcedureNetwork): void;
  checkCalendar(calendar: unknown): void;
}

export interface GovernanceOptions {
  /** Without them, registerProcedure and setCalendar proposals are refused. */
  procedures?: ProcedureGovernanceHooks;
}

/** `H(tag || JCS(definition))`: the hash governance stores with each registered definition. */
export function procedureDefinitionHash(suiteId: string, definition: JsonValue): string {
  return bytesToHex(getSuite(suiteId).hash(taggedBytes('procedureDefinition', canonicalBytes(definition))));
}

interface Approval extends JsonObject {
  org: string;
  id: string;
  roles: string[];
  height: number;
}

function leaves(clause: PolicyClause): PolicyClause[] {
  return clause.kind === 'principal' ? [clause] : clause.clauses.flatMap(leaves);
}

/** Whether a principal appears anywhere in the policy, i.e. could contribute an approval. */
function mayTakePart(policyText: string, principal: Principal): boolean {
  return leaves(compiledPolicy(policyText)).some((leaf) => leaf.kind === 'principal' && principalMatches(leaf, principal));
}

interface PayloadContext {
  genesis: Genesis;
  ctx: ContractContext;
  options: GovernanceOptions;
}

function procedureHooks(options: GovernanceOptions, action: GovernanceAction): ProcedureGovernanceHooks {
  if (options.procedures === undefined) throw custosError('RUNTIME_BAD_ARGS', `${action}: this network runs no procedure engine`);
  return options.procedures;
}

function procedureKey(payload: JsonObject): string {
  return `${payload['id'] as string}@${String(payload['version'])}`;
}

/** Checks a proposal's payload before anyone approves it, so an adopted change always applies. */
function validatePayload(action: GovernanceAction, payload: JsonObject, { genesis, ctx, options }: PayloadContext): void {
  const need = (field: string) => {
    if (typeof payload[field] !== 'string' || (payload[field] as string).length === 0) throw custosError('RUNTIME_BAD_ARGS', `${action} needs payload.${field}`);
    return payload[field] as string;
  };
  switch (action) {
    case 'addOrganization': {
      const id = need('id');
      const ca = parseOrgCaCertificate(need('caCertificate'));
      if (ca.org !== id) throw custosError('RUNTIME_BAD_ARGS', `the CA certificate is for ${ca.org}, not ${id}`);
      const name = payload['name'] as JsonObject | undefined;
      if (typeof name?.['zh'] !== 'string' || typeof name['en'] !== 'string') throw custosError('RUNTIME_BAD_ARGS', 'addOrganization needs payload.name.zh and .en');
      return;
    }
    case 'removeOrganization':
      need('id');
      return;
    case 'setPolicy':
      need('name');
      compiledPolicy(need('policy'));
      return;
    case 'setFinality':
      compiledPolicy(need('policy'));
      return;
    case 'registerContractVersion':
      need('contract');
      need('version');
      if (!/^[0-9a-f]{64}$/.test(need('codeHash'))) throw custosError('RUNTIME_BAD_ARGS', 'codeHash must be 64 hex characters');
      return;
    case 'registerProcedure': {
      const id = need('id');
      const version = needVersion(payload);
      const definition = payload['definition'];
      if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) throw custosError('RUNTIME_BAD_ARGS', 'registerProcedure needs payload.definition');
      const named = definition as JsonObject;
      if (named['id'] !== id || named['version'] !== version) {
        throw custosError('RUNTIME_BAD_ARGS', `payload names ${id}@${version} but the definition is ${String(named['id'])}@${String(named['version'])}`);
      }
      if (ctx.get(procedureRegistryCollection, procedureKey(payload)) !== undefined) throw custosError('RUNTIME_CONFLICT', `procedure ${procedureKey(payload)} is already registered`);
      const directory = createDirectory(genesis, ctx.get);
      const roles = directory.knownRoles();
      procedureHooks(options, action).checkDefinition(definition, {
        isKnownRole: (role) => roles === undefined || roles.has(role),
        isKnownOrg: (org) => directory.organizationAt(org, ctx.block.height) !== undefined,
      });
      return;
    }
    case 'retireProcedure': {
      need('id');
      needVersion(payload);
      const existing = ctx.get(procedureRegistryCollection, procedureKey(payload));
      if (existing === undefined) throw custosError('RUNTIME_NOT_FOUND', `no procedure ${procedureKey(payload)}`);
      if (existing.doc['status'] !== 'active') throw custosError('RUNTIME_CONFLICT', `procedure ${procedureKey(payload)} is already retired`);
      return;
    }
    case 'setCalendar':
      if (typeof payload['calendar'] !== 'object' || payload['calendar'] === null) throw custosError('RUNTIME_BAD_ARGS', 'setCalendar needs payload.calendar');
      procedureHooks(options, action).checkCalendar(payload['calendar']);
      return;
  }
}

function needVersion(payload: JsonObject): number {
  const version = payload['version'];
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) throw custosError('RUNTIME_BAD_ARGS', 'payload.version must be an integer ≥ 1');
  return version;
}

/** Applies an adopted change, in force from `from` (the next block). */
function applyChange(ctx: ContractContext, genesis: Genesis, action: GovernanceAction, payload: JsonObject, from: number): void {
  const get = (collection: string, id: string) => ctx.get(collection, id)?.doc;
  const now = ctx.block.height;
  switch (action) {
    case 'addOrganization':
      ctx.put(organizationsCollection, payload['id'] as string, schedule(get(organizationsCollection, payload['id'] as string), { id: payload['id'] as string, name: payload['name'] as JsonValue, caCertificate: payload['caCertificate'] as string }, from, now));
      return;
    case 'removeOrganization':
      ctx.put(organizationsCollection, payload['id'] as string, schedule(get(organizationsCollection, payload['id'] as string), null, from, now));
      return;
    case 'setPolicy':
      ctx.put(policiesCollection, payload['name'] as string, schedule(get(policiesCollection, payload['name'] as string), payload['policy'] as string, from, now));
      return;
    case 'setFinality':
      ctx.put(policiesCollection, 'finality', schedule(get(policiesCollection, 'finality'), payload['policy'] as string, from, now));
      return;
    case 'registerContractVersion':
      ctx.put(contractVersionsCollection, `${payload['contract'] as string}@${payload['version'] as string}`, { ...payload, from });
      return;
    case 'registerProcedure': {
      const key = procedureKey(payload);
      if (get(procedureRegistryCollection, key) !== undefined) throw custosError('RUNTIME_CONFLICT', `procedure ${key} is already registered`);
      const definition = payload['definition'] as JsonObject;
      ctx.put(procedureRegistryCollection, key, {
        id: payload['id'] as string,
        version: payload['version'] as number,
        definition,
        hash: procedureDefinitionHash(genesis.suite, definition),
        status: 'active',
        from,
        adoptedBy: ctx.txId,
      });
      return;
    }
    case 'retireProcedure': {
      const key = procedureKey(payload);
      const existing = get(procedureRegistryCollection, key);
      if (existing === undefined) throw custosError('RUNTIME_NOT_FOUND', `no procedure ${key}`);
      ctx.put(procedureRegistryCollection, key, { ...existing, status: 'retired', retiredFrom: from });
      return;
    }
    case 'setCalendar':
      // `adoptedBy` (a txId) names this calendar uniquely, so readers may cache it by that key.
      ctx.put(calendarCollection, calendarDocumentId, schedule(get(calendarCollection, calendarDocumentId), { calendar: payload['calendar'] as JsonValue, adoptedBy: ctx.txId }, from, now));
      return;
  }
}

/**
 * System contract `governance`: the network's rules change only through
 * proposals that collect the approvals their action's policy demands, and
 * take effect from the block after the one that adopted them.
 */
export function createGovernanceContract(genesis: Genesis, options: GovernanceOptions = {}): Contract {
  function policyFor(ctx: ContractContext, action: GovernanceAction): string {
    const text = createDirectory(genesis, ctx.get).policyAt(`governance.${action}`, ctx.block.height);
    if (text === undefined) throw custosError('ACCESS_DENIED', `no policy allows governance.${action}`, { action: `governance.${action}` });
    return text;
  }

  function principalOf(ctx: ContractContext): Principal {
    if (ctx.member === undefined) throw custosError('ACCESS_DENIED', 'governance needs an enrolled member');
    return memberToPrincipalOf(ctx.member);
  }

  function tryAdopt(ctx: ContractContext, proposal: JsonObject): JsonObject {
    const approvals = (proposal['approvals'] as Approval[]).map((a) => ({ org: a.org, id: a.id, roles: a.roles }));
    if (!evaluatePolicy(compiledPolicy(proposal['policy'] as string), approvals)) return proposal;
    const from = ctx.block.height + 1;
    applyChange(ctx, genesis, proposal['action'] as GovernanceAction, proposal['payload'] as JsonObject, from);
    ctx.emit('governance.adopted', { proposal: proposal['id'] as string, action: proposal['action'] as string, from });
    return { ...proposal, status: 'adopted', decidedHeight: ctx.block.height, effectiveFrom: from };
  }

  return {
    name: 'governance',
    version: '1.0.0',
    collections: [
      { name: proposalsCollection, indexes: [{ name: 'byStatus', fields: ['status', 'createdHeight'] }] },
      { name: policiesCollection, indexes: [] },
      { name: contractVersionsCollection, indexes: [] },
      { name: procedureRegistryCollection, indexes: [{ name: 'byStatus', fields: ['status', 'id'] }, { name: 'byId', fields: ['id', 'version'] }] },
      { name: calendarCollection, indexes: [] },
    ],
    functions: {
      propose: defineFunction({
        args: Type.Object(
          {
            action: Type.Union(governanceActions.map((a) => Type.Literal(a))),
            title: Type.String({ minLength: 1, maxLength: 300 }),
            payload: Type.Record(Type.String(), Type.Unknown()),
          },
          { additionalProperties: false },
        ),
        handler(ctx, args) {
          const principal = principalOf(ctx);
          const policy = policyFor(ctx, args.action);
          if (!mayTakePart(policy, principal)) throw custosError('ACCESS_DENIED', `${principal.id}@${principal.org} takes no part in governance.${args.action}`, { action: `governance.${args.action}` });
          validatePayload(args.action, args.payload as JsonObject, { genesis, ctx, options });
          const proposal = tryAdopt(ctx, {
            id: ctx.txId,
            action: args.action,
            title: args.title,
            payload: args.payload as JsonObject,
            policy,
            proposer: { org: principal.org, id: principal.id },
            approvals: [{ org: principal.org, id: principal.id, roles: [...principal.roles], height: ctx.block.height }],
            status: 'open',
            createdHeight: ctx.block.height,
          });
          ctx.put(proposalsCollection, ctx.txId, proposal);
          ctx.emit('governance.proposed', { proposal: ctx.txId, action: args.action });
          return { proposal: ctx.txId, status: proposal['status'] as string };
        },
      }),
      approve: defineFunction({
        args: Type.Object({ proposal: Type.String({ pattern: '^[0-9a-f]{64}$' }) }, { additionalProperties: false }),
        handler(ctx, args) {
          const principal = principalOf(ctx);
          const stored = ctx.get(proposalsCollection, args.proposal);
          if (stored === undefined) throw custosError('RUNTIME_NOT_FOUND', `no proposal ${args.proposal}`);
          const proposal = stored.doc;
          if (proposal['status'] !== 'open') throw custosError('GOV_PROPOSAL_CLOSED', `proposal is ${String(proposal['status'])}`);
          if (!mayTakePart(proposal['policy'] as string, principal)) throw custosError('ACCESS_DENIED', `${principal.id}@${principal.org} takes no part in this proposal`, { action: `governance.${String(proposal['action'])}` });
          const approvals = proposal['approvals'] as Approval[];
          if (approvals.some((a) => a.org === principal.org && a.id === principal.id)) throw custosError('GOV_ALREADY_APPROVED', 'this member already approved');
          const updated = tryAdopt(ctx, { ...proposal, approvals: [...approvals, { org: principal.org, id: principal.id, roles: [...principal.roles], height: ctx.block.height }] });
          ctx.put(proposalsCollection, args.proposal, updated);
          const explanation = explainPolicy(compiledPolicy(proposal['policy'] as string), (updated['approvals'] as Approval[]).map((a) => ({ org: a.org, id: a.id, roles: a.roles })));
          return { proposal: args.proposal, status: updated['status'] as string, explanation: JSON.parse(JSON.stringify(explanation)) as JsonValue };
        },
      }),
      withdraw: defineFunction({
        args: Type.Object({ proposal: Type.String({ pattern: '^[0-9a-f]{64}$' }) }, { additionalProperties: false }),
        handler(ctx, args) {
          const principal = principalOf(ctx);
          const stored = ctx.get(proposalsCollection, args.proposal);
          if (stored === undefined) throw custosError('RUNTIME_NOT_FOUND', `no proposal ${args.proposal}`);
          const proposer = stored.doc['proposer'] as { org: string; id: string };
          if (proposer.org !== principal.org || proposer.id !== principal.id) throw custosError('ACCESS_DENIED', 'only the proposer may withdraw', { action: 'governance.withdraw' });
          if (stored.doc['status'] !== 'open') throw custosError('GOV_PROPOSAL_CLOSED', `proposal is ${String(stored.doc['status'])}`);
          ctx.put(proposalsCollection, args.proposal, { ...stored.doc, status: 'withdrawn', decidedHeight: ctx.block.height });
          return { proposal: args.proposal, status: 'withdrawn' };
        },
      }),
    },
  };
}
