// The one way into the HCL parsers: our TypeScript parser (hcl-native.ts) for what it reproduces exactly, else
// @cdktf/hcl2json (HashiCorp's parser compiled to WebAssembly), which also words every syntax error. The WebAssembly
// parser's recursive descent overflows the stack on deeply nested input (brackets, blocks, templates, chains of `!`,
// `-`, `? :`, `[*]`) — and after one overflow the Go runtime is broken: the next call aborts it ("fatal error: malloc
// deadlock") and the pending promise never settles, so the scan would silently stop. Input nested deeper than
// MAX_HCL_NESTING is refused before it reaches that parser (real Terraform nests a few dozen levels at most; ours stops
// at its own limit and hands such input over), and a WebAssembly parser that overflowed anyway is never called again.
import { HclUnsupported, parseHclNative } from './hcl-native.js';
import { parseHclWasm } from './hcl-wasm.js';

/** Far above real configurations, far below the ~1,500 levels at which the parser overflows. */
export const MAX_HCL_NESTING = 256;

let broken: string | undefined;

export class HclRefused extends Error {
  override name = 'HclRefused';
}

/**
 * A generous upper bound on the parser's recursion depth: open brackets, template interpolations and, per nesting level,
 * the operators that make it recurse (`!`, `-`, `?`, splats), counted from the start of each statement. Comments and
 * string text are skipped (but `${`/`%{` inside strings and heredocs count).
 */
export function hclNesting(text: string): number {
  // Each level: its closing character (or a string/heredoc mode) and the operators seen since its last statement start.
  type Level = { close: string; ops: number; heredoc?: string };
  const stack: Level[] = [{ close: '', ops: 0 }];
  let depthOps = 0; // sum of ops over the stack
  let max = 0;
  const top = () => stack[stack.length - 1]!;
  const inString = () => top().close === '"' || top().heredoc !== undefined;
  const push = (close: string, heredoc?: string) => {
    stack.push({ close, ops: 0, heredoc });
    max = Math.max(max, stack.length - 1 + depthOps);
  };
  const pop = () => {
    depthOps -= stack.pop()!.ops;
  };
  const op = () => {
    top().ops++;
    depthOps++;
    max = Math.max(max, stack.length - 1 + depthOps);
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    const lvl = top();
    if (lvl.heredoc !== undefined) {
      if (c === '\n') {
        const rest = /^[ \t]*([A-Za-z_][\w-]*)[ \t]*(?:\r?\n|$)/.exec(text.slice(i + 1, i + 1 + 300));
        if (rest && rest[1] === lvl.heredoc) {
          pop();
          i += rest[0].length - (rest[0].endsWith('\n') ? 1 : 0);
        }
      } else if ((c === '$' || c === '%') && text[i + 1] === '{' && text[i - 1] !== c) {
        push('}');
        i++;
      }
      continue;
    }
    if (lvl.close === '"') {
      if (c === '\\') i++;
      else if (c === '"' || c === '\n') pop(); // a quoted string ends at the line's end (HCL reports the error)
      else if ((c === '$' || c === '%') && text[i + 1] === '{' && text[i - 1] !== c) {
        push('}');
        i++;
      }
      continue;
    }
    switch (c) {
      case '#':
        i = skipTo(text, i, '\n') - 1;
        break;
      case '/':
        if (text[i + 1] === '/') i = skipTo(text, i, '\n') - 1;
        else if (text[i + 1] === '*') {
          const end = text.indexOf('*/', i + 2);
          i = end < 0 ? n : end + 1;
        }
        break;
      case '"':
        push('"');
        break;
      case '<': {
        const m = /^<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(text.slice(i, i + 300));
        if (m) {
          push('', m[1]);
          i += m[0].length - 2;
        }
        break;
      }
      case '(':
        push(')');
        break;
      case '[':
        if (text[i + 1] === '*') op();
        push(']');
        break;
      case '{':
        push('}');
        break;
      case ')':
      case ']':
      case '}':
        if (stack.length > 1 && !inString()) pop();
        break;
      case '!':
      case '-':
      case '?':
        op();
        break;
      case '*':
        if (text[i - 1] === '.') op();
        break;
      case ',':
        // A new element (list, object, arguments): the operators before it are done.
        depthOps -= lvl.ops;
        lvl.ops = 0;
        break;
      case '\n':
        // A new statement starts at a newline in a body or object (not inside parentheses or a list).
        if (lvl.close === '}' || lvl.close === '') {
          depthOps -= lvl.ops;
          lvl.ops = 0;
        }
        break;
    }
  }
  return max;
}

function skipTo(text: string, from: number, ch: string): number {
  const at = text.indexOf(ch, from);
  return at < 0 ? text.length : at;
}

/**
 * Parses HCL to JSON, or throws HclRefused (too deeply nested, or the parser is no longer usable) or the parse error.
 * The TypeScript parser handles the common constructs with the identical result, ten or more times faster; whatever
 * it does not reproduce exactly, including every syntax error, so that diagnostics stay hcl2json's, goes to the
 * WebAssembly parser.
 */
export async function parseHcl(filename: string, text: string): Promise<Record<string, unknown>> {
  try {
    return parseHclNative(text);
  } catch (e) {
    if (!(e instanceof HclUnsupported)) throw e;
  }
  if (broken) throw new HclRefused(`HCL parser disabled after an earlier failure (${broken})`);
  const depth = hclNesting(text);
  if (depth > MAX_HCL_NESTING) throw new HclRefused(`nested more than ${MAX_HCL_NESTING} levels deep (about ${depth}); not parsed`);
  try {
    return await parseHclWasm(filename, text);
  } catch (e) {
    if (e instanceof RangeError) {
      broken = `stack overflow in ${filename}`;
      throw new HclRefused(`HCL parser overflowed its stack; not parsed`);
    }
    throw e;
  }
}
