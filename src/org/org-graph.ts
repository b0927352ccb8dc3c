// The organisation picture in Graphviz DOT, for `merge --format html`: each repository is a group (a DOT cluster)
// holding the credentials the organisation findings are about, its CI and its production resources; what joins
// repositories is drawn between the groups — the same value in two of them, the account or workspace their
// credentials act as, a credential that can act on another repository's production, an organisation secret their CI
// shares, an AI agent that can read them. Only what the findings involve is drawn, bounded so that an organisation of
// thousands of repositories still gives a readable page. Labels carry redacted previews only.
import type { Environment } from '../core/types.js';
import type { OrgAggregate, Sighting } from './merge.js';
import type { OrgFinding } from './org-rules.js';
import { DESTRUCTIVE_COLOR, ENV_COLORS, safeId } from '../report/graph-model.js';
import { dotString, wrap } from '../report/dot.js';

export interface OrgGraphOptions {
  /** Repositories drawn, those in the most severe findings first. Default 30. */
  maxRepositories?: number;
  /** Credentials drawn per repository; the rest fold into one "+N more" node. Default 8. */
  maxCredentialsPerRepository?: number;
  /** Links drawn, those of the most severe findings first (Graphviz's layout time grows fast with them). Default 150. */
  maxEdges?: number;
}

export interface OrgGraph {
  dot: string;
  repositories: number;
  /** Repositories with findings that were left out to keep the picture readable. */
  omittedRepositories: number;
  /** Links between drawn nodes left out for the same reason. */
  omittedEdges: number;
}

const SEV_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };
const ENV_RANK: Record<Environment, number> = { production: 4, staging: 3, development: 2, test: 1, unknown: 0 };

const attrs = (a: Record<string, string | number | undefined>): string => {
  const parts = Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? v : dotString(v!)}`);
  return parts.length ? ` [${parts.join(', ')}]` : '';
};

const envOf = (envs: readonly string[]): Environment =>
  ((envs.filter((e): e is Environment => e in ENV_RANK).sort((a, b) => ENV_RANK[b] - ENV_RANK[a])[0] ?? 'unknown'));

/** The repositories to draw: those of the most severe findings first, then those in the most findings. */
function chooseRepos(findings: readonly OrgFinding[], max: number): { drawn: string[]; omitted: number } {
  const score = new Map<string, { sev: number; count: number }>();
  for (const f of findings)
    for (const r of f.repositories) {
      const s = score.get(r) ?? { sev: 9, count: 0 };
      score.set(r, { sev: Math.min(s.sev, SEV_RANK[f.severity] ?? 9), count: s.count + 1 });
    }
  const ranked = [...score.entries()].sort(([a, x], [b, y]) => x.sev - y.sev || y.count - x.count || a.localeCompare(b)).map(([r]) => r);
  return { drawn: ranked.slice(0, max).sort(), omitted: Math.max(0, ranked.length - max) };
}

export function orgGraph(agg: OrgAggregate, findings: readonly OrgFinding[], opts: OrgGraphOptions = {}): OrgGraph {
  const { drawn, omitted } = chooseRepos(findings, opts.maxRepositories ?? 30);
  const inPicture = new Set(drawn);
  const maxCreds = opts.maxCredentialsPerRepository ?? 8;
  const wanted = new Set(findings.flatMap((f) => f.credentialFingerprints));
  for (const e of agg.agentExposure) if (inPicture.has(e.repo)) for (const fp of e.credentials) wanted.add(fp);

  // Credentials per drawn repository, one node per fingerprint there; those in the most findings first.
  const findingCount = new Map<string, number>();
  for (const f of findings) for (const fp of f.credentialFingerprints) findingCount.set(fp, (findingCount.get(fp) ?? 0) + 1);
  const sightingsByRepo = new Map<string, Map<string, Sighting>>();
  for (const s of agg.sightings) {
    if (!inPicture.has(s.repo) || !wanted.has(s.fingerprint)) continue;
    let m = sightingsByRepo.get(s.repo);
    if (!m) sightingsByRepo.set(s.repo, (m = new Map()));
    if (!m.has(s.fingerprint)) m.set(s.fingerprint, s);
  }
  const credNode = (repo: string, fp: string) => safeId(`cred:${repo}:${fp}`);
  const drawnCred = new Set<string>();

  const lines = [
    '// blastradius organisation graph: repositories are groups; edges between them are what the organisation findings join.',
    'digraph blastradius_org {',
    `  graph${attrs({ rankdir: 'LR', fontname: 'Helvetica', bgcolor: 'transparent', nodesep: 0.25, ranksep: 0.8, pad: 0.2, tooltip: 'organisation blast radius' })};`,
    `  node${attrs({ fontname: 'Helvetica', fontsize: 11, penwidth: 1.2, margin: '0.1,0.05' })};`,
    `  edge${attrs({ fontname: 'Helvetica', fontsize: 9, color: '#6b7280', fontcolor: '#4b5563', arrowsize: 0.7 })};`,
  ];
  const node = (id: string, label: string, a: Record<string, string | number | undefined>, indent = '    ') =>
    lines.push(`${indent}${id}${attrs({ label: label.split('\n').flatMap((l) => wrap(l, 30)).join('\n'), ...a })};`);
  const envStyle = (env: Environment) => ({ fillcolor: ENV_COLORS[env].fill, color: ENV_COLORS[env].stroke, fontcolor: ENV_COLORS[env].text, style: 'filled' });

  const ciRepos = new Set(findings.filter((f) => f.secretName).flatMap((f) => f.repositories).filter((r) => inPicture.has(r)));
  // Repositories whose production another repository's credential reaches (the finding lists holders and targets).
  const reach = findings.filter((f) => f.ruleId === 'org-credential-reaches-other-repository-production');
  const holdersOf = new Map(reach.map((f) => [f.credentialFingerprints[0] ?? '', new Set<string>()]));
  for (const s of agg.sightings) holdersOf.get(s.fingerprint)?.add(s.repo);
  const reachTargets = new Map<string, number>();
  for (const f of reach) {
    const holders = holdersOf.get(f.credentialFingerprints[0] ?? '')!;
    for (const r of f.repositories) if (inPicture.has(r) && !holders.has(r)) reachTargets.set(r, 0);
  }
  for (const r of agg.productionResources) if (reachTargets.has(r.repo)) reachTargets.set(r.repo, reachTargets.get(r.repo)! + 1);

  for (const repo of drawn) {
    lines.push(`  subgraph ${safeId(`cluster:${repo}`).replace(/^n_/, 'cluster_')} {`);
    lines.push(`    graph${attrs({ label: repo, style: 'rounded', color: '#94a3b8', fontcolor: '#0f172a', fontsize: 13, URL: `#repo-${safeId(repo)}` })};`);
    const creds = [...(sightingsByRepo.get(repo)?.values() ?? [])].sort((a, b) => (findingCount.get(b.fingerprint) ?? 0) - (findingCount.get(a.fingerprint) ?? 0) || a.fingerprint.localeCompare(b.fingerprint));
    for (const s of creds.slice(0, maxCreds)) {
      const env = envOf(s.environments);
      node(credNode(repo, s.fingerprint), `${s.provider.toUpperCase()} ${s.type}\n${s.preview}`, { shape: 'note', ...envStyle(env), tooltip: `${s.path}:${s.line}` });
      drawnCred.add(`${repo}\0${s.fingerprint}`);
    }
    if (creds.length > maxCreds) node(safeId(`more:${repo}`), `+${creds.length - maxCreds} more credential(s)`, { shape: 'box', style: 'dotted' });
    if (ciRepos.has(repo)) node(safeId(`ci:${repo}`), 'GitHub Actions CI', { shape: 'component', ...envStyle('unknown') });
    if (reachTargets.get(repo)) node(safeId(`prod:${repo}`), `${reachTargets.get(repo)} production resource(s)`, { shape: 'cylinder', ...envStyle('production') });
    const exposure = agg.agentExposure.find((e) => e.repo === repo);
    if (exposure) node(safeId(`agent:${repo}`), `AI agent\ncan delete ${exposure.deletable.size}`, { shape: 'ellipse', style: 'filled,bold', fillcolor: '#ede9fe', color: '#7c3aed', fontcolor: '#4c1d95' });
    lines.push('  }');
  }

  // Findings come most severe first, so the links kept are theirs; one link per pair of nodes.
  const maxEdges = opts.maxEdges ?? 150;
  const edges = new Map<string, string>();
  let omittedEdges = 0;
  const edge = (from: string, to: string, a: Record<string, string | number | undefined>) => {
    const key = `${from} -> ${to}`;
    if (edges.has(key)) return;
    if (edges.size >= maxEdges) return void omittedEdges++;
    edges.set(key, `  ${key}${attrs(a)};`);
  };
  const has = (repo: string, fp: string) => drawnCred.has(`${repo}\0${fp}`);
  const red = { color: DESTRUCTIVE_COLOR, fontcolor: DESTRUCTIVE_COLOR };
  const principals = new Set<string>();
  const principalOf = new Map<string, Sighting>();
  for (const s of agg.sightings) if (s.principal && wanted.has(s.fingerprint) && !principalOf.has(s.fingerprint)) principalOf.set(s.fingerprint, s);
  for (const f of findings) {
    const fp = f.credentialFingerprints[0];
    if (f.ruleId === 'org-credential-in-several-repositories' && fp) {
      // One value in several groups: a chain of "same value" links, not every pair.
      const holders = f.repositories.filter((r) => has(r, fp));
      for (let i = 1; i < holders.length; i++) edge(credNode(holders[i - 1]!, fp), credNode(holders[i]!, fp), { label: 'same value', style: 'dashed', dir: 'none', ...red });
    } else if (f.ruleId === 'org-account-reached-from-many-repositories') {
      // Drawn only when a drawn credential acts as it.
      const from = f.repositories.flatMap((r) => f.credentialFingerprints.filter((c) => has(r, c)).map((c) => credNode(r, c)));
      const first = from.length ? principalOf.get(f.credentialFingerprints.find((c) => principalOf.has(c)) ?? '') : undefined;
      if (!first) continue;
      const id = safeId(`principal:${first.provider}:${first.principal}`);
      if (!principals.has(id)) {
        principals.add(id);
        node(id, `${first.provider} principal\n${first.principal}`, { shape: 'box', style: 'filled,rounded,dashed', fillcolor: '#f1f5f9', color: '#475569' }, '  ');
      }
      for (const c of from) edge(c, id, { label: 'acts as' });
    } else if (f.ruleId === 'org-credential-reaches-other-repository-production' && fp) {
      const holders = f.repositories.filter((r) => has(r, fp));
      if (!holders.length) continue;
      for (const target of f.repositories) if (!holders.includes(target) && reachTargets.get(target)) edge(credNode(holders[0]!, fp), safeId(`prod:${target}`), { label: 'can act on', penwidth: 2.2, style: 'bold', ...red });
    } else if (f.secretName) {
      if (!f.repositories.some((r) => ciRepos.has(r))) continue;
      const id = safeId(`orgsecret:${f.secretName}`);
      node(id, `organisation secret\n${f.secretName}`, { shape: 'hexagon', style: 'filled', fillcolor: '#fef3c7', color: '#b45309', fontcolor: '#78350f' }, '  ');
      for (const r of f.repositories) if (ciRepos.has(r)) edge(id, safeId(`ci:${r}`), { label: 'used by', color: '#b45309', fontcolor: '#b45309' });
    }
  }
  for (const e of agg.agentExposure) {
    if (!inPicture.has(e.repo)) continue;
    for (const fp of e.credentials) if (has(e.repo, fp)) edge(safeId(`agent:${e.repo}`), credNode(e.repo, fp), { label: 'can read', style: 'dashed', color: '#7c3aed', fontcolor: '#6d28d9' });
  }
  lines.push(...edges.values(), '}');
  return { dot: lines.join('\n') + '\n', repositories: drawn.length, omittedRepositories: omitted, omittedEdges };
}

