// `blastradius merge`: many repositories' JSON reports → one organisation picture. Reports are read one at a time and
// reduced to what the organisation rules need (credential sightings, production resources by provider, agent
// exposure), so memory grows with the number of credentials and resources, not with the reports' size. Anything that
// is not a usable report — unreadable, not JSON, another tool's, another schema version, a scan that failed, a
// repository whose report is missing — becomes a diagnostic, and the merge goes on.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { REPORT_VERSION } from '../report/json.js';
import type { OrgSecret, OrgSecretsRead } from './secrets-inventory.js';

export interface Sighting {
  repo: string;
  fingerprint: string;
  provider: string;
  type: string;
  preview: string;
  reach: string;
  principal?: string;
  environments: string[];
  path: string;
  line: number;
  /** Resource types the credential's scope can delete (`*` for any). */
  deletes: string[];
}

export interface ProductionResource {
  repo: string;
  id: string;
  provider: string;
  type: string;
  name: string;
}

export interface AgentExposure {
  repo: string;
  /** Production credentials an agent in that checkout can read. */
  credentials: Set<string>;
  /** Resources those findings say could be deleted. */
  deletable: Set<string>;
  path: string;
  line: number;
}

/** A GitHub Actions job's `${{ secrets.NAME }}`, once per repository, secret and job environment. */
export interface CiSecretUse {
  repo: string;
  name: string;
  environment: string;
  /** The job's `environment:`, whose own secret of that name would win over an organisation secret. */
  deployEnvironment?: string;
  path: string;
  line: number;
}

export interface MergeDiagnostic {
  source: string;
  code: 'unreadable' | 'not-json' | 'not-a-report' | 'schema-version' | 'scan-failed' | 'missing-report' | 'org-secrets';
  message: string;
}

export interface RepoSummary {
  repo: string;
  credentials: number;
  resources: number;
  findings: Record<string, number>;
}

export interface OrgAggregate {
  repos: RepoSummary[];
  sightings: Sighting[];
  productionResources: ProductionResource[];
  agentExposure: AgentExposure[];
  ciSecretUses: CiSecretUse[];
  /** The organisation's Actions secrets (`merge --org-secrets`), when given. */
  orgSecrets?: { org: string; secrets: OrgSecret[] };
  diagnostics: MergeDiagnostic[];
}

const ACCOUNT_WIDE = new Set(['account', 'workspace']);
export const isAccountWide = (reach: string): boolean => ACCOUNT_WIDE.has(reach);

/** `owner__name.json` (how the organisation workflow names its artifacts) → `owner/name`. */
export function repoNameOf(file: string): string {
  return basename(file).replace(/\.error\.txt$|\.json$/, '').replace('__', '/');
}

/** The report files of the arguments: files as given, folders searched (one level of sub-folders, as artifacts unpack). */
export function reportFiles(inputs: readonly string[]): string[] {
  const out: string[] = [];
  const visit = (p: string, depth: number) => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) {
      out.push(p);
      return;
    }
    if (!st.isDirectory()) return void out.push(p);
    if (depth > 1) return;
    for (const name of readdirSync(p).sort()) {
      const child = join(p, name);
      const cst = statSync(child, { throwIfNoEntry: false });
      if (cst?.isDirectory()) visit(child, depth + 1);
      else if (/\.json$|\.error\.txt$/.test(name)) out.push(child);
    }
  };
  for (const i of inputs) visit(i, 0);
  return out;
}

type Json = Record<string, unknown>;
const asArray = (x: unknown): Json[] => (Array.isArray(x) ? (x as Json[]) : []);
const str = (x: unknown, d = ''): string => (typeof x === 'string' ? x : d);

function reduceReport(repo: string, report: Json, agg: OrgAggregate): void {
  const credentials = asArray(report.credentials);
  const resources = asArray(report.resources);
  const findings = asArray(report.findings);
  const bySeverity: Record<string, number> = {};
  for (const f of findings) if (!f.suppressed) bySeverity[str(f.severity)] = (bySeverity[str(f.severity)] ?? 0) + 1;
  agg.repos.push({ repo, credentials: credentials.length, resources: resources.length, findings: bySeverity });
  const production = new Set<string>();
  for (const c of credentials) {
    const scope = (c.scope ?? {}) as Json;
    const loc = asArray(c.locations)[0] ?? {};
    const environments = asArray(c.environments).map((e) => String(e));
    if (environments.includes('production')) production.add(str(c.fingerprint));
    agg.sightings.push({
      repo,
      fingerprint: str(c.fingerprint),
      provider: str(c.provider),
      type: str(c.type),
      preview: str(c.preview),
      reach: str(scope.reach, 'unknown'),
      principal: typeof scope.principal === 'string' ? scope.principal : undefined,
      environments,
      path: str(loc.path),
      line: Number(loc.startLine) || 1,
      deletes: asArray(scope.permissions)
        .filter((p) => p.verb === 'delete' || p.verb === 'admin')
        .map((p) => str(p.resourceType, '*')),
    });
  }
  const usesSeen = new Set<string>();
  for (const r of resources) {
    if (r.environment === 'production')
      agg.productionResources.push({ repo, id: str(r.id), provider: str(r.provider), type: str(r.type), name: str(r.name) });
    if (r.type === 'workflow-job' && r.provider === 'github') ciSecretUsesOf(repo, r, usesSeen, agg.ciSecretUses);
  }
  const exposure: AgentExposure = { repo, credentials: new Set(), deletable: new Set(), path: '', line: 1 };
  for (const f of findings) {
    if (f.suppressed || !/^agent-can-read/.test(str(f.ruleId))) continue;
    const prod = asArray(f.credentialFingerprints).map(String).filter((fp) => production.has(fp));
    if (!prod.length) continue;
    for (const fp of prod) exposure.credentials.add(fp);
    for (const id of asArray(f.resourceIds)) exposure.deletable.add(String(id));
    if (!exposure.path) {
      const loc = asArray(f.locations)[0] ?? {};
      exposure.path = str(loc.path);
      exposure.line = Number(loc.startLine) || 1;
    }
  }
  if (exposure.credentials.size) agg.agentExposure.push(exposure);
}

function ciSecretUsesOf(repo: string, job: Json, seen: Set<string>, out: CiSecretUse[]): void {
  const attrs = (job.attributes ?? {}) as Json;
  const environment = str(job.environment, 'unknown');
  const loc = (job.location ?? {}) as Json;
  for (const name of Array.isArray(attrs.secrets) ? attrs.secrets : []) {
    if (typeof name !== 'string' || seen.has(`${name}\0${environment}`)) continue;
    seen.add(`${name}\0${environment}`);
    const deployEnvironment = typeof attrs.deployEnvironment === 'string' ? attrs.deployEnvironment : undefined;
    out.push({ repo, name, environment, ...(deployEnvironment ? { deployEnvironment } : {}), path: str(loc.path), line: Number(loc.startLine) || 1 });
  }
}

/** Why a parsed document is not a report this version can merge, or undefined when it is one. */
export function reportProblem(doc: unknown): Pick<MergeDiagnostic, 'code' | 'message'> | undefined {
  const d = doc as Json;
  if (!d || typeof d !== 'object' || (d.tool as Json | undefined)?.name !== 'blastradius' || typeof d.version !== 'string')
    return { code: 'not-a-report', message: 'not a blastradius JSON report (no tool.name "blastradius" and version)' };
  const major = d.version.split('.')[0];
  if (major !== REPORT_VERSION.split('.')[0]) return { code: 'schema-version', message: `report version ${d.version}; this blastradius merges ${REPORT_VERSION.split('.')[0]}.x` };
  return undefined;
}

export interface MergeOptions {
  /** Repositories that should have a report (`owner/name`, e.g. from the scan plan); each one missing is a diagnostic. */
  expected?: readonly string[];
  /** The organisation's Actions secrets, read from `org secrets`' inventory (its diagnostics are carried over). */
  orgSecrets?: OrgSecretsRead;
}

export function mergeReports(files: readonly string[], opts: MergeOptions = {}): OrgAggregate {
  const agg: OrgAggregate = { repos: [], sightings: [], productionResources: [], agentExposure: [], ciSecretUses: [], diagnostics: [...(opts.orgSecrets?.diagnostics ?? [])] };
  if (opts.orgSecrets?.org) agg.orgSecrets = { org: opts.orgSecrets.org, secrets: opts.orgSecrets.secrets };
  const seen = new Set<string>();
  for (const file of files) {
    const repo = repoNameOf(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      agg.diagnostics.push({ source: file, code: 'unreadable', message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? 'error'}` });
      continue;
    }
    if (file.endsWith('.error.txt')) {
      seen.add(repo);
      agg.diagnostics.push({ source: file, code: 'scan-failed', message: `${repo}: ${text.split('\n')[0]!.slice(0, 300) || 'the clone or the scan failed'}` });
      continue;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      agg.diagnostics.push({ source: file, code: 'not-json', message: 'not JSON (a truncated or corrupted artifact?)' });
      continue;
    }
    const problem = reportProblem(doc);
    if (problem) {
      agg.diagnostics.push({ source: file, ...problem });
      continue;
    }
    seen.add(repo);
    reduceReport(repo, doc as Json, agg);
  }
  for (const r of opts.expected ?? []) if (!seen.has(r)) agg.diagnostics.push({ source: r, code: 'missing-report', message: `${r}: no report and no error (the job did not upload its artifact)` });
  return agg;
}
