// The Action's inputs (action.yml) and the run's context (the runner's GITHUB_* variables and the event file).
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, relative, resolve } from 'node:path';
import * as core from '@actions/core';
import { SEVERITIES } from '../core/types.js';
import type { FailOn } from '../pr/diff-report.js';

export const DEFAULT_CATEGORY = 'blastradius';
const FAIL_ON: readonly string[] = [...SEVERITIES.filter((s) => s !== 'info'), 'none'];

export class InputError extends Error {
  override name = 'InputError';
}

export interface Inputs {
  /** Folder to scan, relative to the workspace. */
  path: string;
  /** Empty = the config file's failOn, else high. */
  failOn?: FailOn;
  config?: string;
  baseline?: string;
  live: boolean;
  uploadSarif: boolean;
  comment: boolean;
  category: string;
  token: string;
}

function bool(name: string, fallback: boolean): boolean {
  const v = core.getInput(name).trim().toLowerCase();
  if (!v) return fallback;
  if (['true', 'yes', 'on', '1'].includes(v)) return true;
  if (['false', 'no', 'off', '0'].includes(v)) return false;
  throw new InputError(`input ${name}: expected true or false, got "${v}"`);
}

export function readInputs(): Inputs {
  const failOn = core.getInput('fail-on').trim().toLowerCase();
  if (failOn && !FAIL_ON.includes(failOn)) throw new InputError(`input fail-on: expected one of ${FAIL_ON.join(', ')}, got "${failOn}"`);
  const category = core.getInput('category').trim() || DEFAULT_CATEGORY;
  if (!/^[\w./@:+-]{1,200}$/.test(category)) throw new InputError('input category: use letters, digits and . _ - / @ : + only');
  return {
    path: core.getInput('path').trim() || '.',
    failOn: (failOn || undefined) as FailOn | undefined,
    config: core.getInput('config').trim() || undefined,
    baseline: core.getInput('baseline').trim() || undefined,
    live: bool('live', false),
    uploadSarif: bool('upload-sarif', true),
    comment: bool('comment', true),
    category,
    token: core.getInput('token').trim(),
  };
}

export interface PullRequestInfo {
  number: number;
  baseSha: string;
  headSha?: string;
  baseRepo?: string;
  headRepo?: string;
  /** Head repository differs from the base repository (or was deleted): the token is read-only on `pull_request`. */
  fromFork: boolean;
}

export interface RunContext {
  eventName: string;
  event: Record<string, unknown>;
  owner: string;
  repo: string;
  sha: string;
  ref: string;
  apiUrl: string;
  serverUrl: string;
  workspace: string;
  temp: string;
  pullRequest?: PullRequestInfo;
  /** For push events: the commit before the push (absent for new branches). */
  before?: string;
}

export function readContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  let event: Record<string, unknown> = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      core.warning(`could not read the event file: ${(e as Error).message}`);
    }
  }
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const ctx: RunContext = {
    eventName,
    event,
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    temp: env.RUNNER_TEMP || tmpdir(),
  };
  ctx.pullRequest = pullRequestOf(event);
  if (eventName === 'push' && typeof event.before === 'string' && !/^0+$/.test(event.before)) ctx.before = event.before;
  return ctx;
}

interface PrPayload {
  number?: number;
  base?: { sha?: string; repo?: { full_name?: string } | null };
  head?: { sha?: string; repo?: { full_name?: string } | null };
}

export function pullRequestOf(event: Record<string, unknown>): PullRequestInfo | undefined {
  const pr = event.pull_request as PrPayload | undefined;
  if (!pr || typeof pr !== 'object' || !pr.base?.sha) return undefined;
  const baseRepo = pr.base.repo?.full_name;
  const headRepo = pr.head?.repo?.full_name;
  return {
    number: pr.number ?? (event.number as number),
    baseSha: pr.base.sha,
    headSha: pr.head?.sha,
    baseRepo,
    headRepo,
    // A deleted head repository (null) is treated as a fork: nothing says it is trusted.
    fromFork: !headRepo || !baseRepo || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
  };
}

/** Resolves a path input inside the workspace; refuses paths that leave it. */
export function insideWorkspace(workspace: string, p: string, what: string): string {
  const abs = resolve(workspace, p);
  const rel = relative(workspace, abs);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new InputError(`input ${what}: ${p} is outside the workspace`);
  return abs;
}
