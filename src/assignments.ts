// Finds `name = value` bindings in a file: env files through dotenv's parser, TS/JS through the TypeScript
// compiler API (via ts-morph's bundled `ts`, raw API for speed), everything else through a format-agnostic
// key/value scan (YAML, JSON, HCL, INI, TOML, shell). Extractors use them to know which variable holds a value.
import { parse as parseDotenv } from 'dotenv';
import { ts } from 'ts-morph';
import type { SourceFile } from './types.js';
import { escapeRegExp } from './text.js';

export interface Assignment {
  name: string;
  value: string;
  /** Offset of the first character of the value in the file text. */
  index: number;
}

/** What TS/JS analysis also yields: reads of environment variables and hosts the code talks to. */
export interface CodeFacts {
  assignments: Assignment[];
  envReads: Array<{ name: string; index: number }>;
}

const SCRIPT_EXT = /\.(?:[cm]?[jt]sx?)$/i;

export function isScriptFile(path: string): boolean {
  return SCRIPT_EXT.test(path) && !/\.d\.ts$/.test(path) && !/\.min\.js$/.test(path);
}

export function assignmentsOf(file: SourceFile): Assignment[] {
  if (file.kind === 'env') return envAssignments(file.text);
  if (isScriptFile(file.path)) return codeFacts(file).assignments;
  return keyValueAssignments(file.text);
}

/** dotenv's parser decides names and values; we map each back to its offset in the text. */
export function envAssignments(text: string): Assignment[] {
  const parsed = parseDotenv(text);
  const out: Assignment[] = [];
  for (const [name, value] of Object.entries(parsed)) {
    if (!value) continue;
    const keyRe = new RegExp(`^[ \\t]*(?:export[ \\t]+)?${escapeRegExp(name)}[ \\t]*[=:]`, 'gm');
    let m: RegExpExecArray | null;
    let index = -1;
    // Last definition wins in dotenv; map to the last one too.
    while ((m = keyRe.exec(text))) {
      const after = m.index + m[0].length;
      const at = text.indexOf(value.split('\n')[0]!, after);
      if (at !== -1) index = at;
    }
    if (index !== -1) out.push({ name, value, index });
  }
  return out;
}

const KV_RE =
  /(?:^|[\s{,;(])["']?([A-Za-z_][A-Za-z0-9_.-]{1,80})["']?[ \t]*(?::=|=>|[:=])[ \t]*(?:(["'`])([^"'`\r\n]{1,1000})\2|([^\s"'`,;#{}[\]()]{1,1000}))/g;

/** A format-agnostic scan of `key: value`, `key = "value"`, `"key": "value"`, `KEY=value` pairs. */
export function keyValueAssignments(text: string): Assignment[] {
  const out: Assignment[] = [];
  KV_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = KV_RE.exec(text))) {
    const value = m[3] ?? m[4];
    if (!value) continue;
    const valueOffset = m[0].lastIndexOf(value);
    out.push({ name: m[1]!, value, index: m.index + valueOffset });
  }
  return out;
}

const codeCache = new WeakMap<SourceFile, CodeFacts>();

export function codeFacts(file: SourceFile): CodeFacts {
  const cached = codeCache.get(file);
  if (cached) return cached;
  const facts: CodeFacts = { assignments: [], envReads: [] };
  const kind = /\.tsx$/i.test(file.path)
    ? ts.ScriptKind.TSX
    : /\.jsx$/i.test(file.path)
      ? ts.ScriptKind.JSX
      : /\.[cm]?ts$/i.test(file.path)
        ? ts.ScriptKind.TS
        : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, false, kind);

  const nameOf = (n: ts.Node | undefined): string | undefined => {
    if (!n) return undefined;
    if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n)) return n.text;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
    if (ts.isPropertyAccessExpression(n)) return n.name.text;
    if (ts.isElementAccessExpression(n)) return nameOf(n.argumentExpression);
    return undefined;
  };
  const literal = (n: ts.Node | undefined): ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | undefined =>
    n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) ? n : undefined;
  const push = (name: string | undefined, lit: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | undefined) => {
    if (!name || !lit || !lit.text) return;
    facts.assignments.push({ name, value: lit.text, index: lit.getStart(sf) + 1 });
  };
  const isProcessEnv = (n: ts.Node): boolean =>
    ts.isPropertyAccessExpression(n) &&
    n.name.text === 'env' &&
    ((ts.isIdentifier(n.expression) && n.expression.text === 'process') ||
      // import.meta.env (Vite) and Deno.env are read the same way
      (ts.isMetaProperty(n.expression) && n.expression.name.text === 'meta'));

  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n)) push(nameOf(n.name), literal(n.initializer));
    else if (ts.isPropertyAssignment(n)) push(nameOf(n.name), literal(n.initializer));
    else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken)
      push(nameOf(n.left), literal(n.right));
    else if (ts.isPropertyDeclaration(n)) push(nameOf(n.name), literal(n.initializer));
    else if (ts.isPropertyAccessExpression(n) && isProcessEnv(n.expression))
      facts.envReads.push({ name: n.name.text, index: n.name.getStart(sf) });
    else if (ts.isElementAccessExpression(n) && isProcessEnv(n.expression)) {
      const name = nameOf(n.argumentExpression);
      if (name) facts.envReads.push({ name, index: n.argumentExpression.getStart(sf) });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  codeCache.set(file, facts);
  return facts;
}
