// The TypeScript HCL parser against @cdktf/hcl2json, the WebAssembly parser it stands in for: on every input it must
// either return exactly hcl2json's value (same keys in the same order, -0 kept) or throw HclUnsupported — never accept
// what hcl2json rejects. The common constructs must take the fast path, or it would silently be the fallback.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { HclUnsupported, parseHclNative } from '../detectors/inventory/hcl-native.js';
import { parseHcl } from '../detectors/inventory/hcl-guard.js';

const ROOT = resolve(import.meta.dirname, '..');

function hclFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(tf|tfvars|hcl)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** JSON text that keeps key order and tells -0 from 0. */
const exact = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (Object.is(x, -0) ? '-0' : x));

async function wasm(text: string): Promise<{ value?: unknown; error?: string }> {
  try {
    return { value: await parse('test.tf', text) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function native(text: string): { value?: unknown; unsupported?: string } {
  try {
    return { value: parseHclNative(text) };
  } catch (e) {
    if (e instanceof HclUnsupported) return { unsupported: e.message };
    throw e;
  }
}

/** Native either defers or agrees exactly; returns whether it handled the text itself. */
async function agrees(text: string): Promise<boolean> {
  const [mine, theirs] = [native(text), await wasm(text)];
  if (mine.unsupported !== undefined) return false;
  expect(theirs.error, `native accepted what hcl2json rejects: ${JSON.stringify(text)}`).toBeUndefined();
  expect(isDeepStrictEqual(mine.value, theirs.value), JSON.stringify(text)).toBe(true);
  expect(exact(mine.value)).toBe(exact(theirs.value));
  return true;
}

describe('differential: every HCL file in the repository', () => {
  const files = [...hclFiles(join(ROOT, 'fixtures')), ...hclFiles(join(ROOT, 'test'))];

  it('finds the files', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files.map((f) => [relative(ROOT, f)]))('%s', async (file) => {
    await agrees(readFileSync(join(ROOT, file), 'utf8'));
  });

  it('parses every .tf file under fixtures/ natively', async () => {
    const tf = hclFiles(join(ROOT, 'fixtures')).filter((f) => f.endsWith('.tf'));
    expect(tf.length).toBeGreaterThan(30);
    for (const f of tf) expect(await agrees(readFileSync(f, 'utf8')), relative(ROOT, f)).toBe(true);
  });

  it('agrees on single-character mutations of the fixtures (deletions and insertions of syntax characters)', async () => {
    const inserts = ['{', '}', '"', '\n', '$', '%', '=', '[', ']', '(', ')', ',', '.', '#', '\\', '<<EOT\n', '${', '\r'];
    let handled = 0;
    let total = 0;
    for (const f of hclFiles(join(ROOT, 'fixtures'))) {
      const text = readFileSync(f, 'utf8');
      for (let k = 1; k <= 12; k++) {
        const at = (k * 7919) % (text.length + 1);
        const mutated = k % 2 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + inserts[k % inserts.length] + text.slice(at);
        total++;
        if (await agrees(mutated)) handled++;
      }
    }
    expect(handled).toBeGreaterThan(total / 4); // most mutations keep the file valid, or break it the same way
  });
});

/** Inputs parsed natively, each compared with hcl2json. */
const HANDLED: Record<string, string[]> = {
  'literals and numbers': [
    'x = 1\ny = 1.5\nz = "s"\nb = true\nf = false\nn = null\n',
    'a = 1e3\nb = 1.5e-3\nc = 12E+2\nd = 007\ne = 0.10\nf = 12345678901234567890\ng = 1e21\nh = 0.000001\n',
    'x = -1\ny = - 1.5\nz = -0\nw = !true\nv = !false\n',
    'x = "a${1.50}b${1e3}c${007}d${1e21}e${1e-30}f${true}g${null}"\n',
    'x = [1e3, 0.10, 1E2]\ny = {1e3 = 1, 0.10 = 2}\n',
  ],
  'expressions rendered as source': [
    'x = a\ny = a.b[0].c\nz = a["k"].d\nw = a.0.b\n',
    'x = foo(a)\ny = foo(\n  a, # comment\n  b,\n)\nz = foo(a...)\nw = provider::aws::arn_parse(x)\n',
    'x = (1)\ny = -(1)\nz = -a\nw = !!a\nv = --1\nu = -"5"\nt = -1.x\n',
    'x = 1 == 2 != 3 < 4 > 5 <= 6 >= 7 + 8 - 9 * 10 / 11 % 12 && true || false\ny = a<b\n',
    'x = a ? b : c\ny = a ? b ? c : d : e\nz = (a ?\n b : c)\n',
    'x = a[*].b\ny = a.*.b\nz = a[*][0]\nw = a.b.*.c[0]\nv = a[ * ]\nu = a[\n0]\nt = a.*[0]\n',
    'x = [for v in a : v if v]\ny = {for k, v in a : k => v...}\nz = [for in in a : in]\n',
    'x = {a = 1}.a\ny = [1][0]\nz = "${a}"[0]\nw = true.x\nv = null[0]\nu = foo()[0].b\n',
    'x = (a\n  .b)\ny = (1 +\n 2)\nz = {a = (1 +\n2)}\n',
    'x = "a" == <<EOT\nhi\nEOT  \n', // a heredoc's range ends after the marker's trailing spaces
  ],
  'collections': [
    'x = []\ny = {}\nz = [1, "a", true, null, a]\nw = [1,]\nv = {a = 1,}\nu = [\n]\nt = {\n}\n',
    'x = {\n  a = 1\n  b = 2,\n  c = 3, d = 4\n\n}\n',
    'x = {a = 1, "b" = 2, c: 3, (d) = 4, e.f = 5, 6 = 6, null = 7, true = 8, "${g}" = 9, h[0] = 10, i(1) = 11}\n',
    'x = {-1 = 1, 1.50 = 2, false = 3, "${1}" = 4, "a${1}" = 5, a.b[0] = 6, a[*] = 7, a.b.c = 8, a . b = 9}\n',
    'x = {a[b] = 1, a["b"] = 2, a[null] = 3, a["${b}"] = 4, a /* c */ .b = 5, foo() = 6, "a" + "b" = 7, [1] = 8, {} = 9}\n',
    'x = {a ? "b" : "c" = 1, (a ? b : c) = 2}\n',
    'x = {"a" = 1, "a" = 2}\ny = {a = 1, "a" = 2}\n',
    'x = {b = 1, a = 2, B = 3, "10" = 4, "9" = 5, "é" = 6, "z" = 7, "😀" = 8, "\uffff" = 9}\n',
    // keys sort by code point, also when an escape is what puts a character beyond U+FFFF in them
    'x = {"\\U0001F600" = 1, "\\uffff" = 2, "a" = 3}\ny "\\U0001F600" {}\ny "\\uffff" {}\n',
    'y = {\n  # c\n  a = 1 # d\n  // e\n  /* f */ b = 2\n}\nz = [\n  # c\n  1, # d\n  2\n]\n',
  ],
  'templates': [
    'x = "${a}"\ny = "${1}"\nz = "${"s"}"\nw = "${[1,2]}"\nv = "${{}}"\nu = "${ {a = "}"} }"\n',
    'x = "a${b}c"\ny = "${a}${b}"\nz = "${ a }"\nw = "${a # c\n}"\nv = "${a /* c */}"\n',
    'x = "a\\nb\\t\\"\\\\\\u00e9\\U0001F600"\ny = "a\u0000b\tc"\n',
    'x = "$${a} %%{b} $$ %% $ %"\ny = "$$${x}"\nz = "\\u0024{a}"\nw = "\\u0025{a}"\nv = "$$$${"\n',
    'x = "${"$${x}"}"\ny = "a${"$${x}"}"\nz = {"$${k}" = 1}\nw = foo("$${a}", "\\n")\n',
    'x = "a${x ? "y" : "z"}b"\ny = "a${x ? "y" : ""}b"\nz = "a${x ? 1 : null}b"\nw = "a${x == 1 ? "${y}" : "q${z}"}b"\nv = "${x ? "y" : "z"}"\n',
    'x = "a${[1]}b${{a=1}}c${(1)}${-1}${!true}"\ny = "a${"${b}"}c${"x${d}"}"\nz = "${-1}"\nw = "${!true}"\n',
    'x = "e\u0301"\ny = "e\\u0301"\nz = "\u212b"\nw = "a${b}e\u0301"\nv = foo("e\u0301")\n',
  ],
  'heredocs': [
    'x = <<EOT\nhello\n  world\nEOT\n',
    'x = <<EOT\r\nhello\r\nworld\r\nEOT\r\n',
    'x = <<EOT\nhi\n  EOT  \ny = <<EOT\nhi\n\u00a0EOT\u00a0\nz = <<EOT\nhi\n\fEOT\n',
    'x = <<-EOT\n    hello\n      world\n    EOT\n',
    'x = <<-EOT\n    hello\n\n      world\n  EOT\ny = <<-EOT\n    a\n   \n   b\n  EOT\n',
    'x = <<-EOT\n    hello ${a}\n    ${b} x\n    EOT\ny = <<-EOT\n  ${a}\n    b\n  EOT\n',
    'x = <<-EOT\n    a\n  $b\n  EOT\ny = <<-EOT\n    a\n  ${b}c\n  EOT\nz = <<-EOT\n\ta\n        b\n  EOT\n',
    'x = <<-EOT\nEOT\ny = <<-EOT\n  \n  EOT\nz = <<EOT\nEOT\n',
    'x = <<EOT\n$\nEOT\ny = <<EOT\nEOT$\nEOT\nz = <<EOT\n${a}EOT\nEOT\nw = <<EOT\n${a\n}EOT\nEOT\n',
    'x = <<EOT-1\nhi\nEOT-1\ny = <<-EOT\r\n  a\r\n    b\r\n  EOT\r\n',
    'x = [<<EOT\n  a\nEOT\n, 1]\ny = foo(<<EOT\n  a\nEOT\n)\nz = "${<<EOT\na\nEOT\n}"\n',
    'x = <<EOT\n${"a\\n"}\nEOT\ny = <<EOT\n${<<EOF\nz\nEOF\n}\nEOT\nz = <<EOT\n\\$${a} %%{b}\nEOT\n',
    'x = {a[<<EOT\nz\nEOT\n] = 1}\n',
  ],
  'blocks': [
    'y {\n}\ny {}\n',
    'y "a" "b" {\n  z = 1\n}\ny "a" "c" {\n}\ny "a" "b" {\n}\n',
    'y { z = 1 }\nw "a" { z = 2 }\ny {a=1}\ny { a = {\n} }\ny { a = [\n1] }\ny { a = 1 /* c */ }\n',
    'y a b {}\nw "a" b "c" {}\n',
    'y "a" {}\ny "b" "c" {}\n',
    'y = 1\ny {}\nz {}\nz = 1\nw "a" {}\nw = 1\n', // arguments replace blocks of the same name
    'y "$${a}" {}\ny "a\\nb\\u00e9" {}\ny "" {}\ny "e\u0301" {}\n', // labels are decoded, never re-escaped or normalised
    'y {\n  a = 1\n  b {\n    c = [1]\n  }\n  b {}\n}\nlocals {\n  a = 1\n}\nlocals {\n  b = 2\n}\n',
    'y {} # c\ny {} /* c */\nw "a" /* c */ "b" {}\ny {\n} \n',
    'dynamic "setting" {\n  for_each = var.settings\n  content {\n    name  = setting.key\n    value = setting.value\n  }\n}\n',
  ],
  'layout': [
    '',
    '\n',
    '# only a comment',
    'x = 1',
    '\n\nx = 1',
    'x = 1 # c\ny = 2',
    'x = 1\n\n\n',
    '\ufeffx = foo(a)\n',
    'x = 1\r\ny = "a"\r\n',
    'x\t=\t1\n',
    '/* a */ x = 1\nx2 = /* a\n */ 1\nx3 = 1 /* a */\n',
    'x = 1 # é\n# a\rb\ny = 2\n',
    'x = 1\n  # comment\n  y = 2\n',
  ],
};

describe('hand-written constructs, parsed natively and compared with hcl2json', () => {
  for (const [group, cases] of Object.entries(HANDLED)) {
    it.each(cases.map((c) => [c]))(`${group}: %j`, async (text) => {
      expect(await agrees(text), 'expected the native parser to handle this').toBe(true);
    });
  }
});

describe('valid input the native parser leaves to hcl2json', () => {
  it.each([
    ['template directives', 'x = "%{ if a }b%{ endif }"\n'],
    ['template for directives', 'x = <<EOT\n%{ for v in a }${v}%{ endfor }\nEOT\n'],
    ['strip markers', 'x = "a ${~ b ~} c"\n'],
    ['non-ASCII identifiers', 'é = 1\n'],
    ['non-ASCII references', 'x = [é]\n'],
    ['numbers outside plain decimal syntax', 'x = 1.e5\n'],
    ['huge numbers', 'x = 1e400\n'],
    ['lone surrogates', 'x = "\ud800"\n'],
    ['__proto__ keys', 'y {\n  __proto__ = 1\n}\n'],
  ])('%s', async (_what, text) => {
    expect(native(text).unsupported).toBeDefined();
    expect((await wasm(text)).error).toBeUndefined();
  });
});

describe('invalid input is never accepted', () => {
  it.each([
    ['unterminated string', 'x = "abc\n'],
    ['string across lines', 'x = "a\nb"\n'],
    ['carriage return in a string', 'x = "a\rb"\n'],
    ['unterminated heredoc', 'x = <<EOT\nhello\n'],
    ['heredoc marker at the end of the file', 'x = <<EOT\nhello\nEOT'],
    ['heredoc introducer with trailing space', 'x = <<EOT \nhello\nEOT\n'],
    ['carriage return in a heredoc', 'x = <<EOT\na\rb\nEOT\n'],
    ['missing =', 'x 1\n'],
    ['missing value', 'x = \n'],
    ['stray token', 'x = ;\n'],
    ['two values', 'x = "a" "b"\n'],
    ['two arguments on a line', 'x = 1 y = 2\n'],
    ['argument after a multi-line comment', 'x = 1 /* a\n */ y = 2\n'],
    ['unclosed block', 'y {\n'],
    ['stray closing brace', 'x = 1\n}\n'],
    ['block without newline after it', 'y {\n} z = 1\n'],
    ['block body on the next line', 'y "a"\n{\n}\n'],
    ['label on the next line', 'y "a" # c\n "b" {}\n'],
    ['two arguments in a single-line block', 'y { a = 1, b = 2 }\n'],
    ['nested block in a single-line block', 'y { z {} }\n'],
    ['single-line block closed on the next line', 'y { a = 1\n}\n'],
    ['interpolation in a label', 'y "${a}" {}\n'],
    ['redefined argument', 'x = 1\nx = 2\n'],
    ['invalid escape', 'x = "a\\qb"\n'],
    ['short unicode escape', 'x = "a\\u00"\n'],
    ['surrogate escape', 'x = "\\uD800"\n'],
    ['backslash before a newline', 'x = "a\\\nb"\n'],
    ['invalid number', 'x = 1.2.3\n'],
    ['invalid exponent', 'x = 1e5e5\n'],
    ['chained legacy index', 'x = a.0.1\n'],
    ['splat across a newline', 'x = a[*\n]\n'],
    ['index star on the next line', 'x = a[\n*]\n'],
    ['namespace without a call', 'x = foo::bar\n'],
    ['operator before a newline', 'x = 1 +\n 2\n'],
    ['conditional across lines', 'x = a ?\n b : c\n'],
    ['unary before a newline', 'x = -\n1\n'],
    ['bitwise operator', 'x = a & b\n'],
    ['double comma', 'x = [1,,]\n'],
    ['leading comma', 'x = [,]\n'],
    ['empty argument', 'x = foo(,)\n'],
    ['object items on one line without comma', 'x = {\n  a = 1 b = 2\n}\n'],
    ['object value on the next line', 'x = {\n  a =\n 1\n}\n'],
    ['object key before a newline', 'x = {\n  a\n = 1\n}\n'],
    ['object value continued on the next line', 'x = {a = 1 +\n2}\n'],
    ['heredoc object key', 'x = {<<EOT\nk\nEOT\n = 1}\n'],
    ['for in an object key', 'x = {for = 1}\n'],
    ['key in a tuple for', 'x = [for x in a : k => x]\n'],
    ['object for without key', 'x = {for x in a : x}\n'],
    ['empty for', 'x = [for]\n'],
    ['unterminated comment', 'x = 1 /* unterminated\n'],
    ['form feed', 'x = 1\f\n'],
    ['lone carriage return', 'x = 1\ry = 2\n'],
    ['second byte-order mark', '\ufeff\ufeffx = 1\n'],
    ['blocks with and without labels', 'y "a" {}\ny {}\n'],
    ['blocks without and with labels', 'y {}\ny "a" {}\n'],
    ['label levels of different depth', 'y "a" {}\ny "a" "c" {}\n'],
    ['unary on an unsuitable literal', 'x = !1\n'],
    ['negated null', 'x = -null\n'],
    ['negated bool', 'x = -true\n'],
  ])('%s', async (_what, text) => {
    expect(native(text).unsupported).toBeDefined();
    expect((await wasm(text)).error).toBeDefined();
  });
});

describe('parseHcl', () => {
  it('returns the native result', async () => {
    expect(await parseHcl('a.tf', 'resource "aws_db_instance" "db" {\n  deletion_protection = true\n}\n')).toEqual({
      resource: { aws_db_instance: { db: [{ deletion_protection: true }] } },
    });
  });

  it('falls back to hcl2json for what the native parser leaves alone', async () => {
    const text = 'x = "%{ if a }b%{ endif }"\n';
    expect(await parseHcl('a.tf', text)).toEqual(await parse('a.tf', text));
  });

  it("keeps hcl2json's diagnostics for syntax errors", async () => {
    await expect(parseHcl('bad.tf', 'x = "abc\n')).rejects.toThrow(/parse config: \[bad\.tf:1,/);
  });
});
