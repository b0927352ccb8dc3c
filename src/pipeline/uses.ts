// Which code reads which credential variable, and which provider APIs that code talks to.
import type { SourceFile, VariableUse } from '../core/types.js';
import { isScriptFile } from './assignments.js';
import { codeFacts } from './code-facts.js';
import { LineIndex } from '../core/text.js';

/** Provider API hosts and CLIs whose presence near a variable use says where the credential goes. */
const SIGNALS: Array<[string, RegExp]> = [
  ['railway', /backboard\.railway\.(?:app|com)|\brailway (?:up|run|volume|down|link)\b/],
  ['github', /api\.github\.com|\bgh (?:api|repo|release)\b/],
  ['cloudflare', /api\.cloudflare\.com/],
  ['aws', /amazonaws\.com|\bboto3\b|@aws-sdk\/|\baws (?:s3|rds|iam|route53|backup)\b/],
  ['gcp', /googleapis\.com|\bgcloud\b/],
  ['stripe', /api\.stripe\.com|\bstripe\b/],
  ['supabase', /supabase\.co\b|@supabase\//],
  ['vercel', /api\.vercel\.com/],
  ['fly', /api\.machines\.dev|api\.fly\.io|\bflyctl\b/],
  ['terraform', /\bterraform (?:apply|destroy|plan)\b/],
  ['postgres', /\b(?:psql|pg_dump|pg_restore)\b/],
];

export function signalsIn(text: string): string[] {
  return SIGNALS.filter(([, re]) => re.test(text)).map(([name]) => name);
}

const PY_ENV = /os\.(?:environ(?:\.get)?\s*[[(]\s*|getenv\s*\(\s*)["']([A-Z_][A-Z0-9_]*)["']/g;

/**
 * `process.env`, `process?.env`, `import.meta.env` with any spacing: without one of these a script has no reads for
 * codeFacts to find, and is not scanned.
 */
const MAY_READ_ENV = /(?:\bprocess|\bmeta)\s*\??\.\s*env\b/;

export function codeUses(file: SourceFile): VariableUse[] {
  let reads: Array<{ name: string; index: number }> = [];
  if (isScriptFile(file.path)) reads = MAY_READ_ENV.test(file.text) ? codeFacts(file).envReads : [];
  else if (file.path.endsWith('.py')) reads = [...file.text.matchAll(PY_ENV)].map((m) => ({ name: m[1]!, index: m.index! }));
  if (!reads.length) return [];
  const lines = new LineIndex(file.text);
  const signals = signalsIn(file.text);
  return reads.map((r) => {
    const pos = lines.position(r.index);
    return {
      variable: r.name,
      signals,
      location: { path: file.path, startLine: pos.line, startColumn: pos.column, environment: file.environment.environment, gitStatus: file.gitStatus },
    };
  });
}
