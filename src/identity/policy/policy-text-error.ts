import type { CustosError } from '../../errors/custos-error.ts';
import { identityError } from '../identity-error.ts';
import type { IdentityErrorCode } from '../error-codes.ts';

/** Line and column (both from 1) of a 0-based offset in `text`. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

/**
 * A policy error that names where it is: `details.position` is the 0-based
 * offset, `line`/`column` count from 1 and appear in the message.
 */
export function policyTextError(
  text: string,
  position: number,
  message: string,
  code: IdentityErrorCode = 'IDENTITY_POLICY_SYNTAX',
): CustosError {
  const { line, column } = lineAndColumn(text, position);
  return identityError(code, `${message} at line ${line}, column ${column}`, { position, line, column });
}
