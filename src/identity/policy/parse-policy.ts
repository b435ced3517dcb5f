import { isOrgId, isRolePattern, reservedWords } from '../names.ts';
import type { Policy, PolicyClause, PrincipalClause } from './policy-ast.ts';
import { policyLimits } from './policy-limits.ts';
import { policyTextError } from './policy-text-error.ts';
import { tokenizePolicy, type PolicyToken, type PolicyTokenKind } from './tokenize-policy.ts';

/**
 * Parses policy text into its AST.
 *
 * ```text
 * policy    := clause END
 * clause    := principal                      one member matching role@org
 *            | ANY principal                  the same, spelled out
 *            | ANY '(' list ')'               at least 1 of the clauses
 *            | ALL '(' list ')'               every clause
 *            | NUMBER OF '(' list ')'         at least NUMBER of the clauses
 *            | NUMBER OF principal            NUMBER distinct members matching role@org
 * list      := clause (',' clause)*
 * principal := ROLE '@' ORG                   ROLE may be `prison.*` or `*`
 * ```
 *
 * Keywords are case-insensitive (`2 of (…)` is fine); roles and organization
 * ids are case-sensitive. `N OF role@org` is sugar for N copies of the clause,
 * so the AST has two node kinds only. Every error is IDENTITY_POLICY_SYNTAX
 * (or IDENTITY_POLICY_TOO_COMPLEX past `policyLimits`) and names the line and
 * column.
 */
export function parsePolicy(text: string): Policy {
  if (text.length > policyLimits.maxTextLength) {
    throw policyTextError(text, policyLimits.maxTextLength, `policy is longer than ${policyLimits.maxTextLength} characters`, 'IDENTITY_POLICY_TOO_COMPLEX');
  }
  return new PolicyParser(text).parse();
}

function describe(token: PolicyToken): string {
  if (token.kind === 'end') return 'end of policy';
  if (token.kind === 'word') return JSON.stringify(token.text);
  return `'${token.text}'`;
}

function isKeyword(token: PolicyToken, keyword: string): boolean {
  return token.kind === 'word' && token.text.toUpperCase() === keyword;
}

const numberPattern = /^[0-9]+$/;

class PolicyParser {
  readonly #text: string;
  readonly #tokens: PolicyToken[];
  #index = 0;
  #principalClauses = 0;

  constructor(text: string) {
    this.#text = text;
    this.#tokens = tokenizePolicy(text);
  }

  parse(): Policy {
    const policy = this.#clause(0);
    this.#expect('end', 'end of policy');
    return policy;
  }

  #peek(): PolicyToken {
    return this.#tokens[this.#index]!;
  }

  #next(): PolicyToken {
    const token = this.#tokens[this.#index]!;
    if (token.kind !== 'end') this.#index++;
    return token;
  }

  #fail(token: PolicyToken, message: string): never {
    throw policyTextError(this.#text, token.position, message);
  }

  #expect(kind: PolicyTokenKind, what: string): PolicyToken {
    const token = this.#peek();
    if (token.kind !== kind) this.#fail(token, `expected ${what} but found ${describe(token)}`);
    return this.#next();
  }

  #clause(depth: number): PolicyClause {
    const token = this.#peek();
    if (token.kind !== 'word') this.#fail(token, `expected a clause (role@org, ANY, ALL or N OF) but found ${describe(token)}`);
    if (isKeyword(token, 'ANY')) {
      this.#next();
      if (this.#peek().kind === '@') this.#fail(token, `${JSON.stringify(token.text)} is a keyword and cannot be a role`);
      if (this.#peek().kind !== '(') return this.#principal();
      return { kind: 'threshold', n: 1, clauses: this.#list(depth, token) };
    }
    if (isKeyword(token, 'ALL')) {
      this.#next();
      const clauses = this.#list(depth, token);
      return { kind: 'threshold', n: clauses.length, clauses };
    }
    if (numberPattern.test(token.text)) return this.#threshold(depth);
    return this.#principal();
  }

  /** `N OF (list)` or `N OF role@org`. */
  #threshold(depth: number): PolicyClause {
    const numberToken = this.#next();
    const n = this.#count(numberToken);
    const of = this.#peek();
    if (!isKeyword(of, 'OF')) this.#fail(of, `expected OF after ${numberToken.text} but found ${describe(of)}`);
    this.#next();
    if (this.#peek().kind !== '(') {
      this.#enter(depth, numberToken);
      const principal = this.#principal();
      // N copies of one clause: "2 OF judge@Court" is two different judges.
      this.#countPrincipalClauses(n - 1, numberToken);
      return { kind: 'threshold', n, clauses: Array.from({ length: n }, () => principal) };
    }
    const clauses = this.#list(depth, numberToken);
    if (n > clauses.length) {
      this.#fail(numberToken, `${n} OF needs at least ${n} clauses but has ${clauses.length}`);
    }
    return { kind: 'threshold', n, clauses };
  }

  #count(token: PolicyToken): number {
    if (token.text.length > 1 && token.text.startsWith('0')) this.#fail(token, `number ${token.text} has a leading zero`);
    const n = Number(token.text);
    if (n === 0) this.#fail(token, 'a threshold must be at least 1');
    if (n > policyLimits.maxPrincipalClauses) {
      throw policyTextError(this.#text, token.position, `threshold ${token.text} exceeds ${policyLimits.maxPrincipalClauses}`, 'IDENTITY_POLICY_TOO_COMPLEX');
    }
    return n;
  }

  #enter(depth: number, at: PolicyToken): void {
    if (depth + 1 > policyLimits.maxDepth) {
      throw policyTextError(this.#text, at.position, `policy nests deeper than ${policyLimits.maxDepth} levels`, 'IDENTITY_POLICY_TOO_COMPLEX');
    }
  }

  #list(depth: number, opener: PolicyToken): PolicyClause[] {
    this.#enter(depth, opener);
    this.#expect('(', `'(' after ${opener.text}`);
    const clauses = [this.#clause(depth + 1)];
    while (this.#peek().kind === ',') {
      this.#next();
      clauses.push(this.#clause(depth + 1));
    }
    this.#expect(')', "',' or ')'");
    return clauses;
  }

  #principal(): PrincipalClause {
    const roleToken = this.#peek();
    if (roleToken.kind !== 'word') this.#fail(roleToken, `expected role@org but found ${describe(roleToken)}`);
    if (reservedWords.includes(roleToken.text.toUpperCase())) this.#fail(roleToken, `expected role@org but found keyword ${roleToken.text.toUpperCase()}`);
    if (!isRolePattern(roleToken.text)) this.#fail(roleToken, `invalid role ${JSON.stringify(roleToken.text)}`);
    this.#next();
    this.#expect('@', `'@' after role ${JSON.stringify(roleToken.text)}`);
    const orgToken = this.#expect('word', 'an organization id');
    if (!isOrgId(orgToken.text)) this.#fail(orgToken, `invalid organization id ${JSON.stringify(orgToken.text)}`);
    this.#countPrincipalClauses(1, roleToken);
    return { kind: 'principal', role: roleToken.text, org: orgToken.text };
  }

  #countPrincipalClauses(added: number, at: PolicyToken): void {
    this.#principalClauses += added;
    if (this.#principalClauses > policyLimits.maxPrincipalClauses) {
      throw policyTextError(this.#text, at.position, `policy has more than ${policyLimits.maxPrincipalClauses} role@org clauses`, 'IDENTITY_POLICY_TOO_COMPLEX');
    }
  }
}
