// SARIF 2.1.0 for GitHub code scanning: one rule per detector that reported, one result per finding, 1-based regions,
// repository-relative URIs, and partialFingerprints that do not depend on line numbers.
import type { ScanResult } from '../scan.js';
import type { Finding, Severity } from '../core/types.js';
import { chainText } from '../pipeline/chain.js';
import { catalog, helpMarkdown, TOOL } from './meta.js';
import { suggestionsFor, type Suggestion } from './suggested-fixes.js';

/** GitHub maps security-severity > 9 to critical, 7–8.9 high, 4–6.9 medium, < 4 low. */
export const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };

function level(s: Severity): 'error' | 'warning' | 'note' {
  return s === 'critical' || s === 'high' ? 'error' : s === 'medium' ? 'warning' : 'note';
}

const PRECISION = { high: 'high', medium: 'medium', low: 'low' } as const;

function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase());
}

function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function toSarif(result: ScanResult) {
  const byId = new Map(catalog().map((c) => [c.id, c]));
  const used = [...new Set(result.findings.map((f) => f.ruleId))].sort();
  const rules = used.map((id) => {
    const m = byId.get(id);
    const severity = m?.severity ?? 'medium';
    return {
      id,
      name: ruleName(id),
      shortDescription: { text: m?.title ?? id },
      fullDescription: { text: m?.summary ?? id },
      help: { text: m ? `${m.summary}\n\n${m.help?.fix ?? ''}` : id, markdown: m ? helpMarkdown(m) : id },
      helpUri: `https://github.com/blastradius/blastradius/blob/main/docs/rules.md#${id}`,
      defaultConfiguration: { level: level(severity) },
      properties: {
        'security-severity': SECURITY_SEVERITY[severity],
        precision: PRECISION[m?.confidence ?? 'medium'],
        'problem.severity': level(severity) === 'note' ? 'recommendation' : level(severity),
        tags: ['security', m?.category ?? 'secret-exposure'],
      },
    };
  });
  const ruleIndex = new Map(used.map((id, i) => [id, i]));
  const { suggestions } = suggestionsFor(result);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0' as const,
    runs: [
      {
        tool: { driver: { name: TOOL.name, version: TOOL.version, semanticVersion: TOOL.version, informationUri: TOOL.informationUri, rules } },
        automationDetails: { id: 'blastradius/' },
        originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///' } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: result.diagnostics.map((d) => ({
              level: 'warning' as const,
              message: { text: `${d.path}: ${d.message}` },
              descriptor: { id: d.code },
              locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(d.path), uriBaseId: '%SRCROOT%' } } }],
            })),
          },
        ],
        results: result.findings.map((f) => resultOf(f, ruleIndex.get(f.ruleId)!, suggestions.get(f.fingerprint))),
      },
    ],
  };
}

/** A suggested edit as SARIF `fixes` (GitHub code scanning accepts and ignores them; other viewers offer them). */
function fixesOf(s: Suggestion) {
  return [
    {
      description: { text: s.description },
      artifactChanges: [
        {
          artifactLocation: { uri: encodeUri(s.path), uriBaseId: '%SRCROOT%' },
          replacements: s.replacements.map((r) => ({
            deletedRegion: { startLine: r.startLine, startColumn: r.startColumn, endLine: r.endLine, endColumn: r.endColumn },
            insertedContent: { text: r.insertedContent },
          })),
        },
      ],
    },
  ];
}

function resultOf(f: Finding, ruleIndex: number, suggestion: Suggestion | undefined) {
  const chain = chainText(f.chain);
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: level(f.severity),
    message: { text: chain && chain !== f.message ? `${f.message}\n\nChain: ${chain}` : f.message },
    locations: (f.locations.length ? f.locations : [{ path: '.', startLine: 1, startColumn: 1 }]).slice(0, 10).map((l) => ({
      physicalLocation: {
        artifactLocation: { uri: encodeUri(l.path), uriBaseId: '%SRCROOT%' },
        region: { startLine: Math.max(1, l.startLine), startColumn: Math.max(1, l.startColumn) },
      },
    })),
    partialFingerprints: { 'blastradius/v1': f.fingerprint },
    ...(suggestion ? { fixes: fixesOf(suggestion) } : {}),
    ...(f.suppressed ? { suppressions: [{ kind: f.suppressed.kind === 'inline' ? ('inSource' as const) : ('external' as const), justification: f.suppressed.reason ?? '' }] } : {}),
    properties: {
      severity: f.severity,
      category: f.category,
      confidence: f.confidence,
      precision: PRECISION[f.confidence],
      ...(f.confidenceReasons?.length ? { confidenceReasons: f.confidenceReasons } : {}),
      environments: f.environments,
      credentialFingerprints: f.credentialFingerprints,
      chain: f.chain.map((s) => s.label),
    },
  };
}
