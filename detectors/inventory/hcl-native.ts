// A fast, pure-TypeScript reader for HCL native syntax that produces exactly what `parse` from @cdktf/hcl2json returns
// (HashiCorp's hclsyntax parser plus tmccombs/hcl2json's converter, compiled to WebAssembly), or throws HclUnsupported.
// It mirrors hclsyntax's scanner and recursive-descent parser token for token, so it accepts what that parser accepts,
// and renders values the way the converter does:
//   - blocks nest by type then labels, each level's bodies in an array; attributes override blocks of the same name;
//   - literals become JSON values, tuples arrays, objects objects (keys sorted, as Go's encoding/json writes them);
//   - any other expression becomes "${<its exact source text>}";
//   - template literal text is NFC-normalised (cty strings are) and has `${`/`%{` re-escaped as `$${`/`%%{`.
// Anything it does not model exactly — syntax errors, template directives (`%{`) and strip markers (`~`), non-ASCII
// outside strings and comments, unusual numbers, conversions hcl2json fails on — throws HclUnsupported, and the caller
// falls back to the WebAssembly parser, which then produces the real value or error.

/** The input uses something this parser does not reproduce exactly; parse it with @cdktf/hcl2json instead. */
export class HclUnsupported extends Error {
  override name = 'HclUnsupported';
}

function unsupported(why: string): never {
  throw new HclUnsupported(why);
}

/**
 * Recursion depth (expressions, terms and bodies each count) beyond which we give up rather than recurse further: about
 * 500 levels of brackets, twice what hcl-guard lets through, and a third of what the default stack holds.
 */
const MAX_DEPTH = 1000;

// Token kinds.
const EOF = 0;
const NEWLINE = 1;
const LINE_COMMENT = 2; // `#` or `//` comment including its newline: a newline wherever newlines count
const COMMENT = 3; // `/* */`, or a line comment ending the file
const IDENT = 4;
const NUMBER = 5;
const OBRACE = 6;
const CBRACE = 7;
const OBRACK = 8;
const CBRACK = 9;
const OPAREN = 10;
const CPAREN = 11;
const COMMA = 12;
const DOT = 13;
const EQUAL = 14;
const COLON = 15;
const QUESTION = 16;
const ELLIPSIS = 17;
const FAT_ARROW = 18;
const DOUBLE_COLON = 19;
const MINUS = 20;
const BANG = 21;
const STAR = 22;
const BINARY_OP = 23; // every other binary operator: == != < > <= >= + / % && ||
const OQUOTE = 24;
const CQUOTE = 25;
const QUOTED_LIT = 26;
const INTERP = 27; // `${`
const SEQ_END = 28; // the `}` closing a `${`
const OHEREDOC = 29; // `<<EOT` or `<<-EOT` with its newline
const HEREDOC_LIT = 30; // heredoc text, split at line ends and template sequences
const CHEREDOC = 31; // the closing marker line, without its newline (a NEWLINE token follows)

/**
 * The token buffers, reused from parse to parse (parsing is synchronous) and grown as needed: a token's kind and its
 * source range [start, end).
 */
let kinds = new Uint8Array(4096);
let starts = new Int32Array(4096);
let ends = new Int32Array(4096);

function grow<T extends Uint8Array | Int32Array>(a: T): T {
  const bigger = new (a.constructor as new (n: number) => T)(a.length * 2);
  bigger.set(a);
  return bigger;
}

/**
 * Scanner modes: code (inside a `${` sequence, `interp` is the brace count at which its `}` closes it; 0 at the top
 * level), a quoted string, a heredoc.
 */
type Mode =
  | { kind: 'code'; interp: number }
  | { kind: 'string' }
  | { kind: 'heredoc'; marker: string; lineStart: boolean };

const HEREDOC_START = /<<-?([A-Za-z_][A-Za-z0-9_-]*)\r?\n/y;

const isDigit = (c: number) => c >= 48 && c <= 57;
/** A table by ASCII code, for tight scanning loops (indexing it past the end of the text, with NaN, gives undefined). */
const asciiTable = (of: (ch: string) => number) => Uint8Array.from({ length: 128 }, (_, c) => of(String.fromCharCode(c)));
/** 1 for the characters with no special meaning in a quoted string: all but " \ $ % and line breaks. */
const PLAIN_IN_STRING = asciiTable((ch) => (/["\\$%\r\n]/.test(ch) ? 0 : 1));
/** 2 for the characters an identifier starts with (letters and _), 1 for the others it continues with (digits, -). */
const IDENT_CHARS = asciiTable((ch) => (/[A-Za-z_]/.test(ch) ? 2 : /[0-9-]/.test(ch) ? 1 : 0));
/** Token kinds of the characters that are a token by themselves wherever they appear in code. */
const SINGLE_KINDS: Record<string, number> = {
  '+': BINARY_OP, '%': BINARY_OP, '*': STAR, '-': MINUS, '?': QUESTION,
  ',': COMMA, '(': OPAREN, ')': CPAREN, '[': OBRACK, ']': CBRACK,
};
const SINGLE = asciiTable((ch) => SINGLE_KINDS[ch] ?? 0);
/** Go's unicode.IsSpace, which bytes.TrimSpace uses to recognise a heredoc's closing marker. */
const isGoSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;

/** Tokenises the whole text up front into the token buffers, as hclsyntax does (its Ragel scanner, rule by rule). */
function scan(text: string): void {
  let count = 0;
  const push = (kind: number, start: number, end: number) => {
    if (count === kinds.length) [kinds, starts, ends] = [grow(kinds), grow(starts), grow(ends)];
    kinds[count] = kind;
    starts[count] = start;
    ends[count++] = end;
  };
  const modes: Mode[] = [{ kind: 'code', interp: 0 }];
  let braces = 0; // open braces, counted across modes like the Ragel scanner's counter
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a leading byte-order mark is skipped

  // `${` in a string or heredoc: code follows until its matching `}`.
  const openSequence = (c: number) => {
    if (c === 37) unsupported('template directive');
    if (text.charCodeAt(i + 2) === 126) unsupported('template strip marker');
    push(INTERP, i, i + 2);
    modes.push({ kind: 'code', interp: ++braces });
    i += 2;
  };
  const lineComment = () => {
    const nl = text.indexOf('\n', i);
    if (nl < 0) {
      push(COMMENT, i, n);
      i = n;
    } else {
      push(LINE_COMMENT, i, nl + 1);
      i = nl + 1;
    }
  };
  const symbol = (kind: number, length: number) => {
    push(kind, i, i + length);
    i += length;
  };

  while (i < n) {
    const mode = modes[modes.length - 1]!;
    const c = text.charCodeAt(i);

    if (mode.kind === 'string') {
      if (c === 34) {
        symbol(CQUOTE, 1);
        modes.pop();
      } else if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === 123) openSequence(c);
      else {
        let j = i;
        for (;;) {
          let d = text.charCodeAt(j);
          while (d >= 0x80 || PLAIN_IN_STRING[d] === 1) d = text.charCodeAt(++j);
          if (j >= n) unsupported('unterminated string');
          if (d === 34) break;
          if (d === 10 || d === 13) unsupported('newline in a quoted string');
          if (d === 92) {
            const e = text.charCodeAt(j + 1);
            if (j + 1 >= n || e === 10 || e === 13) unsupported('backslash at the end of a line');
            j += 2;
          } else if (d === 36 || d === 37) {
            const e = text.charCodeAt(j + 1);
            if (e === 123) break; // a template sequence starts
            j += e === d && text.charCodeAt(j + 2) === 123 ? 3 : 1; // `$${` / `%%{` escapes stay in the text
          } else j++;
        }
        push(QUOTED_LIT, i, j);
        i = j;
      }
      continue;
    }

    if (mode.kind === 'heredoc') {
      if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === 123) {
        mode.lineStart = false;
        openSequence(c);
        continue;
      }
      if (mode.lineStart) {
        // A line is the closing marker when, taken whole, it trims (by Go's rules) to the marker.
        const nl = text.indexOf('\n', i);
        if (nl < 0) unsupported('unterminated heredoc');
        const end = nl > i && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        let from = i;
        let to = end;
        while (from < to && isGoSpace(text.charCodeAt(from))) from++;
        while (to > from && isGoSpace(text.charCodeAt(to - 1))) to--;
        if (to - from === mode.marker.length && text.startsWith(mode.marker, from)) {
          for (let k = i; k < end; k++) if (text.charCodeAt(k) === 13) unsupported('carriage return in a heredoc');
          push(CHEREDOC, i, end);
          push(NEWLINE, end, nl + 1);
          modes.pop();
          i = nl + 1;
          continue;
        }
      }
      let j = i;
      for (;;) {
        if (j >= n) unsupported('unterminated heredoc');
        const d = text.charCodeAt(j);
        if (d === 10 || d === 13) {
          if (d === 13 && text.charCodeAt(++j) !== 10) unsupported('carriage return in a heredoc');
          j++;
          mode.lineStart = true;
          break;
        }
        if (d === 36 || d === 37) {
          const e = text.charCodeAt(j + 1);
          if (e === 123) {
            mode.lineStart = false;
            break;
          }
          j += e === d && text.charCodeAt(j + 2) === 123 ? 3 : 1;
        } else j++;
      }
      if (j > i) push(HEREDOC_LIT, i, j);
      i = j;
      continue;
    }

    switch (c) {
      case 32:
      case 9: {
        let d;
        do d = text.charCodeAt(++i);
        while (d === 32 || d === 9);
        break;
      }
      case 10:
        symbol(NEWLINE, 1);
        break;
      case 13:
        if (text.charCodeAt(i + 1) !== 10) unsupported('carriage return');
        symbol(NEWLINE, 2);
        break;
      case 35: // #
        lineComment();
        break;
      case 47: {
        // /
        const d = text.charCodeAt(i + 1);
        if (d === 47) lineComment();
        else if (d === 42) {
          const end = text.indexOf('*/', i + 2);
          if (end < 0) unsupported('unterminated comment');
          symbol(COMMENT, end + 2 - i);
        } else symbol(BINARY_OP, 1);
        break;
      }
      case 34:
        symbol(OQUOTE, 1);
        modes.push({ kind: 'string' });
        break;
      case 60: {
        // <
        HEREDOC_START.lastIndex = i;
        const m = HEREDOC_START.exec(text);
        if (m) {
          symbol(OHEREDOC, m[0].length);
          modes.push({ kind: 'heredoc', marker: m[1]!, lineStart: true });
        } else symbol(BINARY_OP, text.charCodeAt(i + 1) === 61 ? 2 : 1);
        break;
      }
      case 62: // >
        symbol(BINARY_OP, text.charCodeAt(i + 1) === 61 ? 2 : 1);
        break;
      case 61: {
        // =
        const d = text.charCodeAt(i + 1);
        if (d === 61) symbol(BINARY_OP, 2);
        else if (d === 62) symbol(FAT_ARROW, 2);
        else symbol(EQUAL, 1);
        break;
      }
      case 33: // !
        if (text.charCodeAt(i + 1) === 61) symbol(BINARY_OP, 2);
        else symbol(BANG, 1);
        break;
      case 38: // &
      case 124: // |
        if (text.charCodeAt(i + 1) !== c) unsupported('bitwise operator');
        symbol(BINARY_OP, 2);
        break;
      case 58: // :
        if (text.charCodeAt(i + 1) === 58) symbol(DOUBLE_COLON, 2);
        else symbol(COLON, 1);
        break;
      case 46: // .
        if (text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46) symbol(ELLIPSIS, 3);
        else symbol(DOT, 1);
        break;
      case 123:
        braces++;
        symbol(OBRACE, 1);
        break;
      case 125:
        if (mode.interp === braces && braces > 0) {
          symbol(SEQ_END, 1);
          modes.pop();
        } else {
          if (braces === 0) unsupported('unbalanced }');
          symbol(CBRACE, 1);
        }
        braces--;
        break;
      default:
        if (SINGLE[c]) symbol(SINGLE[c]!, 1);
        else if (isDigit(c)) {
          // A number is digits, `.`s and exponents (e5, E-5) that does not end in `.`: `1.x` is 1, then .x
          let j = i + 1;
          let end = j;
          for (;;) {
            const d = text.charCodeAt(j);
            if (isDigit(d)) end = ++j;
            else if (d === 46) j++;
            else if (d === 101 || d === 69) {
              const k = text.charCodeAt(j + 1) === 43 || text.charCodeAt(j + 1) === 45 ? j + 2 : j + 1;
              if (!isDigit(text.charCodeAt(k))) break;
              end = j = k + 1;
            } else break;
          }
          symbol(NUMBER, end - i);
        } else if (IDENT_CHARS[c] === 2) {
          let j = i + 1;
          while (IDENT_CHARS[text.charCodeAt(j)]! > 0) j++; // past the end, NaN indexes nothing
          if (text.charCodeAt(j) >= 0x80) unsupported('non-ASCII identifier');
          symbol(IDENT, j - i);
        } else unsupported(`character ${JSON.stringify(text[i])}`);
    }
  }
  if (modes.length > 1) unsupported('unterminated string, heredoc or template sequence');
  push(EOF, n, n);
}

// Expression trees, kept only as far as the conversion needs: every node knows its source range [s, e).
type Node = { s: number; e: number } & (
  | { k: 'num' | 'null' | 'trav' | 'other' } // trav: a plain reference like a.b[0]; other: anything rendered as "${…}"
  | { k: 'bool'; v: boolean }
  | { k: 'str'; v: string } // literal text inside a template
  | { k: 'template'; parts: Node[] }
  | { k: 'wrap'; inner: Node } // "${x}": a template that is one interpolation and nothing else
  | { k: 'tuple'; items: Node[] }
  | { k: 'object'; items: Node[] } // key, value, key, value…
  | { k: 'unary'; negate: boolean; operand: Node }
  | { k: 'cond'; cond: Node; yes: Node; no: Node }
);

type Block = { type: string; labels: string[]; body: Record<string, unknown> };

const NUMBER_SYNTAX = /^(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** hclsyntax's recursive-descent parser over the scanned tokens, converting each body as it is completed. */
class Parser {
  private pos = 0;
  private newlines = true; // whether newlines are tokens here (they are in bodies and objects, not in brackets)
  private lastStart = 0;
  private lastEnd = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    /**
     * Whether keys may hold characters beyond U+FFFF, which compare differently in UTF-16 and in UTF-8: the text has
     * some, or a `\U` escape made one (before any key holding it is sorted).
     */
    private astral: boolean,
  ) {}

  parseFile(): Record<string, unknown> {
    return this.parseBody(EOF);
  }

  /** Index of the next token the grammar sees: comments are skipped, and newlines too where they do not count. */
  private next(): number {
    let i = this.pos;
    for (;;) {
      const k = kinds[i]!;
      if (k === COMMENT || ((k === NEWLINE || k === LINE_COMMENT) && !this.newlines)) i++;
      else return i;
    }
  }

  private peek(): number {
    const k = kinds[this.next()]!;
    return k === LINE_COMMENT ? NEWLINE : k;
  }

  private read(): number {
    const i = this.next();
    const k = kinds[i]!;
    if (k !== EOF) this.pos = i + 1;
    this.lastStart = starts[i]!;
    this.lastEnd = ends[i]!;
    return k === LINE_COMMENT ? NEWLINE : k;
  }

  private expect(kind: number, what: string): void {
    if (this.read() !== kind) unsupported(`expected ${what}`);
  }

  private lastText(): string {
    return this.text.slice(this.lastStart, this.lastEnd);
  }

  private atKeyword(word: string): boolean {
    const i = this.next();
    return kinds[i] === IDENT && ends[i]! - starts[i]! === word.length && this.text.startsWith(word, starts[i]!);
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) unsupported('nested too deeply');
  }

  // ---- bodies -------------------------------------------------------------------------------------------------------

  private parseBody(end: number): Record<string, unknown> {
    this.enter();
    const names: string[] = [];
    const values: unknown[] = [];
    const blocks: Block[] = [];
    for (;;) {
      const k = this.peek();
      if (k === end) {
        this.read();
        break;
      }
      if (k === NEWLINE) {
        this.read();
        continue;
      }
      if (k !== IDENT) unsupported('expected an argument or block');
      this.read();
      const name = this.lastText();
      const after = this.peek();
      if (after === EQUAL) {
        this.read();
        const expr = this.parseExpression();
        const eol = this.peek();
        if (eol !== NEWLINE && eol !== EOF) unsupported('missing newline after argument');
        this.read();
        names.push(name);
        values.push(this.value(expr));
      } else if (after === OQUOTE || after === OBRACE || after === IDENT) blocks.push(this.parseBlock(name));
      else unsupported('expected "=" or a block');
    }
    this.depth--;
    return this.bodyValue(names, values, blocks);
  }

  private parseBlock(type: string): Block {
    const labels: string[] = [];
    for (;;) {
      const k = this.peek();
      if (k === OBRACE) break;
      if (k === OQUOTE) labels.push(this.parseLabel());
      else if (k === IDENT) {
        this.read();
        labels.push(this.lastText());
      } else unsupported('invalid block header');
    }
    this.read();
    let body: Record<string, unknown>;
    const k = this.peek();
    if (k === NEWLINE || k === EOF || k === CBRACE) body = this.parseBody(CBRACE);
    else {
      // Single-line block: `name { argument = value }`
      this.expect(IDENT, 'an argument');
      const name = this.lastText();
      this.expect(EQUAL, '"="');
      const attr = this.parseExpression();
      this.expect(CBRACE, '"}" closing a single-line block');
      body = this.bodyValue([name], [this.value(attr)], []);
    }
    const eol = this.peek();
    if (eol !== NEWLINE && eol !== EOF) unsupported('missing newline after block');
    this.read();
    return { type, labels, body };
  }

  /** A quoted block label: escapes are decoded, but the text is neither normalised nor re-escaped. */
  private parseLabel(): string {
    this.read();
    let label = '';
    for (let k = this.read(); k !== CQUOTE; k = this.read()) {
      if (k !== QUOTED_LIT) unsupported('invalid block label');
      label += this.decode(this.lastStart, this.lastEnd, true);
    }
    return label;
  }

  // ---- expressions --------------------------------------------------------------------------------------------------

  private parseExpression(): Node {
    this.enter();
    let node = this.parseBinary();
    if (this.peek() === QUESTION) {
      this.read();
      const yes = this.parseExpression();
      this.expect(COLON, '":" in a conditional');
      const no = this.parseExpression();
      node = { k: 'cond', s: node.s, e: this.lastEnd, cond: node, yes, no };
    }
    this.depth--;
    return node;
  }

  /** Operands joined by binary operators. Precedence does not matter: a binary expression is rendered whole. */
  private parseBinary(): Node {
    const first = this.parseOperand();
    let k = this.peek();
    if (k !== BINARY_OP && k !== STAR && k !== MINUS) return first;
    do {
      this.read();
      this.parseOperand();
      k = this.peek();
    } while (k === BINARY_OP || k === STAR || k === MINUS);
    return { k: 'other', s: first.s, e: this.lastEnd };
  }

  private parseOperand(): Node {
    return this.parseTraversals(this.parseTerm());
  }

  private parseTerm(): Node {
    this.enter();
    const k = this.read();
    const s = this.lastStart;
    let node: Node;
    switch (k) {
      case OPAREN: {
        const saved = this.newlines;
        this.newlines = false;
        this.parseExpression();
        this.expect(CPAREN, '")"');
        this.newlines = saved;
        node = { k: 'other', s, e: this.lastEnd };
        break;
      }
      case NUMBER:
        checkNumber(this.lastText());
        node = { k: 'num', s, e: this.lastEnd };
        break;
      case IDENT: {
        const e = this.lastEnd;
        const word = this.lastText();
        const after = this.peek();
        if (after === OPAREN || after === DOUBLE_COLON) node = this.finishCall(s);
        else if (word === 'true' || word === 'false') node = { k: 'bool', v: word === 'true', s, e };
        else node = { k: word === 'null' ? 'null' : 'trav', s, e };
        break;
      }
      case OQUOTE:
        node = this.finishTemplate(s, CQUOTE, false);
        break;
      case OHEREDOC:
        node = this.finishTemplate(s, CHEREDOC, this.text.charCodeAt(s + 2) === 45);
        break;
      case MINUS:
      case BANG: {
        const operand = this.parseOperand();
        node = { k: 'unary', negate: k === MINUS, operand, s, e: this.lastEnd };
        break;
      }
      case OBRACK:
        node = this.finishTuple(s);
        break;
      case OBRACE:
        node = this.finishObject(s);
        break;
      default:
        unsupported('expected an expression');
    }
    this.depth--;
    return node;
  }

  private finishCall(s: number): Node {
    let k = this.read();
    while (k === DOUBLE_COLON) {
      this.expect(IDENT, 'a function name');
      k = this.read();
    }
    if (k !== OPAREN) unsupported('expected "("');
    const saved = this.newlines;
    this.newlines = false;
    if (this.peek() === CPAREN) this.read();
    else
      for (;;) {
        this.parseExpression();
        const sep = this.read();
        if (sep === CPAREN) break;
        if (sep === ELLIPSIS) {
          this.expect(CPAREN, '")" after "..."');
          break;
        }
        if (sep !== COMMA) unsupported('expected "," between arguments');
        if (this.peek() === CPAREN) {
          this.read();
          break;
        }
      }
    this.newlines = saved;
    return { k: 'other', s, e: this.lastEnd };
  }

  private finishTuple(s: number): Node {
    const saved = this.newlines;
    this.newlines = false;
    let node: Node;
    if (this.atKeyword('for')) node = this.finishFor(s, CBRACK);
    else {
      const items: Node[] = [];
      for (;;) {
        if (this.peek() === CBRACK) {
          this.read();
          break;
        }
        items.push(this.parseExpression());
        const k = this.read();
        if (k === CBRACK) break;
        if (k !== COMMA) unsupported('expected "," between items');
      }
      node = { k: 'tuple', items, s, e: this.lastEnd };
    }
    this.newlines = saved;
    return node;
  }

  private finishObject(s: number): Node {
    const saved = this.newlines;
    this.newlines = false; // `{ for` is looked for across newlines
    const isFor = this.atKeyword('for');
    if (isFor) {
      const node = this.finishFor(s, CBRACE);
      this.newlines = saved;
      return node;
    }
    this.newlines = true;
    const items: Node[] = [];
    for (;;) {
      const k = this.peek();
      if (k === NEWLINE) {
        this.read();
        continue;
      }
      if (k === CBRACE) {
        this.read();
        break;
      }
      items.push(this.parseExpression());
      const sep = this.read();
      if (sep !== EQUAL && sep !== COLON) unsupported('expected "=" after an object key');
      items.push(this.parseExpression());
      const after = this.read();
      if (after === CBRACE) break;
      if (after !== COMMA && after !== NEWLINE) unsupported('expected "," or a newline between object items');
    }
    this.newlines = saved;
    return { k: 'object', items, s, e: this.lastEnd };
  }

  private finishFor(s: number, close: number): Node {
    const saved = this.newlines;
    this.newlines = false;
    this.read(); // for
    this.expect(IDENT, 'a variable name');
    if (this.peek() === COMMA) {
      this.read();
      this.expect(IDENT, 'a variable name');
    }
    if (!this.atKeyword('in')) unsupported('expected "in"');
    this.read();
    this.parseExpression();
    this.expect(COLON, '":"');
    this.parseExpression();
    let hasKey = false;
    if (this.peek() === FAT_ARROW) {
      this.read();
      this.parseExpression();
      hasKey = true;
    }
    let grouped = false;
    if (this.peek() === ELLIPSIS) {
      this.read();
      grouped = true;
    }
    if (this.atKeyword('if')) {
      this.read();
      this.parseExpression();
    }
    this.expect(close, 'the end of the for expression');
    if (close === CBRACK ? hasKey || grouped : !hasKey) unsupported('invalid for expression');
    this.newlines = saved;
    return { k: 'other', s, e: this.lastEnd };
  }

  /** `.name`, `.0`, `[key]`, `.*` and `[*]` after a term. Only name and literal-index steps keep a plain reference. */
  private parseTraversals(from: Node): Node {
    let plain = from.k === 'trav';
    let steps = 0;
    for (;; steps++) {
      const k = this.peek();
      if (k === DOT) {
        this.read();
        const step = this.read();
        if (step === NUMBER) this.legacyIndex();
        else if (step === STAR) {
          plain = false;
          while (this.peek() === DOT) {
            this.read();
            const attr = this.read();
            if (attr === NUMBER) this.legacyIndex();
            else if (attr !== IDENT) unsupported('invalid attribute in a splat');
          }
        } else if (step !== IDENT) unsupported('expected an attribute name');
      } else if (k === OBRACK) {
        this.read();
        if (this.peek() === STAR) {
          this.read();
          this.expect(CBRACK, '"]" after "[*"');
          plain = false;
        } else {
          const saved = this.newlines;
          this.newlines = false;
          const key = this.parseExpression();
          this.expect(CBRACK, '"]"');
          this.newlines = saved;
          const literal =
            key.k === 'num' || key.k === 'bool' || key.k === 'null' ||
            (key.k === 'template' && key.parts.length === 1 && key.parts[0]!.k === 'str');
          if (!literal) plain = false;
        }
      } else break;
    }
    if (steps === 0) return from;
    return { k: plain ? 'trav' : 'other', s: from.s, e: this.lastEnd };
  }

  /** `a.0`: a number used as an attribute; `a.0.1` (one number token) is an error. */
  private legacyIndex(): void {
    const raw = this.lastText();
    if (raw.includes('.')) unsupported('chained legacy index');
    checkNumber(raw);
  }

  /** The parts of a quoted string or heredoc, after the opening token, up to the `close` token. */
  private finishTemplate(s: number, close: number, flush: boolean): Node {
    const parts: (string | Node)[] = [];
    for (let k = this.read(); k !== close; k = this.read()) {
      if (k === QUOTED_LIT || k === HEREDOC_LIT) parts.push(this.decode(this.lastStart, this.lastEnd, k === QUOTED_LIT));
      else if (k === INTERP) {
        const saved = this.newlines;
        this.newlines = false;
        parts.push(this.parseExpression());
        this.expect(SEQ_END, '"}" closing "${"');
        this.newlines = saved;
      } else unsupported('unterminated template');
    }
    if (parts.length === 0) parts.push('');
    if (flush) flushHeredoc(parts);
    // Adjacent literal texts merge into one part, normalised as a whole.
    const merged: Node[] = [];
    let pending: string | undefined;
    for (const part of parts) {
      if (typeof part === 'string') pending = (pending ?? '') + part;
      else {
        if (pending !== undefined) merged.push(literalPart(pending));
        pending = undefined;
        merged.push(part);
      }
    }
    if (pending !== undefined) merged.push(literalPart(pending));
    const e = this.lastEnd;
    if (merged.length === 1 && merged[0]!.k !== 'str') return { k: 'wrap', inner: merged[0]!, s, e };
    return { k: 'template', parts: merged, s, e };
  }

  /** The text of a literal token: `$${` and `%%{` unescaped, and in quoted strings the backslash escapes. */
  private decode(start: number, end: number, quoted: boolean): string {
    const text = this.text;
    let out = '';
    let from = start;
    for (let i = start; i < end; ) {
      const c = text.charCodeAt(i);
      if (c === 92 && quoted) {
        out += text.slice(from, i);
        const sel = text[i + 1];
        const simple = sel === 'n' ? '\n' : sel === 'r' ? '\r' : sel === 't' ? '\t' : sel === '"' || sel === '\\' ? sel : undefined;
        if (simple !== undefined) {
          out += simple;
          i += 2;
        } else if (sel === 'u' || sel === 'U') {
          const digits = sel === 'u' ? 4 : 8;
          const hex = text.slice(i + 2, Math.min(i + 2 + digits, end));
          if (!/^[0-9A-Fa-f]*$/.test(hex) || hex.length !== digits) unsupported('invalid unicode escape');
          const cp = parseInt(hex, 16);
          if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) unsupported('invalid unicode escape');
          out += String.fromCodePoint(cp);
          if (cp > 0xffff) this.astral = true;
          i += 2 + digits;
        } else unsupported('invalid escape sequence');
        from = i;
      } else if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 123) {
        out += text.slice(from, i + 1) + '{';
        i += 3;
        from = i;
      } else i++;
    }
    return out + text.slice(from, end);
  }

  // ---- conversion, as tmccombs/hcl2json's converter does it ----------------------------------------------------------

  private bodyValue(names: string[], values: unknown[], blocks: Block[]): Record<string, unknown> {
    this.sortPairs(names, values);
    for (let i = 1; i < names.length; i++) if (names[i] === names[i - 1]) unsupported('argument redefined');
    if (blocks.length === 0) return objectOf(names, values);
    // Blocks nest by type, then by each label; arguments come after them and replace a block of the same name.
    const tree = new Map<string, unknown>();
    for (const { type, labels, body } of blocks) {
      let level = tree;
      let key = type;
      for (const label of labels) {
        let next = level.get(key);
        if (next === undefined) level.set(key, (next = new Map<string, unknown>()));
        else if (!(next instanceof Map)) unsupported('blocks with and without labels');
        level = next as Map<string, unknown>;
        key = label;
      }
      const list = level.get(key);
      if (list === undefined) level.set(key, [body]);
      else if (Array.isArray(list)) list.push(body);
      else unsupported('blocks with and without labels');
    }
    names.forEach((name, i) => tree.set(name, values[i]));
    return this.treeObject(tree);
  }

  private treeObject(tree: Map<string, unknown>): Record<string, unknown> {
    const keys: string[] = [];
    const values: unknown[] = [];
    for (const [key, v] of tree) {
      keys.push(key);
      values.push(v instanceof Map ? this.treeObject(v as Map<string, unknown>) : v);
    }
    this.sortPairs(keys, values);
    return objectOf(keys, values, true);
  }

  /**
   * Sorts keys, and their values alongside, into Go's order (encoding/json sorts map keys by UTF-8 bytes, that is by
   * code point). Stable, so of two equal keys the later stays later and wins in objectOf.
   */
  private sortPairs(keys: string[], values: unknown[]): void {
    const n = keys.length;
    if (n < 2) return;
    // Comparing strings with < goes by UTF-16 unit, which is code point order unless characters beyond U+FFFF occur.
    if (n > 32 || this.astral) {
      const order = keys.map((_, i) => i).sort((a, b) => compareCodePoints(keys[a]!, keys[b]!) || a - b);
      const [k, v] = [order.map((i) => keys[i]!), order.map((i) => values[i])];
      for (let i = 0; i < n; i++) [keys[i], values[i]] = [k[i]!, v[i]];
      return;
    }
    for (let i = 1; i < n; i++) {
      const key = keys[i]!;
      const value = values[i];
      let j = i - 1;
      for (; j >= 0 && keys[j]! > key; j--) {
        keys[j + 1] = keys[j]!;
        values[j + 1] = values[j];
      }
      keys[j + 1] = key;
      values[j + 1] = value;
    }
  }

  private value(node: Node): unknown {
    switch (node.k) {
      case 'num':
        return Number(this.source(node));
      case 'bool':
        return node.v;
      case 'null':
        return null;
      case 'unary': {
        const { operand } = node;
        if (operand.k === 'num' && node.negate) return -Number(this.source(operand));
        if (operand.k === 'bool' && !node.negate) return !operand.v;
        if (operand.k === 'num' || operand.k === 'bool' || operand.k === 'null') unsupported('operator on an unsuitable literal');
        return this.wrap(node);
      }
      case 'template':
        return this.templateText(node.parts);
      case 'wrap':
        return this.value(node.inner);
      case 'tuple':
        return node.items.map((item) => this.value(item));
      case 'object': {
        const keys: string[] = [];
        const values: unknown[] = [];
        for (let i = 0; i < node.items.length; i += 2) {
          keys.push(this.key(node.items[i]!));
          values.push(this.value(node.items[i + 1]!));
        }
        this.sortPairs(keys, values);
        return objectOf(keys, values);
      }
      default:
        return this.wrap(node);
    }
  }

  /** An object key: a plain reference is its source text, anything else renders as a template part. */
  private key(node: Node): string {
    return node.k === 'trav' ? this.source(node) : this.part(node);
  }

  private templateText(parts: Node[]): string {
    let out = '';
    for (const part of parts) out += this.part(part);
    return out;
  }

  /** One part of a template rendered as text; a conditional becomes a `%{if}` directive. */
  private part(node: Node): string {
    switch (node.k) {
      case 'str':
        return node.v.includes('{') ? node.v.replace(/([$%])\{/g, '$1$1{') : node.v;
      case 'num':
        return decimalText(this.source(node));
      case 'bool':
        return String(node.v);
      case 'null':
        return 'null';
      case 'template':
        return this.templateText(node.parts);
      case 'wrap':
        return this.part(node.inner);
      case 'cond': {
        const no = this.part(node.no);
        return `%{if ${this.source(node.cond)}}${this.part(node.yes)}${no ? `%{else}${no}` : ''}%{endif}`;
      }
      default:
        return this.wrap(node);
    }
  }

  private source(node: Node): string {
    return this.text.slice(node.s, node.e);
  }

  private wrap(node: Node): string {
    return '${' + this.source(node) + '}';
  }
}

function literalPart(text: string): Node {
  // cty strings are NFC-normalised.
  return { k: 'str', v: /[^\x00-\x7f]/.test(text) ? text.normalize('NFC') : text, s: 0, e: 0 };
}

/**
 * `<<-` heredocs: the smallest indentation of the lines (counting a line that starts with an interpolation as 0, and
 * skipping blank lines) is removed from every line that starts with text. Works on the scanner's literal tokens, one
 * per line or per piece of a line between interpolations, as hclsyntax does.
 */
function flushHeredoc(parts: (string | Node)[]): void {
  let min = Infinity;
  let lineStart = true;
  const adjust: number[] = [];
  parts.forEach((part, i) => {
    if (lineStart) {
      lineStart = false;
      let spaces = 0;
      if (typeof part === 'string') {
        let lead = 0;
        while (lead < part.length && isGoSpace(part.charCodeAt(lead))) lead++;
        if (lead === part.length && part.endsWith('\n')) spaces = Infinity;
        else {
          for (let j = 0; j < lead; j++) if (part.charCodeAt(j) >= 0x80) unsupported('non-ASCII indentation');
          spaces = lead;
          adjust.push(i);
        }
      }
      min = Math.min(min, spaces);
    }
    if (typeof part === 'string' && part.endsWith('\n')) lineStart = true;
  });
  for (const i of adjust) parts[i] = (parts[i] as string).slice(min);
}

/** Numbers we reproduce exactly: plain decimal syntax of modest size (hcl2json keeps 512 bits; a double keeps less). */
function checkNumber(raw: string): void {
  const m = NUMBER_SYNTAX.exec(raw);
  if (!m || m[1]!.length + (m[2]?.length ?? 0) > 100 || Math.abs(Number(m[3] ?? 0)) > 300) unsupported(`number ${raw}`);
}

/** A number as cty writes it into a string: exact plain decimal, no exponent, no redundant zeros. */
function decimalText(raw: string): string {
  const m = NUMBER_SYNTAX.exec(raw)!;
  const digits = m[1]! + (m[2] ?? '');
  const point = m[1]!.length + Number(m[3] ?? 0);
  let int: string;
  let frac: string;
  if (point <= 0) [int, frac] = ['0', '0'.repeat(-point) + digits];
  else if (point >= digits.length) [int, frac] = [digits + '0'.repeat(point - digits.length), ''];
  else [int, frac] = [digits.slice(0, point), digits.slice(point)];
  int = int.replace(/^0+(?=\d)/, '');
  let fracEnd = frac.length;
  while (frac[fracEnd - 1] === '0') fracEnd--;
  return fracEnd ? `${int}.${frac.slice(0, fracEnd)}` : int;
}

/** Placeholder properties that put an object in dictionary mode; see objectOf. */
const SLOW_A = Symbol();
const SLOW_B = Symbol();

/**
 * An object from sorted keys; of equal keys the last one's value stays. Block label levels are keyed by names that
 * rarely repeat (resource names), for which V8 builds a dictionary-mode object faster than it makes a new hidden class
 * per object: deleting a property other than the last one added switches an object to dictionary mode.
 */
function objectOf(keys: string[], values: unknown[], dictionary = false): Record<string, unknown> {
  const out: Record<string | symbol, unknown> = {};
  if (dictionary) {
    out[SLOW_A] = out[SLOW_B] = 0;
    delete out[SLOW_A];
  }
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] === '__proto__') unsupported('__proto__ key');
    out[keys[i]!] = values[i];
  }
  if (dictionary) delete out[SLOW_B];
  return out;
}

function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x >= 0xd800 && y >= 0xd800 ? a.codePointAt(i)! - b.codePointAt(i)! : x - y;
  }
  return a.length - b.length;
}

/** Parses HCL native syntax to the value `parse(filename, text)` of @cdktf/hcl2json returns, or throws HclUnsupported. */
export function parseHclNative(text: string): Record<string, unknown> {
  // The WebAssembly side receives the text as UTF-8, where a lone surrogate becomes U+FFFD.
  const astral = /[\ud800-\udfff]/.test(text);
  if (astral && /\p{Cs}/u.test(text)) unsupported('lone surrogate');
  scan(text);
  return new Parser(text, astral).parseFile();
}
