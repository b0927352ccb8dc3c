// What `npm run bench` prints: the comparison table, blastradius's stage timings and recall, and the issue's goals.
import { cpus } from 'node:os';
import Table from 'cli-table3';
import type { Sample } from './measure.js';
import { STAGES, type Recall, type Stage } from './ours.js';
import type { Tool } from './peers.js';

export const MB = 1e6;

export interface ToolResult {
  tool: string;
  ours?: boolean;
  status: 'ok' | 'absent' | 'skipped' | 'failed' | 'timeout';
  detail?: string;
  samples: Sample[];
  /** The 1-minute load average as each run started: other work on the machine inflates wall times. */
  load1: number[];
  wallMs?: number;
  minWallMs?: number;
  maxWallMs?: number;
  cpuMs?: number;
  maxRss?: number;
  mbPerSec?: number;
  filesPerSec?: number;
  /** This tool's wall time ÷ blastradius's on the same tree: above 1, blastradius is faster. */
  ratioToOurs?: number;
  stages?: Partial<Record<Stage, number>>;
  findings?: Recall;
}

export interface TargetResult {
  name: string;
  kind: 'corpus' | 'path' | 'history' | 'startup';
  dir: string;
  files?: number;
  bytes?: number;
  /** What MB/s and files/s are measured over, when it is not obvious. */
  basis?: string;
  results: ToolResult[];
}

export interface Goal {
  goal: string;
  status: 'PASS' | 'FAIL' | 'not-run';
  detail: string;
}

const ok = (t: TargetResult | undefined, tool: string): ToolResult | undefined => {
  const r = t?.results.find((x) => x.tool === tool);
  return r?.status === 'ok' ? r : undefined;
};
const secs = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** The targets of the issue "Performance: a benchmark against peers", each PASS, FAIL or not-run. */
export function goals(targets: TargetResult[]): Goal[] {
  const corpora = targets.filter((t) => t.kind === 'corpus');
  const largest = corpora[corpora.length - 1];
  const ours = ok(largest, 'blastradius');
  const out: Goal[] = [];
  const g = (goal: string, pass: boolean | undefined, detail: string): void => {
    out.push({ goal, status: pass === undefined ? 'not-run' : pass ? 'PASS' : 'FAIL', detail });
  };
  const mbs = ours?.mbPerSec;
  g('≥ 100 MB/s on the generated corpus', mbs === undefined ? undefined : mbs >= 100, mbs === undefined ? 'no corpus run' : `${mbs.toFixed(1)} MB/s on ${largest!.name}`);
  const rg = ok(largest, 'ripgrep');
  g(
    'within 5× of the ripgrep floor',
    ours && rg ? ours.wallMs! <= 5 * rg.wallMs! : undefined,
    ours && rg ? `${(ours.wallMs! / rg.wallMs!).toFixed(1)}× ripgrep's time on ${largest!.name}` : 'ripgrep or blastradius not run',
  );
  const gl = ok(largest, 'gitleaks');
  g(
    'faster than gitleaks',
    ours && gl ? ours.wallMs! < gl.wallMs! : undefined,
    ours && gl ? `${secs(ours.wallMs!)} vs gitleaks ${secs(gl.wallMs!)} on ${largest!.name}` : 'gitleaks or blastradius not run',
  );
  const r20 = ok(
    corpora.find((t) => t.name === 'corpus-20k'),
    'blastradius',
  );
  const r100 = ok(
    corpora.find((t) => t.name === 'corpus-100k'),
    'blastradius',
  );
  g(
    '100k time ≤ 1.2 × (5 × 20k time)',
    r20 && r100 ? r100.wallMs! <= 1.2 * 5 * r20.wallMs! : undefined,
    r20 && r100 ? `100k ${secs(r100.wallMs!)} vs limit ${secs(1.2 * 5 * r20.wallMs!)}` : 'needs --sizes 20k,100k',
  );
  g(
    'peak RSS ≤ 400 MB on 100k',
    r100?.maxRss !== undefined ? r100.maxRss <= 400 * MB : undefined,
    r100?.maxRss !== undefined ? `${(r100.maxRss / MB).toFixed(0)} MB` : 'needs --sizes 100k',
  );
  const history = targets.find((t) => t.kind === 'history');
  const withHistory = ok(history, 'blastradius --history');
  const headOnly = ok(history, 'blastradius (HEAD only)');
  const gitLog = ok(history, 'git log -p');
  g(
    '--history within 2× of git log -p',
    withHistory && gitLog ? withHistory.wallMs! <= 2 * gitLog.wallMs! : undefined,
    withHistory && gitLog
      ? `${(withHistory.wallMs! / gitLog.wallMs!).toFixed(1)}× (${secs(withHistory.wallMs!)} vs ${secs(gitLog.wallMs!)})` +
          (headOnly ? `; the history's own share, beyond a HEAD-only scan: ${((withHistory.wallMs! - headOnly.wallMs!) / gitLog.wallMs!).toFixed(1)}×` : '')
      : 'history not run',
  );
  out.push(...startupGoals(targets.find((t) => t.kind === 'startup')));
  for (const t of targets.filter((x) => x.kind === 'path')) out.push(...treeGoals(t));
  return out;
}

/** Issue "Speed on real repositories": start-up. */
function startupGoals(t: TargetResult | undefined): Goal[] {
  const limits: Array<[string, number]> = [['--version', 100], ['--help', 100], ['scan railway-incident', 400]];
  return limits.map(([tool, ms]) => {
    const r = ok(t, tool);
    const cpu = r?.cpuMs !== undefined ? `, CPU ${r.cpuMs.toFixed(0)} ms` : '';
    return { goal: `${tool} ≤ ${ms} ms wall`, status: r ? (r.wallMs! <= ms ? 'PASS' : 'FAIL') : 'not-run', detail: r ? `${r.wallMs!.toFixed(0)} ms median${cpu}` : 'not run' };
  });
}

/** Issue "Speed on real repositories": one real tree, in one run against its peers. */
function treeGoals(t: TargetResult): Goal[] {
  const ours = ok(t, 'blastradius');
  const out: Goal[] = [];
  const g = (goal: string, pass: boolean | undefined, detail: string): void => {
    out.push({ goal: `${t.name}: ${goal}`, status: pass === undefined ? 'not-run' : pass ? 'PASS' : 'FAIL', detail });
  };
  const kf = ok(t, 'kingfisher');
  g('no slower than Kingfisher', ours && kf ? ours.wallMs! <= kf.wallMs! : undefined, ours && kf ? `${secs(ours.wallMs!)} vs kingfisher ${secs(kf.wallMs!)}` : 'kingfisher or blastradius not run');
  const rg = ok(t, 'ripgrep');
  g('within 6× of ripgrep', ours && rg ? ours.wallMs! <= 6 * rg.wallMs! : undefined, ours && rg ? `${(ours.wallMs! / rg.wallMs!).toFixed(1)}× ripgrep's ${secs(rg.wallMs!)}` : 'ripgrep or blastradius not run');
  const others = t.results.filter((r) => r.status === 'ok' && !r.ours && r.tool !== 'ripgrep' && r.tool !== 'kingfisher');
  const faster = others.filter((r) => ours && r.wallMs! < ours.wallMs!);
  g(
    'ahead of every other peer',
    ours && others.length ? faster.length === 0 : undefined,
    ours && others.length ? (faster.length ? `slower than ${faster.map((r) => `${r.tool} ${secs(r.wallMs!)}`).join(', ')}` : `ahead of ${others.map((r) => r.tool).join(', ')}`) : 'no other peer run',
  );
  g('peak RSS ≤ 250 MB', ours?.maxRss !== undefined ? ours.maxRss <= 250 * MB : undefined, ours?.maxRss !== undefined ? `${(ours.maxRss / MB).toFixed(0)} MB` : 'not measured');
  return out;
}

const fmt = (x: number | undefined, digits = 2): string => (x === undefined ? '—' : x.toFixed(digits));
const plain = { head: [] as string[], border: [] as string[] };

export function printReport(targets: TargetResult[], tools: Tool[], goalList: Goal[]): void {
  const main = new Table({
    head: ['tree', 'tool', 'runs', 'wall s', 'min–max', 'CPU s', 'peak RSS MB', 'MB/s', 'files/s', 'vs ours'],
    colAligns: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: plain,
  });
  for (const t of targets) {
    for (const r of t.results) {
      if (r.status !== 'ok') {
        main.push([t.name, r.tool, { colSpan: 8, content: `${r.status}${r.detail ? ': ' + r.detail.slice(0, 90) : ''}` }]);
        continue;
      }
      main.push([
        t.name,
        r.tool,
        String(r.samples.length),
        fmt(r.wallMs! / 1000),
        `${fmt(r.minWallMs! / 1000)}–${fmt(r.maxWallMs! / 1000)}`,
        fmt(r.cpuMs === undefined ? undefined : r.cpuMs / 1000),
        fmt(r.maxRss === undefined ? undefined : r.maxRss / MB, 0),
        fmt(r.mbPerSec, 1),
        fmt(r.filesPerSec, 0),
        r.ratioToOurs === undefined ? '—' : `${r.ratioToOurs.toFixed(2)}×`,
      ]);
    }
  }
  console.log('\n' + main.toString());
  console.log("  vs ours = the tool's median wall time ÷ blastradius's on the same tree (above 1: blastradius is faster). MB = 10^6 bytes.");
  for (const t of targets) if (t.basis) console.log(`  ${t.name}: ${t.basis}`);
  for (const tool of tools) if (tool.note && !tool.absent) console.log(`  ${tool.name}: ${tool.note}`);
  const busiest = Math.max(0, ...targets.flatMap((t) => t.results.flatMap((r) => r.load1)));
  if (busiest > cpus().length * 0.75)
    console.log(`  ! The machine was busy (1-min load average up to ${busiest.toFixed(1)} on ${cpus().length} cores): wall times are inflated; CPU s is steadier.`);

  const staged = targets.flatMap((t) => t.results.filter((r) => r.ours && r.stages).map((r) => ({ t, r })));
  if (staged.length) {
    const st = new Table({ head: ['blastradius stages, ms', ...STAGES, 'startup+other'], style: plain });
    for (const { t, r } of staged) {
      const inStages = STAGES.reduce((a, s) => a + (r.stages?.[s] ?? 0), 0);
      st.push([`${t.name} ${r.tool.replace(/^blastradius\s*/, '')}`.trim(), ...STAGES.map((s) => fmt(r.stages?.[s], 0)), fmt(r.wallMs! - inStages, 0)]);
    }
    console.log('\n' + st.toString());
    console.log('  startup+other = median wall time − the stages the report times (process start, module loading, writing the report).');
  }
  for (const t of targets) {
    for (const r of t.results) {
      const f = r.findings;
      if (!f) continue;
      const types = Object.entries(f.byType)
        .map(([k, v]) => `${k} ${v.found}/${v.planted}`)
        .join(', ');
      const gone = f.deletedAtHead ? `; deleted at HEAD: ${f.deletedAtHead.found}/${f.deletedAtHead.planted}` : '';
      const extra = Object.entries(f.unplannedByRule)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
      console.log(`  ${t.name}: ${r.tool} found ${f.found}/${f.planted} planted credentials (${types}${gone}); ${f.reported} credentials reported in all.`);
      if (extra) console.log(`    reported where nothing was planted: ${extra}`);
    }
  }
  console.log('\nGoals (issues "Performance: a benchmark against peers" and "Speed on real repositories"):');
  for (const g of goalList) console.log(`  ${g.status.padEnd(7)} ${g.goal} — ${g.detail}`);
}
