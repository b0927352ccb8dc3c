// An installed package has its dependencies and none of its devDependencies: every package the product's code loads at
// run time — imported statically or dynamically from src/ or detectors/, or loaded on first use by src/core/lazy-deps.ts
// (which the CLI bundle leaves in node_modules) — must be a dependency. A runtime import of a devDependency passes
// every test here (a checkout has both) and fails for every user who installs the package; a dependency nothing loads
// is weight every user installs.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { fdir } from 'fdir';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
const packageOf = (spec: string) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

/** Every bare module specifier the file imports for its values (type-only imports and import types excluded). */
function runtimeImports(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) out.push(node.moduleSpecifier.text);
    else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) out.push(node.moduleSpecifier.text);
    else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]!)) {
      const callee = node.expression;
      // import('x'), and lazy-deps' load('x') (createRequire)
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'load')) out.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out.filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtinModules.includes(s)).map(packageOf);
}

describe('packaging', () => {
  const files = ['src', 'detectors'].flatMap((d) =>
    new fdir()
      .withFullPaths()
      .filter((p) => /\.ts$/.test(p) && !p.endsWith('.d.ts'))
      .crawl(join(ROOT, d))
      .sync(),
  );

  it('every package the product loads at run time is a dependency, not a devDependency', () => {
    const used = new Map<string, string>();
    for (const f of files) for (const p of runtimeImports(f)) used.set(p, used.get(p) ?? f.slice(ROOT.length + 1));
    expect(used.has('ts-morph') && used.has('recheck') && used.has('ajv'), [...used.keys()].join(', ')).toBe(true);
    const missing = [...used].filter(([p]) => !(p in pkg.dependencies)).map(([p, f]) => `${p} (${f}${p in pkg.devDependencies ? ', a devDependency' : ''})`);
    expect(missing).toEqual([]);
    // And every dependency is one of them: a user installs nothing the product never loads.
    expect(Object.keys(pkg.dependencies).filter((p) => !used.has(p))).toEqual([]);
  });
});
