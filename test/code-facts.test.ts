// codeFacts: string-literal bindings and environment reads of JS/TS files, read off the TypeScript scanner.
import { describe, expect, it } from 'vitest';
import { codeFacts } from '../src/pipeline/code-facts.js';
import { sourceFile } from './helpers/files.js';

const facts = (text: string, path = 'src/a.ts') => codeFacts(sourceFile(path, text));
const bindings = (text: string, path?: string) => facts(text, path).assignments;
const reads = (text: string, path?: string) => facts(text, path).envReads;

/** The binding of `value` (unique in text) to `name`: index is that of the value's first character. */
const b = (text: string, name: string, value: string, raw = value) => {
  const at = text.indexOf(raw);
  if (at < 0) throw new Error(`${raw} not in text`);
  return { name, value, index: at };
};
/** A read of `name` at the first occurrence of `at` (the property name, or the quote of a string key). */
const r = (text: string, name: string, at = name) => {
  const index = text.indexOf(at);
  if (index < 0) throw new Error(`${at} not in text`);
  return { name, index };
};

describe('codeFacts bindings', () => {
  it('declarations, with and without type annotations', () => {
    const t = `const a = 'v1';\nlet b = "v2", c = \`v3\`;\nvar d;\nconst token: string = "v4";\nlet e: { kind: 'no' } | Array<string> = 'v5';\nlet f!: string;\n`;
    expect(bindings(t)).toEqual([b(t, 'a', 'v1'), b(t, 'b', 'v2'), b(t, 'c', 'v3'), b(t, 'token', 'v4'), b(t, 'e', 'v5')]);
  });

  it('assignments to names, properties and string-keyed elements', () => {
    const t = `x = 'v1';\nobj.prop = 'v2';\na.b.c = 'v3';\nobj['key1'] = 'v4';\nobj[\`key2\`] = 'v5';\nobj[k] = 'v6';\nobj[a.b] = 'v7';\nobj[0] = 'no1';\nobj[f()] = 'no2';\nthis.#p = 'v8';\no.default = 'v9';\n`;
    expect(bindings(t)).toEqual([
      b(t, 'x', 'v1'),
      b(t, 'prop', 'v2'),
      b(t, 'c', 'v3'),
      b(t, 'key1', 'v4'),
      b(t, 'key2', 'v5'),
      b(t, 'k', 'v6'),
      b(t, 'b', 'v7'),
      b(t, '#p', 'v8'),
      b(t, 'default', 'v9'),
    ]);
  });

  it('object literal properties, nested, quoted and keyword names', () => {
    const t = `export default { host: 'v1', 'api-key': "v2", nested: { deep: 'v3' }, default: 'v4', 1: 'no1', [k]: 'no2', m() { return 'no3'; } };\n`;
    expect(bindings(t)).toEqual([b(t, 'host', 'v1'), b(t, 'api-key', 'v2'), b(t, 'deep', 'v3'), b(t, 'default', 'v4')]);
  });

  it('class property initialisers', () => {
    const t = `class C extends Base<{ a: 'no1' }> implements I<'no2'> {\n  plain = 'v1';\n  static readonly typed: string = 'v2';\n  #secret = 'v3';\n  opt?: string = 'v4';\n  'quoted' = 'v5';\n  declare d: 'no3';\n  [computed] = 'no4';\n  @Dec({ dec: 'v6' }) decorated = 'v7';\n  method(m = 'no5'): 'no6' { this.inside = 'v8'; return 'no7'; }\n}\n`;
    expect(bindings(t)).toEqual([
      b(t, 'plain', 'v1'),
      b(t, 'typed', 'v2'),
      b(t, '#secret', 'v3'),
      b(t, 'opt', 'v4'),
      b(t, 'quoted', 'v5'),
      b(t, 'dec', 'v6'),
      b(t, 'decorated', 'v7'),
      b(t, 'inside', 'v8'),
    ]);
  });

  it('values are cooked and indexed just after the opening quote', () => {
    const t = `const a = 'x\\x41\\u0042';\nconst n = \`tpl\`;\n`;
    expect(bindings(t)).toEqual([
      { name: 'a', value: 'xAB', index: t.indexOf('x\\x41') },
      { name: 'n', value: 'tpl', index: t.indexOf('tpl') },
    ]);
  });

  it('a string that is an argument, a comparison or part of a larger expression binds nothing', () => {
    const t = [
      `f('no1');`,
      `if (a == 'no2' || a === 'no3' || a != 'no4') {}`,
      `a += 'no5';`,
      `const c = 'no6' + x;`,
      `const d = 'no7'.trim();`,
      `const e = 'no8' as const;`,
      `const g = cond ? 'no9' : 'no10';`,
      `const h = '';`,
      `const i = 'no11'\n  + 'no12';`,
      `const j = \`no13\${x}\`;`,
    ].join('\n');
    expect(bindings(t)).toEqual([]);
  });

  it('parameter, destructuring and enum defaults are not bindings', () => {
    const t = [
      `function f(a = 'no1', { b = 'no2' } = {}, [c = 'no3'] = []) {}`,
      `const g = (d: string = 'no4') => d;`,
      `const h = async (e = 'no5') => e;`,
      `class K { constructor(private p = 'no6') { super(); } m(q = 'no7') {} }`,
      `const o = { m(r = 'no8') {} };`,
      `const { s = 'no9', t: u = 'no10' } = obj;`,
      `const [v = 'no11'] = arr;`,
      `enum E { A = 'no12' }`,
      `type T<X = 'no13'> = { kind: 'no14' };`,
      `interface I { kind: 'no15' }`,
    ].join('\n');
    expect(bindings(t)).toEqual([]);
  });

  it('arrow bodies: an expression body binds, a block body label does not', () => {
    const t = `const f = (x) => y = 'v1';\nconst g = () => ({ ret: 'v2' });\nconst h = () => { label: 'no1' };\nf((a = 'v3'));\n`;
    expect(bindings(t)).toEqual([b(t, 'y', 'v1'), b(t, 'ret', 'v2'), b(t, 'a', 'v3')]);
  });

  it('strings in comments and template text bind nothing; bindings inside template expressions count', () => {
    const t = `// a = 'no1'\n/* b = 'no2' */\nconst t = \`c = 'no3' \${{ inner: 'v1' }.inner} d = 'no4'\`;\nconst after = 'v2';\n`;
    expect(bindings(t)).toEqual([b(t, 'inner', 'v1'), b(t, 'after', 'v2')]);
  });

  it('a regular expression with quotes and brackets does not derail what follows', () => {
    const t = `const re = /['"(\\[]/g, a = 'v1';\nif (x) /'/.test(y);\nconst d = a / b / c, e = 'v2';\n`;
    expect(bindings(t)).toEqual([b(t, 'a', 'v1'), b(t, 'e', 'v2')]);
  });

  it('switch cases and labels are not properties', () => {
    const t = `switch (x) { case 'no1': y = 'v1'; break; default: z = 'v2'; }\nouter: for (;;) { break outer; }\n`;
    expect(bindings(t)).toEqual([b(t, 'y', 'v1'), b(t, 'z', 'v2')]);
  });

  it('a type assertion and type arguments are not read as comparisons or JSX', () => {
    const t = `const a = <any>'no1';\nconst s = useState<string>('no2'), after = 'v1';\nconst m = new Map<string, { k: 'no3' }>();\n`;
    expect(bindings(t)).toEqual([b(t, 'after', 'v1')]);
  });
});

describe('codeFacts in JSX', () => {
  const page = [
    `export function App() {`,
    `  const label = 'v1';`,
    `  return (`,
    `    <div className="no1" title='no2' style={{ color: 'v2' }} onClick={() => { clicked = 'v3'; }}>`,
    `      It's a "test" with it's apostrophes, a = 'no3' and process.env.NOT_READ`,
    `      {cond ? <span>don't {process.env.IN_JSX}</span> : <b>it's</b>}`,
    `      {/* comment b = 'no4' */}`,
    `      <>fragment's {items.map((i) => <li key={i}>{i}</li>)}</>`,
    `    </div>`,
    `  );`,
    `}`,
    `const after = 'v4';`,
  ].join('\n');
  for (const path of ['src/App.tsx', 'src/App.jsx', 'src/App.js']) {
    it(`apostrophes in JSX text do not derail the rest of ${path}`, () => {
      const t = page;
      expect(facts(t, path)).toEqual({
        assignments: [b(t, 'label', 'v1'), b(t, 'color', 'v2'), b(t, 'clicked', 'v3'), b(t, 'after', 'v4')],
        envReads: [r(t, 'IN_JSX')],
      });
    });
  }

  it('a TSX generic arrow function is not an element', () => {
    const t = `const id = <T,>(x: T) => x;\nconst dflt = <T = string,>(x: T) => x;\nconst after = 'v1';\n`;
    expect(bindings(t, 'src/a.tsx')).toEqual([b(t, 'after', 'v1')]);
  });
});

describe('codeFacts env reads', () => {
  it('process.env and import.meta.env, dotted, optional and by string key', () => {
    const t = `const a = process.env.A1;\nconst b = process.env['A2'];\nconst c = process?.env?.A3;\nconst d = process.env?.["A4"];\nconst e = import.meta.env.A5;\nconst f = process /* c */ . env . A6;\nconst g = process.env[\`A7\`];\n`;
    expect(reads(t)).toEqual([
      r(t, 'A1'),
      r(t, 'A2', `'A2'`),
      r(t, 'A3'),
      r(t, 'A4', `"A4"`),
      r(t, 'A5'),
      r(t, 'A6'),
      r(t, 'A7', '`A7`'),
    ]);
  });

  it('reads in comments, strings, templates text and other objects are not reported', () => {
    const t = `// process.env.C1\n/* process.env.C2 */\nconst s = 'process.env.C3';\nconst t = \`process.env.C4 \${process.env.REAL}\`;\nconst o = foo.process.env.C5;\nlet x: typeof process.env.C6;\n`;
    expect(reads(t)).toEqual([r(t, 'REAL')]);
  });

  it('an env read is also the name of a binding when assigned', () => {
    const t = `process.env.MODE = 'v1';\n`;
    expect(facts(t)).toEqual({ assignments: [b(t, 'MODE', 'v1')], envReads: [r(t, 'MODE')] });
  });
});

describe('codeFacts on hostile input', () => {
  it('deep nesting ends the scan instead of overflowing the stack', () => {
    const deep = `const a = 'v1';\nx = ${'<a>'.repeat(20_000)};\n`;
    expect(bindings(deep, 'src/a.jsx')).toEqual([b(deep, 'a', 'v1')]);
    const parens = `x = ${'('.repeat(50_000)}1${')'.repeat(50_000)};\nconst after = 'v2';\n`;
    expect(bindings(parens, 'src/a.js')).toEqual([b(parens, 'after', 'v2')]);
  });

  it('unbalanced and unterminated code yields what was read before it', () => {
    const t = `}}])) const a = 'v1'; <div>{ ( [ \`\${ /re`;
    expect(bindings(t, 'src/a.tsx')).toEqual([b(t, 'a', 'v1')]);
  });
});
