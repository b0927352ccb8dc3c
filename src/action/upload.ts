// Code scanning: fit the SARIF within GitHub's limits, upload it (gzip + base64), and wait for processing.
// Limits (docs.github.com "SARIF support for code scanning"): 10 MB gzipped per upload, 25,000 results per run.
// Results are deduplicated by rule and fingerprint first; when still over a limit the least severe results are dropped
// and the run says so in its toolExecutionNotifications.
import { gzipSync } from 'node:zlib';
import type { Octokit } from '@octokit/rest';

export const MAX_RESULTS_PER_RUN = 25_000;
export const MAX_GZIP_BYTES = 10 * 1024 * 1024;

interface SarifResult {
  ruleId?: string;
  level?: string;
  partialFingerprints?: Record<string, string>;
  locations?: Array<{ physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }>;
  properties?: Record<string, unknown>;
}

interface SarifRun {
  results?: SarifResult[];
  automationDetails?: { id?: string };
  invocations?: Array<{ toolExecutionNotifications?: unknown[] }>;
}

export interface SarifLog {
  runs: SarifRun[];
}

export interface Prepared {
  sarif: SarifLog;
  /** gzip + base64 of the SARIF, what the API takes. */
  encoded: string;
  gzipBytes: number;
  results: number;
  duplicates: number;
  dropped: number;
}

const LEVEL_RANK: Record<string, number> = { error: 3, warning: 2, note: 1, none: 0 };

/** automationDetails.id for a category: `<category>/` (GitHub reads the part before the last slash as the category). */
export function automationId(category: string): string {
  return category.endsWith('/') ? category : `${category}/`;
}

function resultKey(r: SarifResult): string {
  const fp = r.partialFingerprints ? Object.entries(r.partialFingerprints).sort().map(([k, v]) => `${k}=${v}`).join(',') : '';
  const loc = r.locations?.[0]?.physicalLocation;
  return `${r.ruleId ?? ''}|${fp}|${loc?.artifactLocation?.uri ?? ''}:${loc?.region?.startLine ?? ''}`;
}

function severityOf(r: SarifResult): number {
  const s = Number((r.properties as { 'security-severity'?: string } | undefined)?.['security-severity']);
  return (LEVEL_RANK[r.level ?? 'warning'] ?? 0) * 100 + (Number.isFinite(s) ? s : 0);
}

function notify(run: SarifRun, id: string, text: string): void {
  run.invocations ??= [{}];
  const inv = run.invocations[0]!;
  inv.toolExecutionNotifications ??= [];
  inv.toolExecutionNotifications.push({ level: 'warning', message: { text }, descriptor: { id } });
}

/** Sets the category, deduplicates, caps and shrinks the SARIF until it is within GitHub's limits. */
export function prepareSarif(input: SarifLog, opts: { category: string; maxResults?: number; maxGzipBytes?: number }): Prepared {
  const maxResults = opts.maxResults ?? MAX_RESULTS_PER_RUN;
  const maxBytes = opts.maxGzipBytes ?? MAX_GZIP_BYTES;
  const sarif = structuredClone(input);
  let duplicates = 0;
  let dropped = 0;
  for (const run of sarif.runs) {
    run.automationDetails = { ...run.automationDetails, id: automationId(opts.category) };
    const seen = new Set<string>();
    const unique: SarifResult[] = [];
    for (const r of run.results ?? []) {
      const k = resultKey(r);
      if (seen.has(k)) duplicates++;
      else {
        seen.add(k);
        unique.push(r);
      }
    }
    const runDuplicates = (run.results?.length ?? 0) - unique.length;
    if (runDuplicates) notify(run, 'results-deduplicated', `${runDuplicates} duplicate result(s) removed before upload.`);
    unique.sort((a, b) => severityOf(b) - severityOf(a));
    if (unique.length > maxResults) {
      const over = unique.length - maxResults;
      dropped += over;
      unique.length = maxResults;
      notify(run, 'results-capped', `${over} result(s) left out: GitHub code scanning accepts at most ${maxResults} results per run. The least severe were dropped; the JSON report lists everything.`);
    }
    run.results = unique;
  }
  let encoded = encode(sarif);
  // Still too big: halve the results of the largest run (least severe first) until it fits.
  while (encoded.gzipBytes > maxBytes) {
    const run = [...sarif.runs].sort((a, b) => (b.results?.length ?? 0) - (a.results?.length ?? 0))[0];
    const n = run?.results?.length ?? 0;
    if (!run || n === 0) break;
    const keep = Math.floor(n / 2);
    dropped += n - keep;
    run.results = run.results!.slice(0, keep);
    notify(run, 'results-capped', `${n - keep} result(s) left out to stay under GitHub's ${Math.round(maxBytes / 1024 / 1024)} MB (gzipped) upload limit. The least severe were dropped; the JSON report lists everything.`);
    encoded = encode(sarif);
  }
  const results = sarif.runs.reduce((n, r) => n + (r.results?.length ?? 0), 0);
  return { sarif, encoded: encoded.base64, gzipBytes: encoded.gzipBytes, results, duplicates, dropped };
}

function encode(sarif: SarifLog): { base64: string; gzipBytes: number } {
  const gz = gzipSync(Buffer.from(JSON.stringify(sarif)));
  return { base64: gz.toString('base64'), gzipBytes: gz.length };
}

export interface UploadTarget {
  owner: string;
  repo: string;
  commitSha: string;
  ref: string;
  checkoutUri?: string;
}

export interface UploadOutcome {
  id: string;
  status: 'complete' | 'failed' | 'pending' | 'timeout';
  errors: string[];
  analysesUrl?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Uploads and polls `getSarif` until processing completes or fails (bounded: about two minutes by default). */
export async function uploadSarif(
  octokit: Octokit,
  prepared: Prepared,
  target: UploadTarget,
  opts: { timeoutMs?: number; firstDelayMs?: number; log?: (m: string) => void } = {},
): Promise<UploadOutcome> {
  const { data } = await octokit.rest.codeScanning.uploadSarif({
    owner: target.owner,
    repo: target.repo,
    commit_sha: target.commitSha,
    ref: target.ref,
    sarif: prepared.encoded,
    tool_name: 'blastradius',
    ...(target.checkoutUri ? { checkout_uri: target.checkoutUri } : {}),
  });
  const id = data.id;
  if (!id) return { id: '', status: 'pending', errors: ['the upload was accepted but GitHub returned no id to follow'] };
  opts.log?.(`SARIF uploaded (id ${id}); waiting for code scanning to process it`);
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  let delay = opts.firstDelayMs ?? 1_000;
  for (;;) {
    await sleep(delay);
    try {
      const { data: s } = await octokit.rest.codeScanning.getSarif({ owner: target.owner, repo: target.repo, sarif_id: id });
      if (s.processing_status === 'complete') return { id, status: 'complete', errors: [], analysesUrl: s.analyses_url ?? undefined };
      if (s.processing_status === 'failed') return { id, status: 'failed', errors: s.errors?.length ? [...s.errors] : ['processing failed (no reason given)'] };
    } catch (e) {
      // Right after the upload the id can be unknown for a moment.
      if ((e as { status?: number }).status !== 404) throw e;
    }
    if (Date.now() + delay > deadline) return { id, status: 'timeout', errors: [] };
    delay = Math.min(delay * 1.5, 10_000);
  }
}
