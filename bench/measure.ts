// Runs one command and measures it: wall time, user and system CPU time, peak RSS and exit status.
// GNU time (/usr/bin/time) reads the child's rusage exactly; without it, /proc/<pid> is sampled (Linux) so CPU and
// peak RSS are close but may miss the last few milliseconds; elsewhere only wall time is known.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Command {
  cmd: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Exit codes that mean success for this tool (ripgrep exits 1 when nothing matched). Default [0]. */
  okExit?: number[];
}

export interface Sample {
  wallMs: number;
  userMs?: number;
  sysMs?: number;
  /** Peak resident set size in bytes. */
  maxRss?: number;
  exitCode: number | null;
  timedOut: boolean;
  ok: boolean;
  /** Lines and bytes the command printed on stdout. */
  stdoutLines: number;
  stdoutBytes: number;
  /** The end of stderr, for error reports. */
  stderrTail: string;
  method: 'gnu-time' | 'proc-sampling' | 'wall-only';
}

export const GNU_TIME = '/usr/bin/time';

let gnuTimeOk: boolean | undefined;
/** True when /usr/bin/time is GNU time (BusyBox and BSD time lack -f/-o). */
export async function hasGnuTime(): Promise<boolean> {
  if (gnuTimeOk !== undefined) return gnuTimeOk;
  if (!existsSync(GNU_TIME)) return (gnuTimeOk = false);
  const dir = mkdtempSync(join(tmpdir(), 'br-time-'));
  try {
    const out = join(dir, 't');
    const r = await runRaw({ cmd: GNU_TIME, args: ['-f', '%e %U %S %M %x', '-o', out, 'true'] }, 10_000);
    gnuTimeOk = r.exitCode === 0 && /^[\d.]+ [\d.]+ [\d.]+ \d+ 0$/m.test(readFileSync(out, 'utf8'));
  } catch {
    gnuTimeOk = false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return gnuTimeOk;
}

interface Raw {
  exitCode: number | null;
  wallMs: number;
  timedOut: boolean;
  stdoutLines: number;
  stdoutBytes: number;
  stderrTail: string;
  proc?: { userMs: number; sysMs: number; maxRss: number };
}

const TICK_MS = 1000 / 100; // USER_HZ is 100 on every Linux build that matters

function readProc(pid: number): { userMs: number; sysMs: number; maxRss: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    return { userMs: Number(fields[11]) * TICK_MS, sysMs: Number(fields[12]) * TICK_MS, maxRss: hwm ? Number(hwm[1]) * 1024 : 0 };
  } catch {
    return undefined;
  }
}

/** Spawns the command in its own process group (so a timeout ends it and everything it started) and waits. */
function runRaw(c: Command, timeoutMs: number, sampleProc = false): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(c.cmd, c.args, { cwd: c.cwd, env: c.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdoutLines = 0;
    let stdoutBytes = 0;
    let stderr = '';
    let timedOut = false;
    let proc: Raw['proc'];
    child.stdout.on('data', (d: Buffer) => {
      stdoutBytes += d.length;
      for (let i = d.indexOf(10); i >= 0; i = d.indexOf(10, i + 1)) stdoutLines++;
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString('utf8')).slice(-4000);
    });
    const sampler =
      sampleProc && child.pid !== undefined
        ? setInterval(() => {
            const p = readProc(child.pid!);
            if (p) proc = { userMs: p.userMs, sysMs: p.sysMs, maxRss: Math.max(p.maxRss, proc?.maxRss ?? 0) };
          }, 20)
        : undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      if (sampler) clearInterval(sampler);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (sampler) clearInterval(sampler);
      resolve({ exitCode: code, wallMs: performance.now() - t0, timedOut, stdoutLines, stdoutBytes, stderrTail: stderr.trim(), proc });
    });
  });
}

/** Runs `c` once under GNU time when available, else with /proc sampling, and reports what was measured. */
export async function measure(c: Command, timeoutMs: number): Promise<Sample> {
  const ok = (code: number | null, timedOut: boolean): boolean => !timedOut && code !== null && (c.okExit ?? [0]).includes(code);
  if (await hasGnuTime()) {
    const dir = mkdtempSync(join(tmpdir(), 'br-time-'));
    const out = join(dir, 't');
    try {
      const r = await runRaw({ ...c, cmd: GNU_TIME, args: ['-f', '%e %U %S %M %x', '-o', out, c.cmd, ...c.args] }, timeoutMs);
      const text = existsSync(out) ? readFileSync(out, 'utf8') : '';
      const m = /^([\d.]+) ([\d.]+) ([\d.]+) (\d+) (-?\d+)\s*$/m.exec(text);
      // GNU time notes a signal on a line of its own ("Command terminated by signal 9"); that is no success.
      const exitCode = /terminated by signal/.test(text) ? null : m ? Number(m[5]) : r.exitCode;
      return {
        wallMs: r.wallMs,
        userMs: m ? Number(m[2]) * 1000 : undefined,
        sysMs: m ? Number(m[3]) * 1000 : undefined,
        maxRss: m ? Number(m[4]) * 1024 : undefined,
        exitCode,
        timedOut: r.timedOut,
        ok: ok(exitCode, r.timedOut),
        stdoutLines: r.stdoutLines,
        stdoutBytes: r.stdoutBytes,
        stderrTail: r.stderrTail,
        method: 'gnu-time',
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const onLinux = existsSync('/proc/self/stat');
  const r = await runRaw(c, timeoutMs, onLinux);
  return {
    wallMs: r.wallMs,
    userMs: r.proc?.userMs,
    sysMs: r.proc?.sysMs,
    maxRss: r.proc?.maxRss,
    exitCode: r.exitCode,
    timedOut: r.timedOut,
    ok: ok(r.exitCode, r.timedOut),
    stdoutLines: r.stdoutLines,
    stdoutBytes: r.stdoutBytes,
    stderrTail: r.stderrTail,
    method: onLinux ? 'proc-sampling' : 'wall-only',
  };
}

/** Runs a command without measuring it (warm-up, version probes); resolves with its stdout. */
export function capture(c: Command, timeoutMs = 60_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(c.cmd, c.args, { cwd: c.cwd, env: c.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-8000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr: String(e) });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export function median(xs: number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median of a field over the samples that have it. */
export function medianOf(samples: Sample[], pick: (s: Sample) => number | undefined): number | undefined {
  return median(samples.map(pick).filter((x): x is number => x !== undefined));
}
