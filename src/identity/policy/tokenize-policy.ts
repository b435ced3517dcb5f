import { policyTextError } from './policy-text-error.ts';

export type PolicyTokenKind = 'word' | '@' | '(' | ')' | ',' | 'end';

/** One token; `position` is the 0-based offset of its first character. */
export interface PolicyToken {
  readonly kind: PolicyTokenKind;
  readonly text: string;
  readonly position: number;
}

// A word is anything that may be a number, a keyword, a role pattern or an
// organization id; the parser decides which and checks the spelling, so its
// messages can say "invalid role" rather than "unexpected character".
const wordCharacter = /[A-Za-z0-9_.*-]/;
const whitespace = /[ \t\r\n]/;

/** Splits policy text into tokens, ending with one `end` token. */
export function tokenizePolicy(text: string): PolicyToken[] {
  const tokens: PolicyToken[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (whitespace.test(char)) {
      i++;
    } else if (char === '@' || char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: char, text: char, position: i });
      i++;
    } else if (wordCharacter.test(char)) {
      const start = i;
      while (i < text.length && wordCharacter.test(text[i]!)) i++;
      tokens.push({ kind: 'word', text: text.slice(start, i), position: start });
    } else {
      const shown = text.codePointAt(i)!;
      throw policyTextError(text, i, `unexpected character ${JSON.stringify(String.fromCodePoint(shown))}`);
    }
  }
  tokens.push({ kind: 'end', text: '', position: text.length });
  return tokens;
}
