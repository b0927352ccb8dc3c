// JSON validates against the published report schema; SARIF against the official SARIF 2.1.0 schema, with what
// GitHub code scanning needs; fingerprints survive unrelated edits.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { validateSarif } from './helpers/sarif-schema.js';
import { scanDirectory } from '../src/scan.js';
import { toJsonReport } from '../src/report/json.js';
import { toSarif } from '../src/report/sarif.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { renderTable, wrapWords } from '../src/report/table.js';
import { chainText } from '../src/pipeline/chain.js';
import { scanRepo } from './helpers/scan.js';

const reportSchema = JSON.parse(readFileSync('schema/report.schema.json', 'utf8'));
const validateReport = new Ajv({ allErrors: true, strict: false }).compile(reportSchema);

describe('report formats', async () => {
  const result = await scanDirectory('fixtures/railway-incident');

  it('JSON matches schema/report.schema.json', () => {
    const json = JSON.parse(JSON.stringify(toJsonReport(result)));
    expect(validateReport(json), JSON.stringify(validateReport.errors?.slice(0, 3))).toBe(true);
    expect(json.findings.length).toBeGreaterThan(0);
    expect(json.credentials[0].preview).toMatch(/…[A-Za-z0-9_-]{0,4} \(\d+\)$/);
  });

  it('SARIF is valid SARIF 2.1.0 with what code scanning needs', () => {
    const sarif = JSON.parse(JSON.stringify(toSarif(result)));
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    const run = sarif.runs[0];
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.help.markdown).toContain('### How to fix');
      expect(rule.properties['security-severity']).toMatch(/^\d+\.\d$/);
      expect(['high', 'medium', 'low', 'very-high']).toContain(rule.properties.precision);
    }
    expect(run.results).toHaveLength(result.findings.length);
    for (const r of run.results) {
      expect(ids[r.ruleIndex]).toBe(r.ruleId);
      expect(r.partialFingerprints['blastradius/v1']).toMatch(/^[0-9a-f]{20}$/);
      for (const l of r.locations) {
        expect(l.physicalLocation.artifactLocation.uri).not.toMatch(/^\/|^file:|\\/);
        expect(l.physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
        expect(l.physicalLocation.region.startColumn).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('Markdown has the summary and the chain', () => {
    const md = renderMarkdown(result);
    expect(md).toMatch(/^## blastradius — 🟥 \d+ critical/);
    expect(md).toContain('| Severity | Confidence | Rule | Where | Blast radius |');
  });

  it('the table keeps every line inside its width and every word of each chain, in order', () => {
    for (const width of [80, 120]) {
      const table = renderTable(result, { color: false, width });
      const rows = table.split('\n').filter((l) => l.startsWith('│'));
      expect(rows.length).toBeGreaterThan(result.findings.length);
      for (const row of rows) expect([...row].length).toBe(width);
      const rightColumn = rows.map((r) => r.split('│')[2]!.trim()).join(' ');
      for (const f of result.findings) expect(rightColumn.replace(/\s+/g, ' ')).toContain(chainText(f.chain).replace(/\s+/g, ' '));
    }
  });

  it("the README's example output is what the table prints", () => {
    const readme = readFileSync('README.md', 'utf8');
    const sample = /```\n\$ npx blastradius scan fixtures\/railway-incident\n([\s\S]*?)```/.exec(readme)![1]!.split('\n').filter((l) => l && !l.includes('…  '));
    const table = renderTable(result, { color: false, width: 120 }).split('\n');
    const lines = sample.filter((l) => l !== '…');
    expect(lines.length).toBeGreaterThan(8);
    for (const line of lines) expect(table.map((t) => t.replace(/^blastradius: \S+/, 'blastradius: fixtures/railway-incident'))).toContain(line);
  });

  it('wraps words as cli-table3 does: whitespace kept inside a line, a long word alone, an empty line gone', () => {
    expect(wrapWords('one two  three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapWords('a verylongword b', 5)).toEqual(['a', 'verylongword', 'b']);
    expect(wrapWords('one two  three', 14)).toEqual(['one two  three']);
    expect(wrapWords('', 10)).toEqual([]);
  });

  it('finding fingerprints do not change when unrelated lines move', async () => {
    const text = "// Syncs custom domains only.\nconst RAILWAY_API_TOKEN = '3f6c2b1e-9a4d-4c7b-8e2f-1d5a6b7c8e9f';\nfetch('https://backboard.railway.com/graphql/v2', { headers: { Authorization: `Bearer ${RAILWAY_API_TOKEN}` } });\n";
    const before = await scanRepo({ 'tools/dns/sync.mjs': text });
    const after = await scanRepo({ 'tools/dns/sync.mjs': '// a new header line\n\n\n' + text, 'README.md': '# unrelated\n' });
    const fp = (r: typeof before) => r.findings.map((f) => `${f.ruleId}:${f.fingerprint}`).sort();
    expect(fp(before).length).toBeGreaterThan(0);
    expect(fp(after)).toEqual(fp(before));
    expect(after.findings[0]!.locations[0]!.startLine).toBe(before.findings[0]!.locations[0]!.startLine + 3);
  });
});
