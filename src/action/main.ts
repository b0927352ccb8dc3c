// The GitHub Action: scan the checkout; on pull requests (and pushes) compare with the base and report what the change
// adds or widens; upload SARIF to code scanning; keep one PR comment up to date; write the job summary; set outputs;
// fail when new findings reach `fail-on`. Never runs code from the checkout, never prints a secret.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as core from '@actions/core';
import { Octokit } from '@octokit/rest';
import { loadConfig, UsageError, type Config } from '../config/config.js';
import { loadBaseline } from '../config/baseline.js';
import { diffScan, headOnly, type DiffOutcome } from '../pr/diff-mode.js';
import { failing, headlines, maxSeverity, renderDiffMarkdown, toDiffSarif, type FailOn } from '../pr/diff-report.js';
import { chainText } from '../pipeline/chain.js';
import { InputError, insideWorkspace, readContext, readInputs, type Inputs, type RunContext } from './inputs.js';
import { isPermissionError, trustPolicy, type TrustPolicy } from './fork.js';
import { prepareSarif, uploadSarif, type SarifLog } from './upload.js';
import { upsertComment } from './comment.js';
import { visible } from '../report/safe-text.js';

const MAX_ANNOTATIONS = 10;

function errorText(e: unknown): string {
  const err = e as { status?: number; message?: string };
  return `${err.status ? `HTTP ${err.status}: ` : ''}${(err.message ?? String(e)).split('\n')[0]}`;
}

/** Picks the base to compare with: the PR base, the commit before a push, or none. */
function baseFor(ctx: RunContext): { sha?: string; reason?: string } {
  if (ctx.pullRequest) return { sha: ctx.pullRequest.baseSha };
  if (ctx.eventName === 'push') return ctx.before ? { sha: ctx.before } : { reason: 'this push created the branch (no previous commit), so there is nothing to compare with' };
  return { reason: `a ${ctx.eventName || 'manual'} run has no base to compare with` };
}

async function scan(inputs: Inputs, ctx: RunContext, policy: TrustPolicy, root: string): Promise<DiffOutcome> {
  const base = baseFor(ctx);
  const configAbs = inputs.config ? insideWorkspace(ctx.workspace, inputs.config, 'config') : undefined;
  const baselineAbs = inputs.baseline ? insideWorkspace(ctx.workspace, inputs.baseline, 'baseline') : undefined;
  let config: Config | undefined;
  let baseline;
  if (!policy.untrustedHead) {
    config = loadConfig(root, configAbs);
    baseline = baselineAbs ? loadBaseline(baselineAbs, inputs.baseline) : undefined;
  }
  if (!base.sha) {
    core.info(`Nothing to compare: ${base.reason}. Scanning the head only.`);
    return headOnly(root, base.reason!, { config, baseline });
  }
  return diffScan(root, {
    baseSha: base.sha,
    config,
    baseline,
    configFrom: policy.untrustedHead ? 'base' : 'given',
    configPath: configAbs ? relative(ctx.workspace, configAbs) : undefined,
    baselinePath: baselineAbs ? relative(ctx.workspace, baselineAbs) : undefined,
    loadConfig,
    loadBaseline,
    log: (m) => core.info(visible(m)),
  });
}

export async function run(): Promise<void> {
  let inputs: Inputs;
  try {
    inputs = readInputs();
  } catch (e) {
    core.setFailed(e instanceof InputError ? e.message : errorText(e));
    return;
  }
  const ctx = readContext();
  const policy = trustPolicy(ctx);
  if (policy.untrustedHead)
    core.notice(
      `${policy.reason}: the configuration and baseline are read from the base commit, not from the pull request${policy.readOnlyToken ? '; the token is read-only, so the code-scanning upload and the PR comment are skipped' : ''}. The check itself still runs.`,
    );
  if (inputs.live) core.warning('live: read-only provider checks are not available in this version of the Action; the scan is static (offline).');

  let outcome: DiffOutcome;
  let root: string;
  try {
    root = insideWorkspace(ctx.workspace, inputs.path, 'path');
    if (!existsSync(root) || !statSync(root).isDirectory()) throw new InputError(`input path: ${inputs.path} is not a folder in the workspace`);
    outcome = await scan(inputs, ctx, policy, root);
  } catch (e) {
    core.setFailed(e instanceof InputError || e instanceof UsageError ? e.message : `scan failed: ${errorText(e)}`);
    return;
  }
  const scrub = outcome.scrub;
  // Plain log lines are not escaped by @actions/core: a newline in a file name could start a `::workflow-command::`.
  const say = (m: string) => core.info(visible(scrub(m)));
  outcome.head.target = inputs.path;
  const c = outcome.comparison;
  if (c.status !== 'compared') core.notice(scrub(`blastradius could not compare with a base: ${c.reason}. Every finding is treated as new for fail-on.`));
  for (const n of c.notes) say(n);

  const failOn: FailOn = inputs.failOn ?? outcome.config?.failOn ?? 'high';
  const gate = failing(outcome, failOn);
  const active = outcome.head.findings.filter((f) => !f.suppressed);
  const fresh = c.status === 'compared' ? active.filter((f) => c.newFindings.includes(f.fingerprint)) : active;

  // SARIF, within GitHub's limits, written where later steps can pick it up.
  const sarifRaw = JSON.parse(scrub(JSON.stringify(toDiffSarif(outcome)))) as SarifLog;
  const prepared = prepareSarif(sarifRaw, { category: inputs.category });
  const outDir = join(ctx.temp, 'blastradius');
  mkdirSync(outDir, { recursive: true });
  const sarifFile = join(outDir, `${inputs.category.replace(/[^\w.-]+/g, '_')}.sarif`);
  writeFileSync(sarifFile, JSON.stringify(prepared.sarif, null, 2) + '\n');
  if (prepared.duplicates || prepared.dropped) say(`SARIF: ${prepared.duplicates} duplicate(s) removed, ${prepared.dropped} result(s) left out to fit GitHub's limits (stated in the run's notifications).`);

  const notices: string[] = [];
  if (policy.readOnlyToken) notices.push(`${policy.reason}: code-scanning upload and this comment are skipped (read-only token); configuration from the base commit.`);
  const markdown = renderDiffMarkdown(outcome, { failOn, notices });

  // Headline first in the log, then the gate.
  for (const l of headlines(outcome)) say(l.replace(/\*\*|`/g, ''));
  say(`${active.length} finding(s), ${fresh.length} new, ${gate.length} at or above ${failOn}${c.status === 'compared' ? ' among the new' : ''}.`);

  // Annotations on the lines that the change brings in (what reaches fail-on first).
  const annotate = [...gate, ...fresh.filter((f) => !gate.includes(f))].slice(0, MAX_ANNOTATIONS);
  for (const f of annotate) {
    const loc = f.locations[0];
    const props = loc ? { title: `blastradius: ${f.title}`, file: join(inputs.path, loc.path).replace(/\\/g, '/').replace(/^\.\//, ''), startLine: loc.startLine } : { title: `blastradius: ${f.title}` };
    const text = scrub(chainText(f.chain) || f.message);
    if (gate.includes(f)) core.error(text, props);
    else core.warning(text, props);
  }

  try {
    await core.summary.addRaw(markdown, true).write();
  } catch (e) {
    core.warning(`could not write the job summary: ${errorText(e)}`);
  }

  const octokit = inputs.token && (inputs.uploadSarif || inputs.comment) ? new Octokit({ auth: inputs.token, baseUrl: ctx.apiUrl, userAgent: 'blastradius-action', log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} } }) : undefined;

  let uploadFailed = false;
  if (inputs.uploadSarif) {
    if (policy.readOnlyToken) core.notice(`Code-scanning upload skipped: ${policy.reason} and its token is read-only. The SARIF is at ${sarifFile}.`);
    else if (!octokit) core.warning('Code-scanning upload skipped: no token (set the token input).');
    else {
      try {
        const up = await uploadSarif(octokit, prepared, { owner: ctx.owner, repo: ctx.repo, commitSha: ctx.sha, ref: ctx.ref, checkoutUri: `file://${ctx.workspace}` }, { log: say });
        if (up.status === 'complete') say(`Code scanning processed the SARIF (${prepared.results} result(s), category ${inputs.category}).`);
        else if (up.status === 'failed') {
          uploadFailed = true;
          for (const err of up.errors) core.error(scrub(`code scanning rejected the SARIF: ${err}`));
        } else core.warning(`Code scanning is still processing the SARIF (id ${up.id}); check the Security tab.`);
      } catch (e) {
        if (isPermissionError(e))
          core.warning(`Code-scanning upload not allowed (${errorText(e)}). Grant \`security-events: write\` and enable code scanning, or set upload-sarif: false.`);
        else {
          uploadFailed = true;
          core.error(`code-scanning upload failed: ${errorText(e)}`);
        }
      }
    }
  }

  if (inputs.comment && ctx.pullRequest) {
    if (policy.readOnlyToken) core.notice(`PR comment skipped: ${policy.reason} and its token is read-only. The job summary has the report.`);
    else if (!octokit) core.warning('PR comment skipped: no token (set the token input).');
    else {
      try {
        const res = await upsertComment(octokit, { owner: ctx.owner, repo: ctx.repo, issueNumber: ctx.pullRequest.number, category: inputs.category }, markdown);
        say(`PR comment ${res.action}${res.url ? `: ${res.url}` : ''}`);
      } catch (e) {
        if (isPermissionError(e)) core.warning(`PR comment not allowed (${errorText(e)}). Grant \`pull-requests: write\`, or set comment: false.`);
        else core.warning(`PR comment failed: ${errorText(e)}`);
      }
    }
  }

  core.setOutput('sarif-file', sarifFile);
  core.setOutput('findings', String(active.length));
  core.setOutput('max-severity', maxSeverity(active));
  core.setOutput('new-findings', String(fresh.length));

  if (gate.length) {
    const why = c.status === 'compared' ? (headlines(outcome)[0]?.replace(/\*\*|`/g, '') ?? '') : `Not compared with a base (${c.reason}), so every finding counts.`;
    core.setFailed(scrub(`${gate.length} ${c.status === 'compared' ? 'new ' : ''}finding(s) at or above ${failOn}. ${why}`));
  } else if (uploadFailed) core.setFailed('the SARIF upload to code scanning failed (see the errors above)');
}
