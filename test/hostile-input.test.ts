// Hostile input never ends the scan: each bad file becomes a diagnostic naming it and the reason, the rest of the scan is
// intact, nothing hangs, and the exit code is 0 or 1. The committed corpus (test/hostile/repo) holds malformed text;
// binary, huge, deeply nested, special and vanishing files and hostile names are generated here into a temp folder.
import { spawnSync, execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanDirectory, scanFiles, type ScanResult } from '../src/scan.js';
import { defaultConfig } from '../src/config/config.js';
import { decode } from '../src/pipeline/read.js';
import { render, FORMATS } from '../src/report/index.js';
import { hclNesting, MAX_HCL_NESTING } from '../detectors/inventory/hcl-guard.js';
import { runCli } from './helpers/cli.js';

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = join(ROOT, 'test/hostile/repo');
const TOKEN = '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';
const tmp = mkdtempSync(join(tmpdir(), 'br-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const diagOf = (r: ScanResult, path: string) => r.diagnostics.filter((d) => d.path === path);
const foundAt = (r: ScanResult) => r.credentials.filter((c) => c.provider === 'github').flatMap((c) => c.locations.map((l) => l.path));

function write(root: string, path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

/** Raw C0/C1 control or bidi characters: must never reach a terminal or a rendered report raw. */
 
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('the committed corpus of malformed files', () => {
  let result: ScanResult;
  beforeAll(async () => {
    result = await scanDirectory(CORPUS);
  });

  const MALFORMED = [
    '.github/workflows/unclosed-flow.yml',
    '.github/workflows/bad-indent.yml',
    '.github/workflows/tab-indent.yml',
    '.github/workflows/unterminated-string.yml',
    'compose/docker-compose.yml',
    'svc-unclosed/railway.toml',
    'svc-dup/railway.toml',
    'svc-badval/railway.toml',
    'svc-badstr/railway.toml',
    'fly-bad/fly.toml',
    'netlify-bad/netlify.toml',
    'mcp-trunc/.mcp.json',
    'mcp-trailing/.mcp.json',
    'pkg-bad/package.json',
    'railway-json/railway.json',
    'vercel-bad/vercel.json',
    'heroku-bad/app.json',
    'terraform.tfvars.json',
    'infra/unclosed-block.tf',
    'infra/bad-heredoc.tf',
    'infra/bad-string.tf',
    'infra/bad-interp.tf',
    'infra/garbage.tf',
    'infra/bad.tfvars',
  ];
  it.each(MALFORMED)('%s gets a diagnostic naming it and the reason', (path) => {
    const d = diagOf(result, path);
    expect(d.length, JSON.stringify(result.diagnostics.map((x) => x.path))).toBeGreaterThan(0);
    expect(d[0]!.message).toMatch(/invalid (?:YAML|TOML|JSON|HCL)/);
  });

  it('oddly shaped but valid files (wrong types, scalar roots, alias bombs, undefined aliases) crash nothing', () => {
    expect(result.diagnostics.filter((d) => /error|crash|failed/i.test(d.code) && d.code !== 'parse-error')).toEqual([]);
  });

  it('the rest of the scan is intact: the healthy file still yields its token', () => {
    expect(foundAt(result)).toEqual(['app/.env.production']);
  });

  it('the CLI exits 0 or 1 and renders every format', async () => {
    for (const format of FORMATS) {
      const r = await runCli(['scan', CORPUS, '--format', format]);
      expect([0, 1], r.stderr).toContain(r.code);
      expect(r.stdout.length).toBeGreaterThan(0);
    }
  });
});

describe('generated hostile files', () => {
  const root = join(tmp, 'gen');
  let result: ScanResult;
  beforeAll(async () => {
    mkdirSync(root);
    const w = (p: string, c: string | Buffer) => write(root, p, c);
    w('good.env', `GITHUB_TOKEN=${TOKEN}\n`);
    // Random and binary bytes, invalid UTF-8, UTF-16 with byte-order marks.
    w('random.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    w('invalid-utf8.env', Buffer.concat([Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0x0a]), Buffer.from(`GITHUB_TOKEN=${TOKEN}\n`)]));
    w('utf16le.env', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`GITHUB_TOKEN=${TOKEN}\n`, 'utf16le')]));
    w('utf16be.env', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(`GITHUB_TOKEN=${TOKEN}\n`, 'utf16le').swap16()]));
    w('utf16-odd.env', Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42])); // lone surrogate, odd length
    // 20 MB on one line, a token at the very end.
    w('dist/app.min.js', `var a=${JSON.stringify('x'.repeat(20 * 1024 * 1024))};var b="sk_live_"+"x";const GITHUB_TOKEN="${TOKEN}";`);
    // 10,000 levels of nesting in every structured format a parser claims.
    const deep = (n: number, open: string, close: string, inner = '1') => `${open.repeat(n)}${inner}${close.repeat(n)}`;
    w('deep-json/.mcp.json', deep(10_000, '{"a":', '}'));
    w('deep-json/package.json', `{"scripts":${deep(10_000, '[', ']')}}`);
    w('deep-json/railway.json', deep(10_000, '[', ']'));
    w('.github/workflows/deep.yml', `on: push\njobs: ${deep(10_000, '[', ']')}\n`);
    w('deep-yaml/docker-compose.yml', `services: ${deep(10_000, '{a: ', '}')}\n`);
    w('deep-yaml-block/docker-compose.yml', Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}- `).join('\n') + 'x\n');
    w('deep-toml/railway.toml', `a = ${deep(10_000, '[', ']')}\n`);
    w('infra/deep-list.tf', `locals {\n  a = ${deep(10_000, '[', ']')}\n}\n`);
    w('infra/deep-not.tf', `locals {\n  a = ${'!'.repeat(10_000)}true\n}\n`);
    w('infra/deep-cond.tf', `locals {\n  a = ${'c ? 1 : '.repeat(10_000)}1\n}\n`);
    w('infra/deep-blocks.tf', `${'b {\n'.repeat(10_000)}${'}\n'.repeat(10_000)}`);
    w('infra/zz-after.tf', 'resource "aws_db_instance" "orders" {\n  engine = "postgres"\n  deletion_protection = false\n}\n');
    // Links: a loop, out of the root, to a device, to a FIFO; a FIFO itself.
    symlinkSync('loop-b', join(root, 'loop-a'));
    symlinkSync('loop-a', join(root, 'loop-b'));
    symlinkSync('/etc/hostname', join(root, 'outside.env'));
    symlinkSync('/dev/zero', join(root, 'zero.env'));
    symlinkSync('..', join(root, 'parent-dir'));
    execFileSync('mkfifo', [join(root, 'pipe.env')]);
    symlinkSync('pipe.env', join(root, 'link-to-pipe.env'));
    // Hostile names.
    w('new\nline\u001b[31m\u0007.env', `GITHUB_TOKEN=${TOKEN}\n`);
    w('\u202eevil.env', `GITHUB_TOKEN=${TOKEN}\n`);
    w('pipe|`tick`<b>[x](y).env', `GITHUB_TOKEN=${TOKEN}\n`);
    writeFileSync(Buffer.concat([Buffer.from(root + '/bad-'), Buffer.from([0xff, 0xfe]), Buffer.from('.env')]), `GITHUB_TOKEN=${TOKEN}\n`);
    mkdirSync(Buffer.concat([Buffer.from(root + '/dir-'), Buffer.from([0xc0])]));
    const config = { ...defaultConfig(), maxFileSize: 30 * 1024 * 1024 };
    result = await scanDirectory(root, { config });
  }, 120_000);

  it.each([
    ['random.txt', /binary|invalid-utf8/],
    ['invalid-utf8.env', /invalid-utf8/],
    ['loop-a', /symlink-loop/],
    ['outside.env', /symlink-outside-root/],
    ['zero.env', /symlink-outside-root/],
    ['parent-dir', /symlink-outside-root/],
    ['link-to-pipe.env', /not-a-file/],
    ['deep-yaml/docker-compose.yml', /parse-error/],
    ['.github/workflows/deep.yml', /parse-error/],
    ['deep-toml/railway.toml', /parse-error/],
    ['infra/deep-list.tf', /parse-error/],
    ['infra/deep-not.tf', /parse-error/],
    ['infra/deep-cond.tf', /parse-error/],
    ['infra/deep-blocks.tf', /parse-error/],
    ['dir-\uFFFD', /unreadable/],
  ])('%s → a diagnostic (%s)', (path, code) => {
    const d = diagOf(result, path);
    expect(d.map((x) => x.code).join(','), JSON.stringify(result.diagnostics.map((x) => `${x.path}: ${x.code}`))).toMatch(code);
    expect(d[0]!.message.length).toBeGreaterThan(8);
  });

  it('deeply nested HCL is refused before the parser, which stays usable for the next file', () => {
    expect(diagOf(result, 'infra/deep-not.tf')[0]!.message).toMatch(/nested more than \d+ levels/);
    expect(result.resources.some((r) => r.location?.path === 'infra/zz-after.tf')).toBe(true);
  });

  it('never opens a FIFO (fdir does not list it; a link to one is diagnosed, not read)', () => {
    expect(result.files.map((f) => f.path)).not.toContain('pipe.env');
    expect(result.files.map((f) => f.path)).not.toContain('link-to-pipe.env');
  });

  it('the token is found in every readable encoding, on a 20 MB line, and in files with hostile names', () => {
    expect(foundAt(result).sort()).toEqual(
      ['bad-\uFFFD\uFFFD.env', 'dist/app.min.js', 'good.env', 'invalid-utf8.env', 'new\nline\u001b[31m\u0007.env', 'pipe|`tick`<b>[x](y).env', 'utf16be.env', 'utf16le.env', '\u202eevil.env'].sort(),
    );
  });

  it('shows hostile file names safely in every format: no raw control or bidi character, SARIF URIs percent-encoded', async () => {
    for (const format of FORMATS) {
      const text = await render(result, format, { color: false });
      expect(RAW_CONTROL.test(text), `${format}: ${JSON.stringify(RAW_CONTROL.exec(text)?.[0])}`).toBe(false);
      if (format === 'sarif') {
        const uris = JSON.stringify(JSON.parse(text)).match(/"uri":"[^"]*"/g) ?? [];
        expect(uris).toContain('"uri":"new%0Aline%1B%5B31m%07.env"');
        expect(uris.every((u) => !/[\s<>|`]/.test(u.slice(7, -1)))).toBe(true);
      }
      if (format === 'markdown') expect(text).not.toMatch(/`[^`\n]*`tick`/);
    }
    const r = await runCli(['scan', root, '--verbose', '--fail-on', 'none']);
    expect(RAW_CONTROL.test(r.stdout + r.stderr)).toBe(false);
  });

  it('the CLI exits 0 or 1 on all of it', async () => {
    const cfg = join(tmp, 'big.yml');
    writeFileSync(cfg, `maxFileSize: ${30 * 1024 * 1024}\n`);
    const r = await runCli(['scan', root, '-c', cfg, '-f', 'json']);
    expect([0, 1]).toContain(r.code);
  }, 120_000);
});

describe('files that change while the scan runs', () => {
  it('a file deleted, one grown past the limit and one swapped for a FIFO become diagnostics; the rest is scanned', async () => {
    const root = join(tmp, 'moving');
    mkdirSync(root);
    write(root, 'a.env', `GITHUB_TOKEN=${TOKEN}\n`);
    write(root, 'b-deleted.env', 'X=1\n');
    write(root, 'c-grows.env', 'X=1\n');
    write(root, 'd-swapped.env', 'X=1\n');
    write(root, 'e.env', `OTHER_TOKEN=${TOKEN}\n`);
    const config = { ...defaultConfig(), maxFileSize: 1024 };
    const result = await scanDirectory(root, {
      config,
      onProgress: (done) => {
        if (done !== 1) return;
        unlinkSync(join(root, 'b-deleted.env'));
        appendFileSync(join(root, 'c-grows.env'), 'Y'.repeat(4096));
        unlinkSync(join(root, 'd-swapped.env'));
        execFileSync('mkfifo', [join(root, 'd-swapped.env')]);
      },
    });
    expect(diagOf(result, 'b-deleted.env')[0]?.message).toMatch(/deleted during the scan/);
    expect(diagOf(result, 'c-grows.env')[0]?.message).toMatch(/grew past the size limit/);
    expect(diagOf(result, 'd-swapped.env')[0]?.message).toMatch(/no longer a regular file/);
    expect(foundAt(result)).toEqual(['a.env', 'e.env']);
  });
});

describe('unreadable files and folders', () => {
  // Tests run as root here, and root reads through chmod 000. When root, the CLI runs as `nobody` (uid 65534) so the
  // permission check is real; when not root, chmod 000 already blocks this process.
  it('an unreadable file and folder are diagnosed by name and reason; the scan completes', () => {
    const root = mkdtempSync(join(tmpdir(), 'br-unreadable-'));
    try {
      chmodSync(root, 0o755);
      write(root, 'ok.env', `GITHUB_TOKEN=${TOKEN}\n`);
      write(root, 'locked/inner.env', `GITHUB_TOKEN=${TOKEN}\n`);
      write(root, 'secret.env', `GITHUB_TOKEN=${TOKEN}\n`);
      chmodSync(join(root, 'locked'), 0o000);
      chmodSync(join(root, 'secret.env'), 0o000);
      const asRoot = process.getuid?.() === 0;
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/bin.ts'), 'scan', root, '-f', 'json', '--fail-on', 'none'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: tmpdir() },
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      expect(r.status, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout) as { diagnostics: Array<{ path: string; message: string }>; credentials: Array<{ locations: Array<{ path: string }> }> };
      expect(json.diagnostics).toContainEqual(expect.objectContaining({ path: 'locked', message: 'skipped: folder cannot be read (EACCES)' }));
      expect(json.diagnostics).toContainEqual(expect.objectContaining({ path: 'secret.env', message: 'skipped: cannot read (EACCES)' }));
      expect(json.credentials.flatMap((c) => c.locations.map((l) => l.path))).toEqual(['ok.env']);
    } finally {
      chmodSync(join(root, 'locked'), 0o755);
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('property-based', () => {
  it('decode() never throws on arbitrary bytes and always says why when it gives no text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        const r = decode(bytes, 'x');
        if (r.text === undefined) expect(r.diagnostic.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  const PARSED_PATHS = [
    '.github/workflows/ci.yml',
    'docker-compose.yml',
    'railway.toml',
    'railway.json',
    'fly.toml',
    '.mcp.json',
    'package.json',
    'vercel.json',
    'main.tf',
    'prod.tfvars',
    '.env.production',
    'k8s/deployment.yaml',
    'render.yaml',
    '.gitlab-ci.yml',
  ];
  const tokens = fc.constantFrom('{', '}', '[', ']', '(', ')', '"', "'", ':', '=', ',', '\n', '  ', '-', '!', '?', '*', '&a', '*a', '<<EOF\n', '${', '#', 'key', 'services', 'resource', 'jobs', '1', 'true', '\\', '\u0000', '\uFFFD', TOKEN);
  it('random structured-looking text in every parsed kind of file: the scan completes, diagnostics name only given files', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PARSED_PATHS), fc.array(tokens, { maxLength: 80 }), fc.string({ maxLength: 40 }), async (path, parts, noise) => {
        const text = parts.join('') + noise;
        const result = await scanFiles('prop', [
          { path, text },
          { path: 'z.env', text: `GITHUB_TOKEN=${TOKEN}\n` },
        ]);
        for (const d of result.diagnostics) expect([path, 'z.env', '.']).toContain(d.path);
        expect(foundAt(result)).toContain('z.env');
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('the HCL nesting estimate is an upper bound on bracket depth and never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('[', ']', '{', '}', '(', ')', '"', '\n', '#', '!', 'a', ' ', '${', '<<E\n', 'E\n'), { maxLength: 200 }), (parts) => {
        hclNesting(parts.join(''));
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.constantFrom(['[', ']'], ['{', '}'], ['(', ')']), (n, [o, c]) => {
        expect(hclNesting(`a = ${o!.repeat(n)}1${c!.repeat(n)}\n`)).toBeGreaterThanOrEqual(n);
      }),
    );
    expect(MAX_HCL_NESTING).toBeLessThan(1000);
  });
});

describe('hostile and wrong configuration', () => {
  const cfg = (name: string, text: string) => {
    const p = join(tmp, name);
    writeFileSync(p, text);
    return p;
  };
  it.each([
    ['nested key of a wrong type', 'rules:\n  disable: [a, 3]\n', ':2: rules.disable.1: expected string'],
    ['nested map value', 'rules:\n  severity:\n    hardcoded-credential: severe\n', ':3: rules.severity.hardcoded-credential: expected one of "critical", "high", "medium", "low", "info"'],
    ['array expected', 'allowlist:\n  paths: notalist\n', ':2: allowlist.paths: expected array'],
    ['object inside an array of strings', 'allowlist:\n  paths:\n    - ok\n    - {a: 1}\n', ':4: allowlist.paths.1: expected string'],
    ['unknown nested key', 'allowlist:\n  paths: []\n  fingerprint: []\n', ':3: allowlist.fingerprint: unknown key'],
    ['custom rule field of a wrong type', 'customRules:\n  - id: ok\n    regex: abc\n    keywords: [1]\n', ':4: customRules.0.keywords.0: expected string'],
    ['unsafe custom regex', 'customRules:\n  - id: x\n    regex: "(a+)+$"\n', ':3: customRules.0.regex: unsafe regular expression'],
    ['YAML alias bomb', 'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n', ':1: cannot use this configuration: Excessive alias count'],
    ['10,000-level nesting', `ignorePaths: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, ':1: invalid YAML'],
    ['JSON of a wrong type', '{"maxFileSize": "big"}', ':1: maxFileSize: expected integer'],
  ])('%s: exit 2 naming file, line, key and what was expected', async (_name, text, expected) => {
    const file = cfg(text.startsWith('{') ? 'c.json' : 'c.yml', text);
    const r = await runCli(['scan', CORPUS, '-c', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}${expected}`);
  });

  it('the published schema compiles strictly and accepts its own $schema key', async () => {
    const { Ajv } = await import('ajv');
    const schema = (await import('../schema/config.schema.json', { with: { type: 'json' } })).default as { $id: string };
    expect(schema.$id).toMatch(/^https:\/\//);
    expect(() => new Ajv({ strict: true }).compile(schema)).not.toThrow();
    const file = cfg('with-schema.yml', `$schema: ${schema.$id}\nmaxFileSize: 100\n`);
    expect((await runCli(['scan', join(ROOT, 'fixtures/railway-hardened'), '-c', file, '--fail-on', 'none'])).code).toBe(0);
  });
});
