// Match anchors (CredentialRule.anchor): where a rule's pattern can start, worked out from a keyword occurrence or a
// separator, so the engine tries the pattern only there. Each one is exact for the pattern it is written for: every
// match of that pattern starts at a place it returns (test/anchors.test.ts compares both searches).
import type { MatchAnchor } from '../../src/core/types.js';

/** ASCII membership table of a one-character class (`/[\w.$-]/`); characters above 127 are never members. */
function charTable(cls: RegExp): Uint8Array {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) t[c] = cls.test(String.fromCharCode(c)) ? 1 : 0;
  return t;
}

function runStartBefore(text: string, at: number, member: Uint8Array, reach: number): number {
  let i = at;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c >= 128 || member[c] === 0) break;
    if (at - i >= reach) return -1;
    i--;
  }
  return i;
}

/**
 * For a pattern whose match begins with a run of `chars` that holds, or ends just before, one of `keywords` no more
 * than `reach` characters after the run's start, and that cannot begin inside such a run (a look-behind excludes
 * `chars`): the match starts where that run does, `lead` characters earlier (a fixed opener such as `<`).
 */
export function runStartAnchor(keywords: readonly string[], chars: RegExp, reach: number, lead = 0): MatchAnchor {
  const member = charTable(chars);
  return {
    keywords,
    start: (text, at) => {
      const s = runStartBefore(text, at, member, reach);
      return s < lead ? -1 : s - lead;
    },
  };
}

const NAME_CHAR = charTable(/[\w.-]/);
const QUOTE = new Set(['"', "'"]);

/**
 * For BOUND_VALUE (`NAME["']?[ \t]*(?::=|=>|=|:)[ \t]*["'\`]?VALUE{16,}`): a separator followed by 16 value
 * characters, walked back over the spaces, the optional quote and the name. The name is the whole run of name
 * characters before them (at most 81: the pattern's bound), since the pattern's look-behind forbids starting inside one.
 */
export const boundValueAnchor: MatchAnchor = {
  find: /(?:=>|[:=])[ \t]*["'`]?[^\s"'`,;(){}[\]<>\\]{16}/g,
  start: (text, at) => {
    let i = at;
    if (text[i] === '=' && text[i - 1] === ':') i--; // `:=` is found at its `=` when its `:` leads nowhere
    while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
    if (i > 0 && QUOTE.has(text[i - 1]!)) i--;
    const end = i;
    const s = runStartBefore(text, end, NAME_CHAR, 81);
    return s < 0 || s === end ? -1 : s;
  },
};

/**
 * For curl's `(?<![\w-])(?:-u|--user|--proxy-user|-U)`: each option holds `-u` (in either case), `--user` one
 * character and `--proxy-user` seven characters after its start; the look-behind leaves one start per `-u`.
 */
export const userOptionAnchor: MatchAnchor = {
  keywords: ['-u'],
  start: (text, at) => (at >= 7 && text.startsWith('--proxy', at - 7) ? at - 7 : text[at - 1] === '-' ? at - 1 : at),
};
