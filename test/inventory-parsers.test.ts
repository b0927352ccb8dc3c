// Runs every inventory parser's own examples: expected resources (with attributes) appear, rejected ones do not.
import { describe, expect, it } from 'vitest';
import { inventoryParsers } from '../detectors/inventory/index.js';
import { sourceFile } from './helpers/files.js';

const idMatches = (id: string, pattern: string) => (pattern.endsWith('*') ? id.startsWith(pattern.slice(0, -1)) : id === pattern);

describe('inventory parsers', () => {
  it('have unique ids', () => {
    const ids = inventoryParsers.map((p) => p.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  for (const parser of inventoryParsers) {
    describe(parser.meta.id, () => {
      it('has examples', () => expect(parser.examples.length).toBeGreaterThan(0));
      parser.examples.forEach((ex, i) => {
        it(`example ${i + 1} (${ex.file.path})`, async () => {
          const file = sourceFile(ex.file.path, ex.file.text);
          expect(parser.applies(file)).toBe(true);
          const related = (ex.related ?? []).map((r) => sourceFile(r.path, r.text));
          const prepared = parser.prepare ? await parser.prepare([file, ...related].filter((f) => parser.applies(f))) : undefined;
          const resources = (await parser.parse(file, prepared)).resources ?? [];
          for (const want of ex.expect) {
            const got = resources.find((r) => idMatches(r.id, want.id));
            expect(got, `resource ${want.id} in ${resources.map((r) => r.id).join(', ')}`).toBeDefined();
            if (want.type) expect(got!.type).toBe(want.type);
            if (want.environment) expect(got!.environment).toBe(want.environment);
            if (want.attributes) expect(got!.attributes).toMatchObject(want.attributes);
          }
          for (const reject of ex.reject ?? []) expect(resources.some((r) => idMatches(r.id, reject))).toBe(false);
        });
      });
    });
  }
});

describe('kubernetes: which manifests are parsed', () => {
  const k8s = inventoryParsers.find((p) => p.meta.id === 'kubernetes')!;
  const manifest = (kind: string) => `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: x\n`;
  it('skips kinds that hold nothing it records (the YAML parse is the cost)', () => {
    for (const kind of ['Deployment', 'Service', 'ConfigMap', 'Ingress', 'SecretProviderClass', 'JobTemplate'])
      expect(k8s.applies(sourceFile(`k8s/${kind}.yaml`, manifest(kind))), kind).toBe(false);
  });
  it('parses the kinds it reads, quoted, in lists and in multi-document files', () => {
    expect(k8s.applies(sourceFile('a.yaml', manifest('StatefulSet')))).toBe(true);
    expect(k8s.applies(sourceFile('b.yaml', manifest('"Secret"')))).toBe(true);
    expect(k8s.applies(sourceFile('c.yaml', 'apiVersion: v1\nkind: List\nitems:\n  - kind: PersistentVolumeClaim\n'))).toBe(true);
    expect(k8s.applies(sourceFile('d.yaml', `${manifest('Deployment')}---\n${manifest('CronJob')}`))).toBe(true);
  });
});
