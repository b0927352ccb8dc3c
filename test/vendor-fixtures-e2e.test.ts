// The vendor blast radius fixtures end to end: one Anthropic key behind everything, and its hardened twin.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanDirectory } from '../src/scan.js';
import { runCli } from './helpers/cli.js';
import { scanRepo } from './helpers/scan.js';

describe('fixtures/ai-single-vendor', async () => {
  const result = await scanDirectory('fixtures/ai-single-vendor');
  const byRule = (id: string) => result.findings.filter((f) => f.ruleId === id);

  it('reports the API route and the nightly job as one single-vendor finding at medium', () => {
    const [f, ...rest] = byRule('ai-feature-single-vendor');
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('medium');
    expect(f!.locations.map((l) => l.path).sort()).toEqual(['app/api/chat/route.ts', 'jobs/nightly-digest.ts']);
    expect(f!.message).toContain('depends on Anthropic alone (request path, batch job');
  });

  it('reports the one key behind the route, the job and the review workflow', () => {
    const [f, ...rest] = byRule('ai-vendor-key-shared');
    expect(rest).toEqual([]);
    expect(f!.locations[0]!.path).toBe('.env');
    expect(f!.message).toContain('serves 3 consumers: ');
    for (const consumer of ['request-path app/api/chat/route.ts:1', 'batch-job jobs/nightly-digest.ts:2', 'CI job review (.github/workflows/claude-review.yml, secret ANTHROPIC_API_KEY)']) expect(f!.message).toContain(consumer);
  });

  it('reports the engineering workflow on Anthropic once, with the agent, CI job and MCP server', () => {
    const [f, ...rest] = byRule('engineering-workflow-single-vendor');
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('medium');
    expect(f!.locations.map((l) => l.path).sort()).toEqual(['.claude/settings.json', '.github/workflows/claude-review.yml', '.mcp.json']);
  });

  it('puts the vendor blast radius in the JSON report: what stops, the redacted key, no fallback', async () => {
    const { stdout } = await runCli(['scan', 'fixtures/ai-single-vendor', '-f', 'json', '--fail-on', 'none']);
    const vendors = (JSON.parse(stdout) as { vendors: Array<{ vendor: string; stops: Array<{ kind: string; fallback: string | null }>; credentials: Array<{ preview: string }>; productFallback: boolean | null }> }).vendors;
    expect(vendors.map((v) => v.vendor)).toEqual(['anthropic']);
    const [a] = vendors;
    expect(a!.stops.map((s) => s.kind).sort()).toEqual(['agent', 'batch-job', 'ci-job', 'mcp-server', 'request-path']);
    expect(a!.stops.every((s) => s.fallback === null)).toBe(true);
    expect(a!.productFallback).toBe(false);
    expect(a!.credentials.map((c) => c.preview)).toEqual([expect.stringMatching(/^sk-ant-api03-….{4} \(108\)$/)]);
  });

  it('prints the section in the table and in Markdown', async () => {
    const table = await runCli(['scan', 'fixtures/ai-single-vendor', '--no-color', '--fail-on', 'none'], { COLUMNS: '200' });
    expect(table.stdout).toContain('Vendor blast radius (what stops if the vendor suspends the organisation):');
    expect(table.stdout).toMatch(/product: app\/api\/chat\/route\.ts:1 \(request-path, production\), jobs\/nightly-digest\.ts:2 \(batch-job, production\) — no fallback/);
    const md = await runCli(['scan', 'fixtures/ai-single-vendor', '-f', 'markdown', '--fail-on', 'none']);
    expect(md.stdout).toContain('<details><summary>Vendor blast radius</summary>');
    expect(md.stdout).toMatch(/\| Anthropic \| product: .*<br>CI jobs: \.github\/workflows\/claude-review\.yml:5 \(ci-job\) — no fallback<br>agents: /);
  });
});

describe('fixtures/ai-vendor-hardened', async () => {
  const result = await scanDirectory('fixtures/ai-vendor-hardened');

  it('has nothing at medium or above', () => {
    expect(result.findings.filter((f) => ['critical', 'high', 'medium'].includes(f.severity)).map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
  });

  it('sees the gateway as the fallback of both product uses', async () => {
    expect(result.findings.filter((f) => f.category === 'vendor-dependency')).toEqual([]);
    const { stdout } = await runCli(['scan', 'fixtures/ai-vendor-hardened', '-f', 'json', '--fail-on', 'none']);
    const openai = (JSON.parse(stdout) as { vendors: Array<{ vendor: string; stops: Array<{ fallback: string | null }>; productFallback: boolean }> }).vendors.find((v) => v.vendor === 'openai')!;
    expect(openai.productFallback).toBe(true);
    expect(openai.stops.map((s) => s.fallback)).toEqual([expect.stringContaining('gateway to anthropic, openai, self-hosted (litellm/config.yaml:1)'), expect.stringContaining('gateway to anthropic, openai, self-hosted')]);
  });
});

describe('vendor uses by service', () => {
  it('reports each app with its own manifest once, and a key name alone neither fires nor counts as a fallback', async () => {
    const result = await scanRepo({
      'support/package.json': '{ "name": "support" }\n',
      'support/app/api/chat/route.ts': "import Anthropic from '@anthropic-ai/sdk';\nexport const client = new Anthropic();\n",
      'support/lib/keys.ts': 'export const keys = { gemini: process.env.GEMINI_API_KEY };\n',
      'analyst/package.json': '{ "name": "analyst" }\n',
      'analyst/app/api/finance/route.ts': "import Anthropic from '@anthropic-ai/sdk';\nexport const client = new Anthropic();\n",
      'settings/forward.py': 'import os\nKEYS = {"OPENAI_API_KEY": os.getenv("OPENAI_API_KEY")}\n',
    });
    const mine = result.findings.filter((f) => f.ruleId === 'ai-feature-single-vendor');
    expect(mine.map((f) => f.locations.map((l) => l.path)).sort()).toEqual([['analyst/app/api/finance/route.ts'], ['support/app/api/chat/route.ts']]);
    expect(mine.map((f) => f.message.split(' depends')[0]).sort()).toEqual(['analyst', 'support']);
  });
});

describe('vendor dependency in PR mode', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'br-vendor-pr-'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: tmp });
  const route = (body: string) => writeFileSync(join(tmp, 'app/api/chat/route.ts'), body);
  mkdirSync(join(tmp, 'app/api/chat'), { recursive: true });
  writeFileSync(join(tmp, 'package.json'), '{ "name": "chat" }\n');
  route("import OpenAI from 'openai';\nimport Anthropic from '@anthropic-ai/sdk';\nexport async function POST() {\n  try { return await new OpenAI().responses.create({ model: 'gpt-4.1', input: 'x' }); }\n  catch { return new Anthropic().messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1, messages: [] }); }\n}\n");
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'two vendors');

  it('a change that removes the fallback vendor is a new single-vendor finding', async () => {
    route("import OpenAI from 'openai';\nexport async function POST() {\n  return new OpenAI().responses.create({ model: 'gpt-4.1', input: 'x' });\n}\n");
    git('commit', '-qam', 'drop the fallback');
    const r = await runCli(['scan', tmp, '--diff-base', 'HEAD~1', '--format', 'json']);
    const report = JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; message: string; locations: Array<{ path: string }> }> };
    expect(report.findings.map((f) => [f.ruleId, f.locations[0]!.path])).toEqual([['ai-feature-single-vendor', 'app/api/chat/route.ts']]);
    expect(report.findings[0]!.message).toContain('OpenAI alone');
  });
});
