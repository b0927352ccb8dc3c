// Tool identity and the catalogue of detectors, for reports and `blastradius rules`.
import type { DetectorMeta, Category, Confidence } from '../core/types.js';
import { builtInDetectors } from '../scan.js';

export { TOOL } from './tool.js';

export interface CatalogEntry {
  kind: 'credential' | 'finding' | 'scope' | 'inventory';
  id: string;
  title: string;
  severity?: DetectorMeta['severity'];
  summary: string;
  help?: DetectorMeta['help'];
  category?: Category;
  confidence?: Confidence;
  provider?: string;
}

export function catalog(): CatalogEntry[] {
  const d = builtInDetectors;
  return [
    ...d.findingRules.map((r) => ({ kind: 'finding' as const, ...r.meta })),
    ...d.credentialRules.map((r) => ({ kind: 'credential' as const, ...r.meta, category: 'secret-exposure' as const })),
    ...d.scopeResolvers.map((r) => ({ kind: 'scope' as const, ...r.meta })),
    ...d.inventoryParsers.map((r) => ({ kind: 'inventory' as const, ...r.meta })),
  ];
}

export function helpMarkdown(m: { title: string; summary: string; help?: DetectorMeta['help'] }): string {
  if (!m.help) return `**${m.title}**\n\n${m.summary}\n`;
  return [
    `**${m.title}**`,
    '',
    m.summary,
    '',
    '### Why it matters',
    m.help.why,
    '',
    '### How to fix',
    m.help.fix,
    '',
    '### References',
    ...m.help.references.map((r) => `- ${r}`),
    '',
  ].join('\n');
}
