// End to end: the HTML report of the incident fixture, opened in headless Chromium (Debian's `chromium`, driven by
// playwright-core). The graph and the findings must render, and the page must load nothing from the network.
// Keeps a screenshot in test-artifacts/html-report.png (a CI artifact).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext } from 'playwright-core';
import { scanDirectory, type ScanResult } from '../src/scan.js';
import { render } from '../src/report/index.js';
import { SEVERITIES } from '../src/core/types.js';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
const executablePath = CANDIDATES.find((p) => existsSync(p));
const inCi = !!process.env.CI && process.env.CI !== 'false';
const ARTIFACTS = resolve('test-artifacts');

if (!executablePath && !inCi)
  console.warn(`html-report.test: skipped — no Chromium at ${CANDIDATES.join(', ')} (install Debian's chromium: apt-get install -y chromium)`);

describe.skipIf(!executablePath && !inCi)('HTML report in headless Chromium', () => {
  let result: ScanResult;
  let html: string;
  let context: BrowserContext | undefined;
  let userDataDir: string | undefined;

  beforeAll(async () => {
    if (!executablePath)
      throw new Error(`Chromium not found (looked at ${CANDIDATES.join(', ')}): CI must install Debian's chromium package (.ci/run does).`);
    result = await scanDirectory('fixtures/railway-incident');
    result.target = 'fixtures/railway-incident';
    html = await render(result, 'html', { color: false });
    userDataDir = mkdtempSync(join(tmpdir(), 'blastradius-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1440, height: 1000 },
    });
  });

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('renders the graph and the findings, makes no network request, and keeps a screenshot', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'html-report.html');
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;

    const page = await context!.newPage();
    const requests: string[] = [];
    page.on('request', (req) => void requests.push(req.url()));
    const consoleErrors: string[] = [];
    page.on('console', (msg) => void (msg.type() === 'error' && consoleErrors.push(msg.text())));
    await page.goto(url, { waitUntil: 'load' });

    // The graph: an inline SVG drawn offline, with nodes that link to their findings.
    const nodeCount = await page.locator('.graphbox svg g.node').count();
    expect(nodeCount).toBeGreaterThan(3);
    const links = await page.locator('.graphbox svg g.node a').evaluateAll((as) => as.map((a) => a.getAttribute('xlink:href') ?? a.getAttribute('href')));
    expect(links.length).toBeGreaterThan(3);
    for (const href of links) {
      expect(href).toMatch(/^#n_[A-Za-z0-9_]+$/);
      expect(await page.locator(`[id="${href!.slice(1)}"]`).count(), `anchor ${href}`).toBe(1);
    }
    await expect.poll(() => page.locator('.graphbox svg g.edge.destructive').count()).toBeGreaterThan(0);

    // The findings, grouped by severity, one row each.
    const active = result.findings.filter((f) => !f.suppressed);
    expect(await page.locator('table.findings tbody tr.finding').count()).toBe(active.length);
    for (const s of SEVERITIES) {
      const n = active.filter((f) => f.severity === s).length;
      expect(await page.locator(`#severity-${s} tr.finding`).count()).toBe(n);
    }
    expect(await page.locator('#severity-critical').textContent()).toContain('staging-reaches-production');
    // Clicking a graph node jumps to its card, which links to its findings.
    const volume = page.locator('.graphbox svg g.node', { hasText: 'web-volume' }).first();
    await volume.locator('a').click();
    const target = await page.evaluate(() => location.hash);
    expect(target).toMatch(/^#n_/);
    expect(await page.locator(`${target} ul.nf a`).count()).toBeGreaterThan(0);
    await page.evaluate(() => window.scrollTo(0, 0));

    // Nothing but the document itself (and data: URLs) was requested.
    const external = requests.filter((u) => u !== url && !u.startsWith('data:'));
    expect(external).toEqual([]);
    expect(consoleErrors).toEqual([]);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'none'");

    await page.screenshot({ path: join(ARTIFACTS, 'html-report.png'), fullPage: true });
    await page.close();
  });

  it('holds no raw secret', () => {
    for (const c of result.credentials) {
      const raw = result.vault.get(c.fingerprint)!;
      expect(html.includes(raw), `${c.fingerprint} leaked`).toBe(false);
    }
  });
});
