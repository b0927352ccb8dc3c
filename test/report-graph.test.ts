// The blast-radius picture: the graph model of the incident fixture, DOT that Graphviz accepts, Mermaid that is
// well-formed, and no raw secret in any of them.
import { describe, expect, it } from 'vitest';
import { instance } from '@viz-js/viz';
import { scanDirectory } from '../src/scan.js';
import { graphModel, safeId, type GraphModel } from '../src/report/graph-model.js';
import { dotString, modelToDot, renderDot } from '../src/report/dot.js';
import { mermaidBlock, mermaidGraph } from '../src/report/mermaid.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { render, FORMATS } from '../src/report/index.js';
import { scanRepo } from './helpers/scan.js';

const SAFE_ID = /^[A-Za-z][A-Za-z0-9_]*$/;

describe('blast-radius graph of the Railway incident', async () => {
  const result = await scanDirectory('fixtures/railway-incident');
  const model = graphModel(result);
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const raws = result.credentials.map((c) => result.vault.get(c.fingerprint)!);

  it('has the credential, its destructive edge to the production volume, the backup and the agent', () => {
    const railway = model.nodes.find((n) => n.kind === 'credential' && n.label.startsWith('RAILWAY'));
    expect(railway, 'a Railway credential node').toBeDefined();
    expect(railway!.detail).toMatch(/…[A-Za-z0-9]{4} \(\d+\)/);
    expect(railway!.findings.length).toBeGreaterThan(0);

    // credential → principal (its scope) → production volume, destructive
    const principal = model.edges.find((e) => e.from === railway!.id && e.kind === 'acts-as')!;
    expect(byId.get(principal.to)!.kind).toBe('principal');
    const toVolume = model.edges.find(
      (e) => e.from === principal.to && e.kind === 'can' && byId.get(e.to)?.resourceType === 'volume' && byId.get(e.to)?.environment === 'production',
    );
    expect(toVolume, 'a destructive edge to a production volume').toBeDefined();
    expect(toVolume!.destructive).toBe(true);

    // the volume's backups, in the same failure domain
    const backup = model.edges.find((e) => e.from === toVolume!.to && e.kind === 'backed-up-by');
    expect(backup, 'a backup edge from the production volume').toBeDefined();
    expect(byId.get(backup!.to)!.kind).toBe('backup');
    expect(backup!.sharesFate).toBe(true);

    // an agent in the checkout can read the credential
    const read = model.edges.find((e) => e.to === railway!.id && e.kind === 'can-read');
    expect(read).toBeDefined();
    expect(byId.get(read!.from)!.kind).toBe('agent');
  });

  it('uses ids that are safe in DOT, Mermaid and HTML, unique, and every edge has both ends', () => {
    const ids = model.nodes.map((n) => n.id);
    for (const id of ids) expect(id).toMatch(SAFE_ID);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of model.edges) {
      expect(byId.has(e.from), e.from).toBe(true);
      expect(byId.has(e.to), e.to).toBe(true);
      expect(e.from).not.toBe(e.to);
    }
    expect(safeId('a"b\\c\n<script>')).toMatch(SAFE_ID);
    expect(safeId('x:y')).not.toBe(safeId('x/y'));
  });

  it('DOT parses and renders with Graphviz (viz.js)', async () => {
    const dot = renderDot(result, { links: true });
    const viz = await instance();
    const out = viz.render(dot, { format: 'svg' });
    expect(out.errors.filter((e) => e.level === 'error')).toEqual([]);
    expect(out.status).toBe('success');
    const svg = out.output!;
    expect((svg.match(/<g id="node\d+" class="node"/g) ?? []).length).toBe(model.nodes.length);
    expect(svg).toContain('class="edge destructive"');
    expect(svg).toMatch(/xlink:href="#n_[A-Za-z0-9_]+"/);
  });

  it('escapes DOT strings so labels cannot break out', async () => {
    expect(dotString('a "quoted" \\N label\nnext')).toBe('"a \\"quoted\\" \\\\N label\\nnext"');
    const evil: GraphModel = {
      nodes: [{ id: 'n_a', key: 'a', kind: 'resource', label: 'x"]; evil [label="pwn', detail: 'back\\slash', environment: 'production', findings: [] }],
      edges: [],
      environments: ['production'],
      omittedCredentials: 0,
    };
    const out = (await instance()).render(modelToDot(evil), { format: 'svg' });
    expect(out.status).toBe('success');
    expect((out.output!.match(/class="node"/g) ?? []).length).toBe(1);
  });

  it('Mermaid is well-formed', () => {
    const src = mermaidGraph(result);
    const lines = src.split('\n');
    expect(lines[0]).toMatch(/^flowchart (LR|TB)$/);
    const declared = new Set<string>();
    let depth = 0;
    for (const line of lines.slice(1)) {
      const t = line.trim();
      if (t.startsWith('subgraph ')) depth++;
      else if (t === 'end') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
      const node = /^([A-Za-z][A-Za-z0-9_]*)\["([^"]*)"\](?::::[A-Za-z_]+)?$/.exec(t);
      if (node) declared.add(node[1]!);
      const edge = /^([A-Za-z][A-Za-z0-9_]*) (==>|-->|-\.->|---)\|"([^"|]*)"\| ([A-Za-z][A-Za-z0-9_]*)$/.exec(t);
      if (edge) {
        expect(declared.has(edge[1]!), `edge from undeclared ${edge[1]}`).toBe(true);
        expect(declared.has(edge[4]!), `edge to undeclared ${edge[4]}`).toBe(true);
      }
      const known = node || edge || /^subgraph [A-Za-z_]+\["[^"]*"\]$/.test(t) || t === 'end' || /^(classDef|linkStyle) /.test(t);
      expect(known, `unexpected Mermaid line: ${t}`).toBeTruthy();
    }
    expect(depth).toBe(0);
    expect(src).toMatch(/==>\|"(admin|delete)"\|/);
    expect(src).toContain('linkStyle ');
    expect(mermaidBlock(result)).toMatch(/^```mermaid\nflowchart/);
  });

  it('Mermaid can be narrowed to one finding and capped', () => {
    const f = result.findings.find((x) => x.ruleId === 'staging-reaches-production')!;
    const narrow = mermaidGraph(result, { onlyFingerprints: new Set([f.fingerprint]) });
    expect(narrow).toContain('RAILWAY');
    expect(narrow).not.toContain('GITHUB');
    expect(mermaidGraph(result, { onlyFingerprints: new Set() })).toBe('');
    const capped = mermaidGraph(result, { maxNodes: 5 });
    expect((capped.match(/^\s+n_[A-Za-z0-9_]+\["/gm) ?? []).length).toBe(5);
    expect(capped).toMatch(/more not drawn/);
  });

  it('Markdown carries the graph in a collapsible section', () => {
    const md = renderMarkdown(result);
    expect(md).toMatch(/<details><summary>Blast-radius graph<\/summary>\n\n```mermaid\nflowchart LR\n[\s\S]*?\n```\n\n<\/details>/);
  });

  it('offers html and dot, and no raw secret reaches any picture', async () => {
    expect(FORMATS).toContain('html');
    expect(FORMATS).toContain('dot');
    const outputs = [
      await render(result, 'dot', { color: false }),
      await render(result, 'markdown', { color: false }),
      await render(result, 'html', { color: false }),
      modelToDot(model, { links: true }),
      mermaidGraph(result),
    ];
    for (const out of outputs) for (const raw of raws) expect(out.includes(raw)).toBe(false);
  });
});

describe('pictures of small repositories', () => {
  it('an empty scan draws nothing and still renders', async () => {
    const result = await scanRepo({ 'README.md': '# nothing here\n' });
    expect(graphModel(result).nodes).toEqual([]);
    expect(mermaidGraph(result)).toBe('');
    expect(renderMarkdown(result)).not.toContain('```mermaid');
    const html = await render(result, 'html', { color: false });
    expect(html).toContain('nothing to draw');
    expect(html).toContain("default-src 'none'");
  });

  it('folds a long reach into one "+N more" node', async () => {
    const result = await scanDirectory('fixtures/railway-incident');
    const model = graphModel(result, { maxResourcesPerCredential: 2 });
    const more = model.nodes.find((n) => n.kind === 'more');
    expect(more?.label).toMatch(/^\+\d+ more resources$/);
    const one = graphModel(result, { maxCredentials: 1 });
    expect(one.nodes.filter((n) => n.kind === 'credential')).toHaveLength(1);
    expect(one.omittedCredentials).toBe(result.credentials.length - 1);
  });
});

describe('AI vendors in the blast-radius graph', async () => {
  const single = graphModel(await scanDirectory('fixtures/ai-single-vendor'));
  const hardened = graphModel(await scanDirectory('fixtures/ai-vendor-hardened'));
  const vendorNode = (m: GraphModel, name: string) => m.nodes.find((n) => n.kind === 'vendor' && n.label === `${name} (AI vendor)`);

  it('draws the vendor with what stops, the key that pays for it, the agent that runs on it and its findings', () => {
    const anthropic = vendorNode(single, 'Anthropic')!;
    expect(anthropic.detail).toBe('stops: 2 product uses, 1 CI job, 2 agent configs; no fallback for some product uses');
    expect(anthropic.worst).toBe('medium');
    expect(anthropic.findings).toHaveLength(3);
    const into = single.edges.filter((e) => e.to === anthropic.id).map((e) => [single.nodes.find((n) => n.id === e.from)!.kind, e.label]);
    expect(into).toEqual(expect.arrayContaining([['credential', 'pays for'], ['agent', 'runs on']]));
    expect(modelToDot(single)).toContain('shape="hexagon"');
  });

  it('says the hardened twin has a fallback for every product use, with no finding on it', () => {
    const openai = vendorNode(hardened, 'OpenAI')!;
    expect(openai.detail).toBe('stops: 2 product uses; every product use has a fallback');
    expect(openai.findings).toEqual([]);
  });
});
