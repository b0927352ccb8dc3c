// SARIF 2.1.0 for the organisation report: one log per repository. GitHub code scanning takes a SARIF upload for one
// repository and commit (POST /repos/{owner}/{repo}/code-scanning/sarifs, or upload-sarif run in that repository), so
// a single log with one run per repository could not be uploaded anywhere whole. Each repository's log holds the
// organisation findings that have a location in it, at those locations; versionControlProvenance names the repository.
import type { OrgFinding } from './org-rules.js';
import { orgRules } from './org-rules.js';
import type { OrgAggregate } from './merge.js';
import { SECURITY_SEVERITY } from '../report/sarif.js';
import { TOOL } from '../report/tool.js';

const level = (s: OrgFinding['severity']) => (s === 'critical' || s === 'high' ? 'error' : s === 'medium' ? 'warning' : 'note');
const encodeUri = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** Artifact name of a repository's log: owner/repo → owner__repo.sarif (the same convention as the JSON artifacts). */
export const sarifFileName = (repo: string) => `${repo.replace('/', '__')}.sarif`;

export function toOrgSarifByRepo(agg: OrgAggregate, findings: readonly OrgFinding[]): Map<string, object> {
  const rules = orgRules.map((r) => ({
    id: r.meta.id,
    shortDescription: { text: r.meta.title },
    fullDescription: { text: r.meta.summary },
    help: { text: `${r.meta.summary}\n\n${r.meta.help?.fix ?? ''}` },
    defaultConfiguration: { level: level(r.meta.severity) },
    properties: { 'security-severity': SECURITY_SEVERITY[r.meta.severity], tags: ['security', 'organisation'] },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const logs = new Map<string, object>();
  for (const { repo } of agg.repos) {
    const results = findings.flatMap((f) => {
      const here = f.locations.filter((l) => l.repository === repo);
      if (!here.length) return [];
      return [
        {
          ruleId: f.ruleId,
          ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
          level: level(f.severity),
          message: { text: `${f.message}\n\nRepositories: ${f.repositories.join(', ')}\nChain: ${f.chain.join(' → ')}` },
          locations: here.slice(0, 10).map((l) => ({
            physicalLocation: { artifactLocation: { uri: encodeUri(l.path), uriBaseId: '%SRCROOT%' }, region: { startLine: Math.max(1, l.startLine) } },
          })),
          partialFingerprints: { 'blastradius-org/v1': `${f.ruleId}:${[...f.credentialFingerprints].sort().join(',')}:${f.repositories.join(',')}` },
          properties: { severity: f.severity, confidence: f.confidence, repositories: f.repositories, credentialFingerprints: f.credentialFingerprints },
        },
      ];
    });
    logs.set(repo, {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: TOOL.name, version: TOOL.version, informationUri: TOOL.informationUri, rules } },
          automationDetails: { id: 'blastradius-org/' },
          versionControlProvenance: [{ repositoryUri: `https://github.com/${repo}` }],
          originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///' } },
          results,
        },
      ],
    });
  }
  return logs;
}
