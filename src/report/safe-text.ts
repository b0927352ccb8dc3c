// File names and file contents are attacker-controlled: a name can hold a newline, an ANSI escape sequence, a bell, or a
// bidirectional override that reorders what a reviewer reads. Every human-facing output shows such characters as
// visible escapes; machine-readable JSON keeps the exact text but never carries them raw.

/** C0 and C1 controls, DEL, bidi embeddings/overrides/isolates and marks, line and paragraph separators. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_ONE = new RegExp(UNSAFE.source);

function hex(c: string): string {
  const n = c.codePointAt(0)!;
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u{${n.toString(16)}}`;
}

/** True when the text holds a character that must not reach a terminal or a rendered page raw. */
export function hasUnsafeChars(s: string): boolean {
  return UNSAFE_ONE.test(s);
}

/** The text with every unsafe character shown as `\xNN` / `\u{NNNN}` (a newline becomes `\x0a`). */
export function visible(s: string): string {
  return s.replace(UNSAFE, hex);
}

/** Multi-line text (a table cell, a log line): keeps `\n`, escapes every other unsafe character. */
export function visibleLines(s: string): string {
  return s
    .split('\n')
    .map((l) => visible(l))
    .join('\n');
}

const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text whose strings carry no raw C1 control or bidi character (JSON.stringify escapes only C0). */
export function escapeJsonText(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
