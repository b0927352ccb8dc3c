// Grafana credentials. https://grafana.com/docs/grafana/latest/administration/service-accounts/
// Service account tokens `glsa_` + 32 base62 + `_` + 8 hex; Grafana Cloud access policy tokens `glc_` + base64 JSON;
// legacy API keys are base64 JSON starting `{"k":"` (eyJrIjoi).
import type { CredentialRule } from '../../src/core/types.js';
import { decodeBase64, looksRandom } from './shared.js';

const help = {
  why: 'A Grafana service account token acts with the service account\'s role (often Admin) on the instance: it can read every data source, and create, change or delete dashboards, alerts and users. A Grafana Cloud access policy token carries the scopes of its policy across the stacks it covers.',
  fix: 'Delete the token (Administration → Service accounts, or Cloud Portal → Access Policies), create one with the narrowest role or scopes, and keep it in a secret store.',
  references: [
    'https://grafana.com/docs/grafana/latest/administration/service-accounts/',
    'https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/',
  ],
};

const jsonOf = (b64: string): Record<string, unknown> | undefined => {
  try {
    const p: unknown = JSON.parse(decodeBase64(b64) ?? '');
    return p && typeof p === 'object' ? (p as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

export const grafanaServiceAccountToken: CredentialRule = {
  meta: {
    id: 'grafana-service-account-token',
    title: 'Grafana service account token',
    severity: 'high',
    summary: 'Grafana service account token (glsa_ + 32 + _ + 8 hex checksum).',
    provider: 'grafana',
    credentialType: 'service-account-token',
    help,
  },
  keywords: ['glsa_'],
  pattern: /(?<![\w-])(glsa_[A-Za-z0-9]{32}_[0-9a-f]{8})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.slice(5, 37)),
  examples: {
    positive: ['GRAFANA_TOKEN=glsa_qmRjLxudQ05Hi0leZAHMw82c0LjmFehs_29ea0627'],
    negative: ['glsa_WLbU3CclvbQX61q8CDwD_47228df3', 'glsa_nBeFvQy633ALTMMmetCsjiDjJT4xndb3'],
  },
};

export const grafanaCloudToken: CredentialRule = {
  meta: {
    id: 'grafana-cloud-token',
    title: 'Grafana Cloud access policy token',
    severity: 'high',
    summary: 'Grafana Cloud access policy token (glc_ + base64 JSON).',
    provider: 'grafana',
    credentialType: 'cloud-token',
    help,
  },
  keywords: ['glc_'],
  pattern: /(?<![\w-])(glc_eyJ[A-Za-z0-9+/]{30,400}={0,2})(?![\w+/=-])/,
  secretGroup: 1,
  validate: (v) => jsonOf(v.slice(4)) !== undefined,
  classify: (v) => {
    const p = jsonOf(v.slice(4)) ?? {};
    return { attributes: typeof p.n === 'string' ? { name: p.n } : ({} as Record<string, string>) };
  },
  examples: {
    positive: ['GRAFANA_CLOUD_TOKEN=glc_eyJvIjoiMzgxOTQyIiwibiI6ImNpLXB1Ymxpc2giLCJrIjoiM1pRN1ZDSHN3aFVxdDlkZEdhYXBYRWdFUmJ2aEw4RUVjbkVpT3RmaCIsIm0iOnsiciI6InByb2QtdXMtZWFzdC0wIn19'],
    negative: ['glc_qDWAjfxomxJJ9K0LFuIPVPRMZBHR0cMxfHopKMGS', 'glc_eyJM3vQSjJVE63p'],
  },
};

export const grafanaApiKey: CredentialRule = {
  meta: {
    id: 'grafana-api-key',
    title: 'Grafana API key (legacy)',
    severity: 'high',
    summary: 'Grafana legacy API key (base64 JSON {"k":…,"n":…,"id":…}).',
    provider: 'grafana',
    credentialType: 'api-key',
    help,
  },
  keywords: ['eyjrijoi'],
  pattern: /(?<![\w+/-])(eyJrIjoi[A-Za-z0-9+/_-]{40,200}={0,2})(?![\w+/=-])/,
  secretGroup: 1,
  validate: (v) => {
    const p = jsonOf(v);
    return !!p && typeof p.k === 'string' && 'id' in p;
  },
  classify: (v) => {
    const p = jsonOf(v) ?? {};
    return { attributes: typeof p.n === 'string' ? { name: p.n } : ({} as Record<string, string>) };
  },
  examples: {
    positive: ['GRAFANA_API_KEY=eyJrIjoiT0tTcG1pUlY2RnVKZTFVaDFsNFZXdE9ZWmNrMkZYbk4iLCJuIjoiY2kiLCJpZCI6MX0='],
    negative: ['eyJrIjoiT0tTcG1pUlY2RnVKZTFVaDFsNFZXdE9ZWmNrMkZYbk4i', 'eyJrIjoip0RqJZEHZrkOAYn9CNA6'],
  },
};

export default [grafanaServiceAccountToken, grafanaCloudToken, grafanaApiKey];
