// The organisation commands: `merge` (many reports → one organisation report) and `org plan` (list an
// organisation's repositories and split them into matrix shards for .github/workflows/org-scan.yml).
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { UsageError } from '../core/usage-error.js';
import { ORG_FORMATS, type OrgFormat } from './render.js';

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

const formatChoice = (v: string): OrgFormat => {
  if (!(ORG_FORMATS as readonly string[]).includes(v)) throw new InvalidArgumentError(`expected one of ${ORG_FORMATS.join(', ')}`);
  return v as OrgFormat;
};

export function registerOrgCommands(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('merge')
    .description('merge JSON reports of many repositories (files or folders; artifacts named owner__repo.json) into one organisation report')
    .argument('<reports...>', 'report files or folders holding them')
    .addOption(new Option('-f, --format <format>', `output format: ${ORG_FORMATS.join('|')}`).default('table').argParser(formatChoice))
    .option('-o, --output <file>', 'write the report to a file')
    .option('--out-dir <dir>', 'with --format sarif: the folder for one SARIF log per repository (owner__repo.sarif)')
    .option('--expect <file>', 'the scan plan (from `org plan`): every repository in it without a report is listed')
    .option('--org-secrets <file>', "the organisation's Actions secrets (from `org secrets`): CI secrets shared through them are reported")
    .addOption(new Option('--fail-on <severity>', 'exit 1 when an organisation finding is at or above this severity').choices(['critical', 'high', 'medium', 'low', 'none']).default('none'))
    .action(async (inputs: string[], flags: { format: OrgFormat; output?: string; outDir?: string; expect?: string; orgSecrets?: string; failOn: string }) => {
      if (flags.format === 'sarif' && !flags.outDir) throw new UsageError('--format sarif writes one log per repository: give --out-dir <dir>');
      const { mergeReports, reportFiles } = await import('./merge.js');
      const { runOrgRules } = await import('./org-rules.js');
      const { renderOrgParts } = await import('./render.js');
      const { readPlan } = await import('./plan-file.js');
      const { readOrgSecrets } = await import('./secrets-inventory.js');
      const expected = flags.expect ? readPlan(flags.expect) : undefined;
      const orgSecrets = flags.orgSecrets ? readOrgSecrets(flags.orgSecrets) : undefined;
      const agg = mergeReports(reportFiles(inputs), { expected, orgSecrets });
      const findings = runOrgRules(agg);
      if (flags.format === 'sarif') {
        const { toOrgSarifByRepo, sarifFileName } = await import('./sarif.js');
        const logs = toOrgSarifByRepo(agg, findings);
        mkdirSync(flags.outDir!, { recursive: true });
        for (const [repo, log] of logs) writeFileSync(join(flags.outDir!, sarifFileName(repo)), JSON.stringify(log, null, 2) + '\n');
        io.stderr(`blastradius merge: ${logs.size} SARIF log(s) in ${flags.outDir}\n`);
      } else {
        const fd = flags.output ? openSync(flags.output, 'w') : undefined;
        const parts = flags.format === 'html' ? [await (await import('./html.js')).renderOrgHtml(agg, findings)] : renderOrgParts(agg, findings, flags.format);
        try {
          for (const part of parts) {
            if (fd === undefined) io.stdout(part);
            else writeSync(fd, part);
          }
        } finally {
          if (fd !== undefined) closeSync(fd);
        }
      }
      const order = ['critical', 'high', 'medium', 'low'];
      const gate = order.indexOf(flags.failOn);
      if (gate >= 0 && findings.some((f) => order.indexOf(f.severity) >= 0 && order.indexOf(f.severity) <= gate)) setExit(1);
    });

  const org = program.command('org').description('organisation scans on GitHub Actions');
  const tokenOf = (what: string, permission: string): string => {
    const token = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
    if (!token) throw new UsageError(`org ${what} needs a token in GITHUB_TOKEN (${permission})`);
    return token;
  };
  const onWait = (m: string) => io.stderr(`blastradius: ${m}\n`);
  const writeJson = (doc: unknown, output: string | undefined) => {
    const text = JSON.stringify(doc) + '\n';
    if (output) writeFileSync(output, text);
    else io.stdout(text);
  };

  org
    .command('plan')
    .description("list an organisation's repositories (GitHub API) and split them into matrix shards; prints JSON")
    .requiredOption('--org <name>', 'the GitHub organisation')
    .option('--topic <topic...>', 'only repositories with every one of these topics')
    .option('--name-pattern <regex>', 'only repositories whose name matches')
    .option('--include-archived', 'also archived repositories')
    .option('--include-forks', 'also forks')
    .option('--max-jobs <n>', 'matrix jobs (1-256; each scans its share of repositories)', '256')
    .option('-o, --output <file>', 'write the plan to a file')
    .action(async (flags: { org: string; topic?: string[]; namePattern?: string; includeArchived?: boolean; includeForks?: boolean; maxJobs: string; output?: string }) => {
      const token = tokenOf('plan', 'read-only: repository metadata');
      let namePattern: RegExp | undefined;
      try {
        namePattern = flags.namePattern ? new RegExp(flags.namePattern) : undefined;
      } catch {
        throw new UsageError(`--name-pattern: not a regular expression: ${flags.namePattern}`);
      }
      const maxJobs = Number(flags.maxJobs);
      if (!Number.isInteger(maxJobs) || maxJobs < 1 || maxJobs > 256) throw new UsageError(`--max-jobs: expected 1-256, got ${flags.maxJobs}`);
      const { listOrgRepos } = await import('./list-repos.js');
      const { planShards } = await import('./plan.js');
      const repos = await listOrgRepos(
        flags.org,
        { topics: flags.topic, namePattern, includeArchived: flags.includeArchived, includeForks: flags.includeForks },
        { token, baseUrl: io.env.GITHUB_API_URL, onWait },
      );
      writeJson(planShards(repos, maxJobs), flags.output);
      io.stderr(`blastradius org plan: ${repos.length} repositories of ${flags.org}\n`);
    });

  org
    .command('secrets')
    .description("list an organisation's GitHub Actions secrets (names and which repositories can use them, never values) for `merge --org-secrets`; prints JSON")
    .requiredOption('--org <name>', 'the GitHub organisation')
    .option('-o, --output <file>', 'write the inventory to a file')
    .action(async (flags: { org: string; output?: string }) => {
      const token = tokenOf('secrets', 'the organisation permission "Secrets", read');
      const { listOrgSecrets } = await import('./list-secrets.js');
      const inventory = await listOrgSecrets(flags.org, { token, baseUrl: io.env.GITHUB_API_URL, onWait });
      // A refusal is written too, so that `merge --org-secrets` says why the rule had nothing to read.
      writeJson(inventory, flags.output);
      if (inventory.error) {
        io.stderr(`blastradius org secrets: ${inventory.error}\n`);
        return setExit(1);
      }
      const partial = inventory.secrets.filter((s) => s.error);
      for (const s of partial) io.stderr(`blastradius org secrets: ${s.name}: ${s.error}\n`);
      io.stderr(`blastradius org secrets: ${inventory.secrets.length} organisation secret(s) of ${flags.org}${partial.length ? `, ${partial.length} without their repositories` : ''}\n`);
    });
}
