// The "vendor blast radius" report section: for each AI vendor the repository depends on, what stops if it suspends
// the organisation (services and environments, CI jobs, agents), which credentials pay for it (redacted previews
// only), and whether each use has a fallback. One shape for JSON; the table and Markdown render it.
import type { ScanResult } from '../scan.js';
import { isProductUse, vendorBlastRadius, type VendorUse } from '../pipeline/vendor-blast.js';
import { where } from '../pipeline/chain.js';
import { visible } from './safe-text.js';

export interface VendorSection {
  vendor: string;
  name: string;
  stops: Array<{ kind: VendorUse['kind']; name: string; service: string; environment: string; location: string; fallback: string | null }>;
  credentials: Array<{ fingerprint: string; type: string; preview: string; environments: string[] }>;
  /** every product use has a fallback (and there is at least one); null when the vendor serves no product feature. */
  productFallback: boolean | null;
}

export function vendorSections(result: Pick<ScanResult, 'resources' | 'credentials' | 'files'>): VendorSection[] {
  return vendorBlastRadius(result.resources, result.credentials, result.files)
    .filter((v) => v.uses.length)
    .map((v) => {
      const product = v.uses.filter(isProductUse);
      return {
        vendor: v.vendor,
        name: v.name,
        stops: v.uses.map((u) => ({ kind: u.kind, name: u.resource.name, service: u.service, environment: u.environment, location: where(u.resource.location), fallback: u.fallback ?? null })),
        credentials: v.credentials.map((c) => ({ fingerprint: c.fingerprint, type: c.type, preview: c.preview, environments: c.environments })),
        productFallback: product.length ? product.every((u) => u.fallback) : null,
      };
    });
}

const GROUPS: Array<[string, (k: VendorUse['kind']) => boolean]> = [
  ['product', (k) => k === 'request-path' || k === 'batch-job' || k === 'app'],
  ['CI jobs', (k) => k === 'ci-job'],
  ['agents', (k) => k === 'agent' || k === 'mcp-server'],
];

/** One line per vendor and group: `OpenAI — product: app/api/chat/route.ts:1 (request-path), … · fallback: none`. */
function summaryLines(s: VendorSection): string[] {
  const out: string[] = [];
  for (const [group, test] of GROUPS) {
    const uses = s.stops.filter((u) => test(u.kind));
    if (!uses.length) continue;
    const fallback = uses.every((u) => u.fallback) ? 'all have a fallback' : uses.some((u) => u.fallback) ? `${uses.filter((u) => !u.fallback).length} of ${uses.length} without fallback` : 'no fallback';
    out.push(`${group}: ${uses.map((u) => `${u.location} (${u.kind}${u.kind === 'request-path' || u.kind === 'batch-job' || u.kind === 'app' ? `, ${u.environment}` : ''})`).join(', ')} — ${fallback}`);
  }
  if (s.credentials.length) out.push(`credentials: ${s.credentials.map((c) => `${c.type} ${c.preview}`).join(', ')}`);
  return out;
}

export function vendorsText(result: ScanResult): string[] {
  const sections = vendorSections(result);
  if (!sections.length) return [];
  return ['Vendor blast radius (what stops if the vendor suspends the organisation):', ...sections.flatMap((s) => [`  ${visible(s.name)}`, ...summaryLines(s).map((l) => `    ${visible(l)}`)])];
}

/** `cell` is the Markdown table-cell escaper (passed in: markdown.ts imports this module). */
export function vendorsMarkdown(result: ScanResult, cell: (s: string) => string): string[] {
  const sections = vendorSections(result);
  if (!sections.length) return [];
  const rows = sections.map((s) => `| ${cell(s.name)} | ${summaryLines(s).map(cell).join('<br>')} |`);
  return ['<details><summary>Vendor blast radius</summary>', '', '| Vendor | What stops if it suspends the organisation |', '|---|---|', ...rows, '', '</details>', ''];
}
