// The JSON report: a documented, versioned shape (schema/report.schema.json). Never a raw secret.
import type { ScanResult } from '../scan.js';
import type { Credential } from '../core/types.js';
import { SEVERITIES } from '../core/types.js';
import { redact } from '../core/secrets.js';
import { shannonEntropy } from '../core/text.js';
import { TOOL } from './meta.js';
import { vendorSections } from './vendors.js';

export const REPORT_VERSION = '1.0.0';

/** Attribute values that look like key material are shown redacted (e.g. an AWS key id). */
export function safeAttributes(attrs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) out[k] = v.length >= 16 && /\d/.test(v) && shannonEntropy(v) > 3.2 && !/[\s/:@]/.test(v) ? redact(v) : v;
  return out;
}

function credentialJson(c: Credential) {
  return {
    fingerprint: c.fingerprint,
    provider: c.provider,
    type: c.type,
    ruleId: c.ruleId,
    preview: c.preview,
    length: c.length,
    confidence: c.confidence,
    confidenceReasons: c.confidenceReasons,
    fileContext: c.fileContext,
    environments: c.environments,
    attributes: safeAttributes(c.attributes),
    locations: c.locations.map((l) => ({
      path: l.path,
      startLine: l.startLine,
      startColumn: l.startColumn,
      endLine: l.endLine,
      endColumn: l.endColumn,
      variable: l.variable,
      environment: l.environment,
      fileContext: l.fileContext,
      part: l.part,
      gitStatus: l.gitStatus,
      commit: l.commit,
    })),
    scope: c.scope,
  };
}

export function toJsonReport(result: ScanResult) {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, result.findings.filter((f) => f.severity === s && !f.suppressed).length]));
  return {
    version: REPORT_VERSION,
    tool: { name: TOOL.name, version: TOOL.version },
    target: result.target,
    summary: {
      findings: counts,
      suppressed: result.findings.filter((f) => f.suppressed).length,
      credentials: result.credentials.length,
      resources: result.resources.length,
      files: result.stats.files,
      diagnostics: result.diagnostics.length,
    },
    findings: result.findings,
    credentials: result.credentials.map(credentialJson),
    resources: result.resources.map((r) => ({ id: r.id, provider: r.provider, type: r.type, name: r.name, environment: r.environment, location: r.location, attributes: r.attributes, backupOf: r.backupOf })),
    vendors: vendorSections(result),
    diagnostics: result.diagnostics,
    stats: result.stats,
  };
}
