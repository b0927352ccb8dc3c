// String-literal bindings and environment reads of JS/TS files, read off the TypeScript scanner's token stream (ts-morph's
// bundled `ts`): no syntax tree, which costs several times the scan. Used by the engine (which variable holds a value)
// and by code uses (which variables a script reads).
import { typescript } from '../core/lazy-deps.js';
import type { SourceFile } from '../core/types.js';
import type { Assignment } from './assignment.js';

/** What TS/JS analysis also yields: reads of environment variables and hosts the code talks to. */
export interface CodeFacts {
  assignments: Assignment[];
  envReads: Array<{ name: string; index: number }>;
}

const codeCache = new WeakMap<SourceFile, CodeFacts>();

/**
 * String-literal bindings and environment reads of a JS/TS file, read off the TypeScript scanner's token stream
 * (no syntax tree: the parser costs several times the scan). Bindings are what the parser would give as a variable
 * declaration, property assignment, `=` expression or class property whose whole initialiser is one string literal:
 * `name = 'v'`, `name: 'v'`, `obj.name = 'v'`, `obj['name'] = 'v'`, `#name = 'v'`. Parameter defaults, destructuring
 * defaults, enum members, type literals and JSX attributes are not bindings. Reads are `process.env.X`,
 * `process.env['X']` and `import.meta.env.X`, optional chaining included.
 */
export function codeFacts(file: SourceFile): CodeFacts {
  const cached = codeCache.get(file);
  if (cached) return cached;
  if (!ts) loadKinds();
  const variant = /\.[cm]?ts$/i.test(file.path) ? TS : /\.tsx$/i.test(file.path) ? TSX : JS;
  const result = scanFacts(file.text, variant);
  codeCache.set(file, result);
  return result;
}

// ---- token-level scan --------------------------------------------------------------------------------------
// The state below is module-level for speed; scanFacts is synchronous and not re-entrant.

let ts: typeof import('ts-morph').ts;
let K: typeof ts.SyntaxKind;
let scanner: import('ts-morph').ts.Scanner;
/** File flavours: TS has type syntax and no JSX, TSX both, JS (any .js/.jsx/.mjs/.cjs) JSX only, as the parser. */
const TS = 0;
const TSX = 1;
const JS = 2;

// Token kinds used in the hot loop, as plain numbers (set by loadKinds).
let EOF = 0;
let IDENT = 0;
let PRIVATE = 0;
let STRING = 0;
let NUMERIC = 0;
let NOSUB = 0;
let T_HEAD = 0;
let T_TAIL = 0;
let O_BRACE = 0;
let C_BRACE = 0;
let O_PAREN = 0;
let C_PAREN = 0;
let O_BRACKET = 0;
let C_BRACKET = 0;
let DOT = 0;
let QDOT = 0;
let SEMI = 0;
let COMMA = 0;
let LT = 0;
let LTLT = 0;
let GT = 0;
let LT_SLASH = 0;
let SLASH = 0;
let SLASH_EQ = 0;
let ARROW = 0;
let EQ = 0;
let QUESTION = 0;
let COLON = 0;
let BANG = 0;
let STAR = 0;
let BAR = 0;
let AMP = 0;
let MINUS = 0;
let AT = 0;
let DOTS = 0;

// Pseudo kinds for what the previous "token" was when it stood for more than one token.
const NONE = 0; // SyntaxKind.Unknown, the first member in every version
/** End of a type annotation or `as`/`satisfies` type. */
let TYPE_END = 0;
/** `}` that closed a block, class, enum or function body (a statement may follow). */
let BLOCK_END = 0;
/** End of a JSX element. */
let JSX_END = 0;

// Per-kind flags.
const F_EXPR_END = 1; // an expression can end with this token: a following `/` divides, `{` opens a block
const F_CONT = 2; // after a literal: the literal is only part of a larger expression
const F_CONT_SAME_LINE = 4; // as F_CONT, unless on a new line (`!`, `++`, `as`, ...)
const F_NAME = 8; // identifier, keyword or private name: can name a binding or property
const F_VALUE = 16; // scanner's token value is wanted (names and strings)
const F_IDENT_EXPR = 32; // can be an identifier expression (identifier or non-reserved keyword)
const F_TYPE_START = 64; // a type can start with this token (besides punctuation handled apart)
let FLAGS: Uint8Array;
const is = (kind: number, flag: number): boolean => (FLAGS[kind]! & flag) !== 0;

/** Tokens that, after `foo<...>`, make the angle brackets type arguments (the parser's rule, simplified). */
let AFTER_TYPE_ARGS: Set<number>;
/** Tokens that cannot appear at the top level of type arguments: `a < b && c > d` is a comparison. */
let NOT_IN_TYPE_ARGS: Set<number>;
let MODIFIERS: Set<number>;

/** Reads the token kinds off the TypeScript compiler, loaded here on the first JS/TS file (not at start-up). */
function loadKinds(): void {
  ts = typescript();
  K = ts.SyntaxKind;
  scanner = ts.createScanner(ts.ScriptTarget.Latest, true);
  EOF = K.EndOfFileToken;
  IDENT = K.Identifier;
  PRIVATE = K.PrivateIdentifier;
  STRING = K.StringLiteral;
  NUMERIC = K.NumericLiteral;
  NOSUB = K.NoSubstitutionTemplateLiteral;
  T_HEAD = K.TemplateHead;
  T_TAIL = K.TemplateTail;
  O_BRACE = K.OpenBraceToken;
  C_BRACE = K.CloseBraceToken;
  O_PAREN = K.OpenParenToken;
  C_PAREN = K.CloseParenToken;
  O_BRACKET = K.OpenBracketToken;
  C_BRACKET = K.CloseBracketToken;
  DOT = K.DotToken;
  QDOT = K.QuestionDotToken;
  SEMI = K.SemicolonToken;
  COMMA = K.CommaToken;
  LT = K.LessThanToken;
  LTLT = K.LessThanLessThanToken;
  GT = K.GreaterThanToken;
  LT_SLASH = K.LessThanSlashToken;
  SLASH = K.SlashToken;
  SLASH_EQ = K.SlashEqualsToken;
  ARROW = K.EqualsGreaterThanToken;
  EQ = K.EqualsToken;
  QUESTION = K.QuestionToken;
  COLON = K.ColonToken;
  BANG = K.ExclamationToken;
  STAR = K.AsteriskToken;
  BAR = K.BarToken;
  AMP = K.AmpersandToken;
  MINUS = K.MinusToken;
  AT = K.AtToken;
  DOTS = K.DotDotDotToken;
  TYPE_END = K.TypeReference;
  BLOCK_END = K.Block;
  JSX_END = K.JsxElement;
  FLAGS = new Uint8Array(K.Count + 1);
  {
    const set = (flag: number, ...kinds: number[]) => kinds.forEach((k) => (FLAGS[k]! |= flag));
    for (let k = K.FirstKeyword; k <= K.LastKeyword; k++) set(F_NAME | F_VALUE, k);
    for (let k = K.FirstFutureReservedWord; k <= K.LastKeyword; k++) set(F_IDENT_EXPR | F_EXPR_END | F_TYPE_START, k);
    set(F_NAME | F_VALUE | F_IDENT_EXPR | F_EXPR_END | F_TYPE_START, IDENT);
    set(F_NAME | F_VALUE | F_EXPR_END, PRIVATE);
    // Keywords that can be names but after which an expression starts, not ends.
    for (const k of [K.LetKeyword, K.AwaitKeyword, K.YieldKeyword, K.OfKeyword, K.AsKeyword, K.SatisfiesKeyword, K.IsKeyword,
      K.KeyOfKeyword, K.InferKeyword, K.UniqueKeyword, K.AssertsKeyword]) FLAGS[k]! &= ~F_EXPR_END;
    set(F_VALUE, STRING, NOSUB);
    set(F_EXPR_END, STRING, NUMERIC, K.BigIntLiteral, K.RegularExpressionLiteral, NOSUB, T_TAIL, C_PAREN, C_BRACKET,
      C_BRACE, K.PlusPlusToken, K.MinusMinusToken, TYPE_END, JSX_END);
    set(F_EXPR_END | F_TYPE_START, K.ThisKeyword, K.NullKeyword, K.TrueKeyword, K.FalseKeyword);
    set(F_EXPR_END, K.SuperKeyword);
    set(F_TYPE_START, K.VoidKeyword, STRING, NUMERIC, K.BigIntLiteral, NOSUB);
    for (let k = K.FirstBinaryOperator; k <= K.LastBinaryOperator; k++) set(F_CONT, k);
    for (const k of [ARROW, COLON, AT, K.TildeToken, K.HashToken, K.BacktickToken, LT_SLASH]) FLAGS[k]! &= ~F_CONT;
    for (const k of [BANG, K.PlusPlusToken, K.MinusMinusToken]) {
      FLAGS[k]! &= ~F_CONT;
      set(F_CONT_SAME_LINE, k);
    }
    set(F_CONT, DOT, QDOT, O_PAREN, O_BRACKET, T_HEAD, NOSUB, K.InKeyword, K.InstanceOfKeyword);
    set(F_CONT_SAME_LINE, K.AsKeyword, K.SatisfiesKeyword);
  }
  AFTER_TYPE_ARGS = new Set<number>([O_PAREN, NOSUB, T_HEAD, SEMI, C_PAREN, C_BRACKET, C_BRACE, COMMA, DOT, QDOT,
    COLON, EQ, K.EqualsEqualsToken, K.EqualsEqualsEqualsToken, K.ExclamationEqualsToken, K.ExclamationEqualsEqualsToken,
    K.AmpersandAmpersandToken, K.BarBarToken, K.QuestionQuestionToken, QUESTION, BAR, AMP, K.CaretToken, EOF]);
  NOT_IN_TYPE_ARGS = new Set<number>([SEMI, EQ, K.AmpersandAmpersandToken, K.BarBarToken, K.PlusToken, STAR,
    SLASH, K.PercentToken, K.EqualsEqualsToken, K.EqualsEqualsEqualsToken, K.ExclamationEqualsToken,
    K.ExclamationEqualsEqualsToken, K.QuestionQuestionToken, BANG, K.PlusPlusToken, K.MinusMinusToken]);
  MODIFIERS = new Set<number>([K.GetKeyword, K.SetKeyword, K.AsyncKeyword, K.StaticKeyword, K.ReadonlyKeyword,
    K.PublicKeyword, K.PrivateKeyword, K.ProtectedKeyword, K.AbstractKeyword, K.OverrideKeyword, K.DeclareKeyword,
    K.AccessorKeyword]);
}

// Frame kinds: what an open bracket is.
const BLOCK = 0;
const OBJECT = 1;
const CLASS = 2;
const ENUM = 3;
const PAREN = 4;
const BRACKET = 5;
const TEMPLATE = 6;
const JSX_EXPR = 7;
// Parenthesis roles.
const P_EXPR = 0; // call arguments, condition, parenthesised expression
const P_PARAMS = 1; // parameter list
const P_OPEN = 2; // `(...)` that may still turn out to be arrow-function parameters
// Element-access chain states inside `[...]` (to name `obj[a.b]` as the parser's nameOf would).
const C_START = 0;
const C_CHAIN = 1;
const C_DEAD = 2;
const C_MEMBER = 3;

interface Frame {
  kind: number;
  /** Open `?` of conditional expressions at this level. */
  q: number;
  /** Inside `var`/`let`/`const` declarations at this level. */
  inDecl: boolean;
  /** Between `case` and its `:`. */
  inCase: boolean;
  /** `=` here gives a parameter or destructuring default, not an assignment. */
  suppress: boolean;
  /** The undecided parenthesis whose role decides whether `=` here assigns. */
  defer: Frame | null;
  paren: number;
  deferred: Assignment[] | null;
  /** `[` follows an expression: element access (not an array literal or computed name). */
  access: boolean;
  /** `[` follows `process.env`. */
  env: boolean;
  chain: number;
  chainName: string | undefined;
  first: number;
  /** The token before the opening bracket. */
  before: number;
  /** A `class` or `enum` header is open at this level: its `{` opens the body. */
  header: number;
}

const newFrame = (kind: number): Frame => ({
  kind,
  q: 0,
  inDecl: false,
  inCase: false,
  suppress: false,
  defer: null,
  paren: P_EXPR,
  deferred: null,
  access: false,
  env: false,
  chain: C_START,
  chainName: undefined,
  first: -1,
  before: NONE,
  header: NONE,
});

/** A frame with no say on bindings, for those that always count. */
const PLAIN = newFrame(BLOCK);

let variant = JS;
let facts: CodeFacts = { assignments: [], envReads: [] };
let tok = EOF;
/** The three previous significant tokens (pseudo kinds included) and the values of the last two. */
let k1 = NONE;
let k2 = NONE;
let k3 = NONE;
let v1: string | undefined;
let v2: string | undefined;
let stack: Frame[] = [];
let top: Frame = newFrame(BLOCK);
/** The frame the last closing bracket closed. */
let lastClosed: Frame = top;
/** A `)` of an undecided parenthesis was the previous token: the current one decides. */
let openParen: Frame | null = null;
/** After `=` or a property `:`: the name the next token binds if it is a string literal. */
let expectName: string | undefined;
let expectFrame: Frame = top;
/** A string literal bound to a name, waiting for the next token to show it is the whole initialiser. */
let pendName: string | undefined;
let pendValue = '';
let pendIndex = 0;
let pendFrame: Frame = top;
/** Name before a type annotation, for `name: Type = 'value'`. */
let typedName: string | undefined;
/** What the last `:` was: COLON_PROPERTY, COLON_CONDITIONAL or COLON_LABEL (label, `case`, `default`). */
let lastColon = 0;
const COLON_PROPERTY = 1;
const COLON_CONDITIONAL = 2;
const COLON_LABEL = 3;
let decorator = false;
/** `process.env` / `import.meta.env` recogniser state. */
let envState = 0;
let sorted = true;
/** Nesting of JSX elements and types, which are followed by recursion: past MAX_DEPTH the file's scan stops. */
let depth = 0;
const MAX_DEPTH = 1000;
const TOO_DEEP = new Error('nested too deeply');

function scanFacts(text: string, kind: number): CodeFacts {
  variant = kind;
  facts = { assignments: [], envReads: [] };
  scanner.setLanguageVariant(kind === TS ? ts.LanguageVariant.Standard : ts.LanguageVariant.JSX);
  scanner.setText(text);
  k1 = k2 = k3 = NONE;
  v1 = v2 = undefined;
  top = newFrame(BLOCK);
  stack = [top];
  lastClosed = top;
  openParen = null;
  expectName = pendName = typedName = undefined;
  lastColon = 0;
  decorator = false;
  envState = 0;
  sorted = true;
  depth = 0;
  tok = scanner.scan();
  try {
    exprLoop(0);
    if (pendName !== undefined) commit();
    if (openParen) resolveParen(false);
  } catch (e) {
    // What was found before the nesting got too deep stands (the parser would overflow its stack there).
    if (e !== TOO_DEEP) throw e;
  } finally {
    scanner.setText(undefined);
    stack = [];
  }
  if (!sorted) facts.assignments.sort((a, b) => a.index - b.index);
  let prev = -1;
  for (const r of facts.envReads) {
    if (r.index < prev) {
      facts.envReads.sort((a, b) => a.index - b.index);
      break;
    }
    prev = r.index;
  }
  return facts;
}

const next = (): number => (tok = scanner.scan());

function push(kind: number): Frame {
  const f = newFrame(kind);
  stack.push(f);
  top = f;
  return f;
}

/** Pops the top frame; an undecided parenthesis popped unclosed (`keep` false) counts as an expression. */
function pop(keep = false): Frame {
  const f = stack.pop()!;
  top = stack[stack.length - 1] ?? newFrame(BLOCK);
  if (!keep && f.kind === PAREN && f.paren === P_OPEN) resolveParen(false, f);
  lastClosed = f;
  // The closed bracket is one operand in the enclosing `[...]` chain.
  if (top.kind === BRACKET) {
    const c = top.chain;
    if (c === C_START || c === C_CHAIN || c === C_MEMBER) {
      if (f.kind === BRACKET && c !== C_START) top.chainName = f.chain === C_CHAIN ? f.chainName : undefined;
      else if (c === C_CHAIN && f.kind === OBJECT) top.chain = C_DEAD;
      else top.chainName = undefined;
      if (top.chain !== C_DEAD) top.chain = C_CHAIN;
    }
  }
  return f;
}

function resolveParen(params: boolean, f: Frame | null = openParen): void {
  if (!f) return;
  if (f === openParen) openParen = null;
  f.paren = params ? P_PARAMS : P_EXPR;
  const d = f.deferred;
  f.deferred = null;
  if (d && !params)
    for (const a of d) {
      addAssignment(a);
    }
}

function addAssignment(a: Assignment): void {
  const list = facts.assignments;
  if (list.length && list[list.length - 1]!.index > a.index) sorted = false;
  list.push(a);
}

function commit(): void {
  const name = pendName!;
  pendName = undefined;
  const f = pendFrame;
  if (f.suppress) return;
  const a = { name, value: pendValue, index: pendIndex };
  const d = f.defer;
  if (d) {
    if (d.paren === P_PARAMS) return;
    if (d.paren === P_OPEN) {
      (d.deferred ??= []).push(a);
      return;
    }
  }
  addAssignment(a);
}

/** `{`/`[` in a binding position inherits the enclosing pattern's or parameter list's say on `=`. */
function inheritBinding(f: Frame, parent: Frame, k: number): void {
  if (k === EQ) return;
  if (parent.kind === PAREN) {
    if (k !== O_PAREN && k !== COMMA && k !== DOTS) return;
    if (parent.paren === P_PARAMS) f.suppress = true;
    else if (parent.paren === P_OPEN) f.defer = parent;
    else if (parent.inDecl) f.suppress = true;
    return;
  }
  if ((parent.suppress || parent.defer) && (parent.kind === OBJECT || parent.kind === BRACKET)) {
    if (k === O_BRACKET || k === COMMA || k === COLON || k === DOTS || k === O_BRACE) {
      f.suppress = parent.suppress;
      f.defer = parent.defer;
    }
  }
}

/** Runs until the frame at index base-1 (a JSX expression container) is closed by its `}`, or the end. */
function exprLoop(base: number): void {
  while (tok !== EOF) {
    const start = scanner.getTokenStart();
    const nl = scanner.hasPrecedingLineBreak();
    if ((tok === SLASH || tok === SLASH_EQ) && !is(k1, F_EXPR_END)) tok = scanner.reScanSlashToken();
    // A keyword after `.` is a property name: `a.default[x]`, `o.case = ...`, `a.new / 2`.
    const t = (k1 === DOT || k1 === QDOT) && is(tok, F_NAME) ? IDENT : tok;
    const val = is(t, F_VALUE) ? scanner.getTokenValue() : undefined;

    // Decisions the previous token left to this one.
    if (pendName !== undefined) {
      if (is(t, F_CONT) || (!nl && is(t, F_CONT_SAME_LINE))) pendName = undefined;
      else commit();
    }
    if (expectName !== undefined) {
      if ((t === STRING || t === NOSUB) && val) {
        pendName = expectName;
        pendValue = val;
        pendIndex = start + 1;
        pendFrame = expectFrame;
      }
      expectName = undefined;
    }
    if (k1 === QUESTION && t !== COLON && t !== COMMA && t !== C_PAREN && t !== EQ && t !== SEMI &&
      !(t === O_PAREN && top.kind === CLASS && is(k2, F_NAME) && memberStart(k3))) top.q++;
    if (openParen) resolveParen(t === ARROW || (t === COLON && top.q === 0 && !top.inCase));

    // process.env.X, process?.env['X'], import.meta.env.X
    if (envState !== 0) envState = envStep(t, val, start);
    if (envState === 0) {
      if (t === IDENT && val === 'process' && k1 !== DOT && k1 !== QDOT) envState = 1;
      else if (t === K.ImportKeyword) envState = 11;
    }
    if (decorator && t !== DOT && !is(t, F_NAME) && t !== AT && t !== O_PAREN) decorator = false;
    if (top.kind === BRACKET) chainStep(t, val, start);

    switch (t) {
      case O_BRACE: {
        const parent = top;
        let kind: number;
        if (parent.header === CLASS || parent.header === ENUM) {
          kind = parent.header;
          parent.header = NONE;
        } else kind = braceKind(parent);
        const f = push(kind);
        if (kind === OBJECT) {
          if (k1 === K.ConstKeyword || k1 === K.LetKeyword || k1 === K.VarKeyword || (k1 === COMMA && parent.inDecl))
            f.suppress = true;
          else inheritBinding(f, parent, k1);
        }
        break;
      }
      case C_BRACE: {
        // Close up to the nearest brace-like frame (unbalanced `(`/`[` are dropped).
        let i = stack.length - 1;
        while (i >= base && (stack[i]!.kind === PAREN || stack[i]!.kind === BRACKET)) i--;
        if (i < Math.max(base - 1, 1)) break; // stray `}`
        if (stack[i]!.kind === TEMPLATE) {
          // `}` of `${`: the template goes on
          while (stack.length > i + 1) pop();
          tok = scanner.reScanTemplateToken(false);
          if (tok === T_TAIL) pop();
          shift(tok, undefined);
          next();
          continue;
        }
        let f: Frame;
        do f = pop();
        while (stack.length > i);
        if (f.kind === JSX_EXPR) return;
        shift(f.kind === OBJECT ? C_BRACE : BLOCK_END, undefined);
        next();
        continue;
      }
      case O_PAREN: {
        const parent = top;
        const f = push(PAREN);
        f.before = k1;
        f.paren = parenRole(parent);
        if (f.paren === P_PARAMS) f.suppress = true;
        else if (f.paren === P_OPEN) f.defer = f;
        decorator = false;
        break;
      }
      case C_PAREN: {
        const f = closeTo(PAREN, base);
        if (f) {
          // After `if (...)` and the like a statement starts: `/` there begins a regular expression.
          const b = f.before;
          shift(b === K.IfKeyword || b === K.WhileKeyword || b === K.ForKeyword || b === K.WithKeyword ? SEMI : t, val);
          if (f.paren === P_OPEN) openParen = f;
          next();
          continue;
        }
        break;
      }
      case O_BRACKET: {
        const parent = top;
        // `get [k]() {}`, `static [k] = ...`: a modifier before a computed member name, not `get[k]`
        const modifier = (top.kind === OBJECT || top.kind === CLASS) && MODIFIERS.has(k1) &&
          (k2 === O_BRACE || k2 === COMMA || (top.kind === CLASS && memberStart(k2)));
        const access = (is(k1, F_EXPR_END) && !modifier) || k1 === QDOT;
        const f = push(BRACKET);
        f.access = access;
        f.before = k1;
        if (envState === 3 || envState === 4) {
          f.env = true;
          envState = 0;
        }
        if (k1 === K.ConstKeyword || k1 === K.LetKeyword || k1 === K.VarKeyword || (k1 === COMMA && parent.inDecl))
          f.suppress = true;
        else if (!access) inheritBinding(f, parent, k1);
        break;
      }
      case C_BRACKET: {
        const f = closeTo(BRACKET, base);
        if (f && f.env && f.chain === C_CHAIN && f.chainName) facts.envReads.push({ name: f.chainName, index: f.first });
        break;
      }
      case T_HEAD:
        push(TEMPLATE);
        break;
      case SEMI:
        top.header = NONE;
        top.q = 0;
        top.inDecl = false;
        top.inCase = false;
        break;
      case EQ:
        // Not `{ a = 'x' }` (a shorthand property's default) nor an enum member.
        if (top.kind !== ENUM && !(top.kind === OBJECT && (k2 === O_BRACE || k2 === COMMA))) {
          const name = k1 === TYPE_END ? typedName : nameBefore();
          if (name !== undefined) {
            expectName = name;
            expectFrame = top;
          }
        }
        break;
      case COLON:
        if (colon()) continue;
        break;
      case K.AsKeyword:
      case K.SatisfiesKeyword:
        if (is(k1, F_EXPR_END) && !nl) {
          next();
          skipType();
          typedName = undefined;
          shift(TYPE_END, undefined);
          continue;
        }
        break;
      case LT:
        if (lessThan()) continue;
        break;
      case K.ConstKeyword:
      case K.LetKeyword:
      case K.VarKeyword:
        if (k1 !== DOT && k1 !== QDOT) top.inDecl = true;
        break;
      case K.CaseKeyword:
        if (top.kind === BLOCK) top.inCase = true;
        break;
      case K.ClassKeyword:
        top.header = CLASS;
        break;
      case K.EnumKeyword:
        top.header = ENUM;
        break;
      case K.ImplementsKeyword:
        if (top.header === CLASS) {
          next();
          skipType();
          while (tok === COMMA) {
            next();
            skipType();
          }
          shift(TYPE_END, undefined);
          continue;
        }
        break;
      case K.TypeKeyword:
      case K.InterfaceKeyword:
        if (typeDeclaration(t, nl)) continue;
        break;
      case AT:
        decorator = true;
        break;
    }
    // `class`/`enum` as a property name: `{ class: 'x' }`, `{ enum: [...] }`
    if (k1 === K.ClassKeyword && (t === COLON || t === EQ || t === COMMA || t === C_PAREN || t === QUESTION))
      top.header = NONE;
    if (k1 === K.EnumKeyword && !is(t, F_NAME)) top.header = NONE;
    if (nl && top.inDecl && is(k1, F_EXPR_END) && !is(t, F_CONT) && t !== COMMA && t !== K.ConstKeyword &&
      t !== K.LetKeyword && t !== K.VarKeyword) top.inDecl = false;
    shift(t, val);
    next();
  }
}

function shift(t: number, val: string | undefined): void {
  k3 = k2;
  k2 = k1;
  k1 = t;
  v2 = v1;
  v1 = val;
}

/**
 * Pops to the nearest open `kind` above the nearest brace-like frame; undefined (and nothing popped) if none within
 * 64 frames (a stray closer among thousands of open ones must not cost a walk down all of them).
 */
function closeTo(kind: number, base: number): Frame | undefined {
  for (let i = stack.length - 1, n = 0; i >= base && i > 0 && n < 64; i--, n++) {
    const f = stack[i]!;
    if (f.kind === kind) {
      while (stack.length > i + 1) pop();
      pop(true);
      return f;
    }
    if (f.kind !== PAREN && f.kind !== BRACKET) return undefined;
  }
  return undefined;
}

function braceKind(parent: Frame): number {
  const k = k1;
  if (k === K.ConstKeyword || k === K.LetKeyword || k === K.VarKeyword) return OBJECT;
  // `return` ends at a line break: what follows on the next line is a block
  if (k === K.ReturnKeyword && scanner.hasPrecedingLineBreak()) return BLOCK;
  if (k === COLON) return lastColon === COLON_LABEL ? BLOCK : OBJECT;
  if (k === O_BRACE) return parent.kind === BLOCK || parent.kind === CLASS ? BLOCK : OBJECT;
  if (k === ARROW || k === SEMI || k === NONE || k === BLOCK_END) return BLOCK;
  // `with { type: 'json' }` after an import: attributes, not an object literal
  if (k === K.WithKeyword) return BLOCK;
  if (k === K.ElseKeyword || k === K.TryKeyword || k === K.CatchKeyword || k === K.FinallyKeyword || k === K.DoKeyword)
    return BLOCK;
  if (is(k, F_EXPR_END)) return BLOCK;
  return OBJECT;
}

function parenRole(parent: Frame): number {
  if (decorator || k1 === QDOT) return P_EXPR;
  const computed = k1 === C_BRACKET && !lastClosed.access;
  const name1 = is(k1, F_NAME) || k1 === STRING || k1 === NUMERIC || computed;
  if (k1 === K.FunctionKeyword || (k1 === STAR && k2 === K.FunctionKeyword)) return P_PARAMS;
  if (is(k1, F_NAME) && (k2 === K.FunctionKeyword || (k2 === STAR && k3 === K.FunctionKeyword))) return P_PARAMS;
  // For `[key](...)` what comes before the name is what came before its `[`.
  const before = computed ? lastClosed.before : k2;
  if (parent.kind === CLASS) {
    if (computed ? memberStart(before) : (name1 || k1 === QUESTION) && memberStart(k2)) return P_PARAMS;
  } else if (parent.kind === OBJECT && name1) {
    if (before === O_BRACE || before === COMMA || before === STAR || before === K.GetKeyword || before === K.SetKeyword ||
      before === K.AsyncKeyword) return P_PARAMS;
  }
  if (!is(k1, F_EXPR_END) || k1 === K.AsyncKeyword) return P_OPEN;
  return P_EXPR;
}

/** A class member can start after token k: `{`, `;`, a closed body, a modifier, or (ASI) the end of an initialiser. */
function memberStart(k: number): boolean {
  return is(k, F_EXPR_END) || k === O_BRACE || k === SEMI || k === STAR || k === BLOCK_END || k === NONE;
}

/** The name the parser's nameOf gives the expression ending at the previous token, for `= value`. */
function nameBefore(): string | undefined {
  if (is(k1, F_NAME) || k1 === STRING || k1 === NOSUB) return v1;
  if (k1 === C_BRACKET) return lastClosed.access && lastClosed.chain === C_CHAIN ? lastClosed.chainName : undefined;
  if (top.kind === CLASS && (k1 === QUESTION || k1 === BANG) && (is(k2, F_NAME) || k2 === STRING)) return v2;
  return undefined;
}

/** Handles `:`; true when it consumed a type (the current token is then the one after it). */
function colon(): boolean {
  const f = top;
  if (f.q > 0) {
    f.q--;
    lastColon = COLON_CONDITIONAL;
    return false;
  }
  if (f.inCase) {
    f.inCase = false;
    lastColon = COLON_LABEL;
    return false;
  }
  let annotate = false;
  switch (f.kind) {
    case OBJECT:
      if (k1 === C_PAREN) annotate = true;
      else {
        lastColon = COLON_PROPERTY;
        if ((k2 === O_BRACE || k2 === COMMA) && (is(k1, F_NAME) || k1 === STRING || k1 === NOSUB)) {
          // A property assignment binds whatever the braces turn out to be (`({ a: 'x' }) =>` is not valid).
          expectName = v1;
          expectFrame = PLAIN;
        }
        return false;
      }
      break;
    case CLASS:
    case PAREN:
    case BRACKET:
      annotate = true;
      break;
    case BLOCK:
      annotate =
        k1 === C_PAREN ||
        ((is(k1, F_NAME) || k1 === C_BRACE || k1 === C_BRACKET || k1 === BLOCK_END) &&
          (k2 === K.ConstKeyword || k2 === K.LetKeyword || k2 === K.VarKeyword || (k2 === COMMA && f.inDecl))) ||
        (k1 === BANG && (k3 === K.ConstKeyword || k3 === K.LetKeyword || k3 === K.VarKeyword || (k3 === COMMA && f.inDecl)));
      break;
  }
  if (!annotate) {
    lastColon = COLON_LABEL;
    return false;
  }
  typedName =
    is(k1, F_NAME) || k1 === STRING
      ? v1
      : (k1 === QUESTION || k1 === BANG) && (is(k2, F_NAME) || k2 === STRING)
        ? v2
        : undefined;
  next();
  skipType();
  shift(TYPE_END, undefined);
  return true;
}

/** `<` in expression position; true when it consumed tokens (the current token is then the one after them). */
function lessThan(): boolean {
  if (!is(k1, F_EXPR_END)) {
    if (variant === TS) {
      // type assertion `<T>x` or generic arrow `<T>(x) => x`
      skipBalanced();
      expectName = undefined;
      return true;
    }
    if (variant === TSX && scanner.lookAhead(genericArrowInJsx)) {
      skipBalanced();
      return true;
    }
    jsxElement();
    if (tok === EOF) return true;
    next();
    envState = 0;
    shift(JSX_END, undefined);
    return true;
  }
  if (variant === JS) return false;
  if (top.header === CLASS) {
    skipBalanced();
    return true;
  }
  // `f<T>(x)`, `new Map<K, V>()`: type arguments if they close and are followed by what the parser accepts.
  const saved = tok;
  const ok = scanner.tryScan(() => {
    if (!skipBalanced(true)) return false;
    return AFTER_TYPE_ARGS.has(tok) || scanner.hasPrecedingLineBreak();
  });
  if (ok) return true;
  tok = saved;
  return false;
}

/** After `<` in a TSX expression: `<T,>`, `<T = U>`, `<T extends U>` start a generic arrow function, not JSX. */
function genericArrowInJsx(): boolean {
  let t = scanner.scan();
  if (t === K.ConstKeyword) t = scanner.scan();
  if (!is(t, F_NAME)) return false;
  t = scanner.scan();
  if (t === K.ExtendsKeyword) {
    t = scanner.scan();
    return t !== EQ && t !== GT && t !== SLASH;
  }
  return t === COMMA || t === EQ;
}

/** `type X = ...` and `interface X {...}` at the start of a statement; true when skipped. */
function typeDeclaration(t: number, nl: boolean): boolean {
  if (!(nl || k1 === NONE || k1 === SEMI || k1 === O_BRACE || k1 === C_BRACE || k1 === BLOCK_END ||
    k1 === K.ExportKeyword || k1 === K.DeclareKeyword || k1 === K.DefaultKeyword || (k1 === COLON && lastColon === COLON_LABEL)))
    return false;
  if (!scanner.lookAhead(() => is(scanner.scan(), F_NAME) && !scanner.hasPrecedingLineBreak())) return false;
  next(); // name
  next();
  if (t === K.TypeKeyword) {
    if (tok === LT) skipBalanced();
    if (tok !== EQ) {
      shift(IDENT, undefined);
      return true;
    }
    next();
    skipType();
  } else {
    for (let n = 0; tok !== O_BRACE && tok !== EOF && tok !== SEMI && n < 1000; n++) {
      if (tok === LT) skipBalanced();
      else next();
    }
    if (tok === O_BRACE) skipBalanced();
  }
  shift(SEMI, undefined);
  return true;
}

/** Advances the `process.env` recogniser over token t. */
function envStep(t: number, val: string | undefined, start: number): number {
  switch (envState) {
    case 1: // process
    case 13: // import.meta
      return t === DOT || t === QDOT ? 2 : 0;
    case 2:
      return is(t, F_NAME) && val === 'env' ? 3 : 0;
    case 3:
      if (t === DOT || t === QDOT) return 4;
      return t === O_BRACKET ? 3 : 0;
    case 4:
      if (is(t, F_NAME)) facts.envReads.push({ name: val!, index: start });
      return t === O_BRACKET ? 4 : 0;
    case 11: // import
      return t === DOT ? 12 : 0;
    case 12:
      return t === IDENT && val === 'meta' ? 13 : 0;
  }
  return 0;
}

/** Tracks whether the tokens directly inside `[...]` form a name the parser's nameOf would give. */
function chainStep(t: number, val: string | undefined, start: number): void {
  const f = top;
  if (f.first < 0) f.first = start;
  switch (f.chain) {
    case C_START:
      if (is(t, F_IDENT_EXPR) || t === STRING || t === NOSUB) {
        f.chain = C_CHAIN;
        f.chainName = val;
      } else if (is(t, F_EXPR_END)) {
        f.chain = C_CHAIN;
        f.chainName = undefined;
      } else if (t !== O_PAREN && t !== O_BRACKET && t !== O_BRACE && t !== T_HEAD) f.chain = C_DEAD;
      break;
    case C_CHAIN:
      if (t === DOT || t === QDOT) f.chain = C_MEMBER;
      else if (t === NOSUB || t === BANG) f.chainName = undefined;
      else if (t !== O_PAREN && t !== O_BRACKET && t !== T_HEAD && t !== C_BRACKET) f.chain = C_DEAD;
      break;
    case C_MEMBER:
      if (is(t, F_NAME)) {
        f.chain = C_CHAIN;
        f.chainName = val;
      } else if (t !== O_PAREN && t !== O_BRACKET) f.chain = C_DEAD;
      break;
  }
}

// ---- types: skipped, they bind nothing and read nothing ---------------------------------------------------

/** Skips the type starting at the current token; leaves the current token just after it. */
function skipType(conditional = true): void {
  if (++depth > MAX_DEPTH) throw TOO_DEEP;
  if (tok === BAR || tok === AMP) next();
  typeOperand();
  while (tok === BAR || tok === AMP) {
    next();
    typeOperand();
  }
  if (conditional && tok === K.ExtendsKeyword && !scanner.hasPrecedingLineBreak()) {
    next();
    skipType(false);
    if (tok === QUESTION) {
      next();
      skipType();
      if (tok === COLON) {
        next();
        skipType();
      }
    }
  }
  depth--;
}

function typeOperand(): void {
  while (tok === K.KeyOfKeyword || tok === K.UniqueKeyword || tok === K.ReadonlyKeyword || tok === K.InferKeyword) next();
  switch (tok as number) {
    case O_PAREN:
      // `(a: T) => U` is a function type, `(A | B)` a parenthesised one (after which `=>` is not the type's)
      if (scanner.lookAhead(functionTypeParams)) {
        skipBalanced();
        if (tok === ARROW) {
          next();
          skipType();
        }
        return;
      }
      skipBalanced();
      break;
    case LT:
      skipBalanced();
      if (tok === O_PAREN) skipBalanced();
      if (tok === ARROW) {
        next();
        skipType();
      }
      return;
    case K.AbstractKeyword:
    case K.NewKeyword:
      if (tok === K.AbstractKeyword) next();
      if (tok === K.NewKeyword) next();
      if (tok === LT) skipBalanced();
      if (tok === O_PAREN) skipBalanced();
      if (tok === ARROW) {
        next();
        skipType();
      }
      return;
    case O_BRACE:
    case O_BRACKET:
      skipBalanced();
      break;
    case MINUS:
      next();
      if (tok === NUMERIC || tok === K.BigIntLiteral) next();
      break;
    case T_HEAD:
      skipBalanced();
      break;
    case K.TypeOfKeyword:
    case K.ImportKeyword:
      next();
      if (tok === O_PAREN) skipBalanced();
      else if (is(tok, F_NAME)) next();
      typeName();
      break;
    case K.AssertsKeyword:
      next();
      if (is(tok, F_NAME) && !scanner.hasPrecedingLineBreak()) {
        next();
        if (tok === K.IsKeyword) {
          next();
          skipType();
        }
      }
      return;
    default:
      if (!is(tok, F_TYPE_START)) return;
      next();
      typeName();
      if (tok === K.IsKeyword && !scanner.hasPrecedingLineBreak()) {
        next();
        skipType();
        return;
      }
  }
  while (tok === O_BRACKET && !scanner.hasPrecedingLineBreak()) skipBalanced();
}

/** After `(` in a type: whether a parameter list follows (the parser's isUnambiguouslyStartOfFunctionType). */
function functionTypeParams(): boolean {
  let t = scanner.scan();
  if (t === C_PAREN || t === DOTS) return true;
  while (MODIFIERS.has(t)) t = scanner.scan();
  if (t === O_BRACKET || t === O_BRACE) return true;
  if (!is(t, F_NAME)) return false;
  t = scanner.scan();
  if (t === COLON || t === COMMA || t === QUESTION || t === EQ) return true;
  return t === C_PAREN && scanner.scan() === ARROW;
}

/** Rest of a dotted type name and its type arguments. */
function typeName(): void {
  while (tok === DOT) {
    next();
    if (is(tok, F_NAME)) next();
  }
  if (tok === LT && !scanner.hasPrecedingLineBreak()) skipBalanced();
}

/**
 * Skips from the current opening `(`, `[`, `{`, `<` or template head to just after its match. With `typeArgs`, gives
 * up (false) on what cannot be in type arguments, for `a < b` read as a comparison.
 */
function skipBalanced(typeArgs = false): boolean {
  const opens: number[] = [];
  for (let n = 0; ; n++) {
    switch (tok as number) {
      case O_PAREN:
      case O_BRACKET:
      case O_BRACE:
      case LT:
      case T_HEAD:
        // `a < b < c < ...` must not cost a long look ahead at each `<`
        if (typeArgs && opens.length > 16) return false;
        opens.push(tok);
        break;
      case LTLT:
        opens.push(LT, LT);
        break;
      case GT:
        if (opens[opens.length - 1] === LT) opens.pop();
        break;
      case C_PAREN:
      case C_BRACKET:
      case C_BRACE: {
        const last = opens[opens.length - 1];
        if (tok === C_BRACE && last === T_HEAD) {
          tok = scanner.reScanTemplateToken(false);
          if (tok === T_TAIL) opens.pop();
          break;
        }
        const want = tok === C_PAREN ? O_PAREN : tok === C_BRACKET ? O_BRACKET : O_BRACE;
        let i = opens.length - 1;
        while (i >= 0 && (opens[i] === LT)) i--;
        if (i < 0 || opens[i] !== want) return false;
        opens.length = i;
        break;
      }
      case EOF:
        return false;
      default:
        if (typeArgs && (n > 256 || (NOT_IN_TYPE_ARGS.has(tok) && opens[opens.length - 1] === LT))) return false;
    }
    next();
    if (opens.length === 0) return true;
  }
}

// ---- JSX ---------------------------------------------------------------------------------------------------

/** From `<` to just after the element's last `>` (the current token is then that `>`, or EOF). */
function jsxElement(): void {
  if (++depth > MAX_DEPTH) throw TOO_DEEP;
  jsxElementBody();
  depth--;
}

function jsxElementBody(): void {
  next();
  if (tok === GT) {
    jsxChildren();
    return;
  }
  jsxName();
  if (tok === LT && variant === TSX) skipBalanced();
  for (;;) {
    switch (tok as number) {
      case EOF:
        return;
      case GT:
        jsxChildren();
        return;
      case SLASH:
        next();
        return;
      case O_BRACE:
        jsxContainer();
        if (tok === EOF) return;
        next();
        continue;
    }
    if (is(tok, F_NAME)) {
      scanner.scanJsxIdentifier();
      next();
      if (tok === COLON) {
        next();
        if (is(tok, F_NAME)) scanner.scanJsxIdentifier();
        next();
      }
      if (tok === EQ) {
        tok = scanner.scanJsxAttributeValue();
        if (tok === O_BRACE) jsxContainer();
        else if (tok === LT) jsxElement();
        if (tok === EOF) return;
        next();
      }
      continue;
    }
    next();
  }
}

function jsxName(): void {
  if (is(tok, F_NAME)) scanner.scanJsxIdentifier();
  next();
  while (tok === DOT || tok === COLON) {
    next();
    if (is(tok, F_NAME)) scanner.scanJsxIdentifier();
    next();
  }
}

function jsxChildren(): void {
  for (;;) {
    tok = scanner.scanJsxToken();
    switch (tok as number) {
      case EOF:
        return;
      case O_BRACE:
        jsxContainer();
        if (tok === EOF) return;
        break;
      case LT:
        jsxElement();
        if (tok === EOF) return;
        break;
      case LT_SLASH:
        next();
        while (is(tok, F_NAME) || tok === DOT || tok === COLON) {
          if (is(tok, F_NAME)) scanner.scanJsxIdentifier();
          next();
        }
        return;
    }
  }
}

/** `{...}` in JSX: an ordinary expression; returns with the current token its `}` (or EOF). */
function jsxContainer(): void {
  push(JSX_EXPR);
  const base = stack.length;
  k1 = O_BRACE;
  k2 = k3 = NONE;
  next();
  exprLoop(base);
  while (stack.length >= base) pop();
}
