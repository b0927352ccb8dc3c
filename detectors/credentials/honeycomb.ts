// Honeycomb API keys. https://docs.honeycomb.io/get-started/best-practices/api-keys/  https://docs.honeycomb.io/api/authentication
// Ingest keys `hcxik_`/`hcaik_` (key id + secret, 58 lower-case alphanumerics); configuration keys 22 alphanumerics
// and Classic keys 32 hex, sent as the X-Honeycomb-Team header — those need Honeycomb context.
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom, boundToProvider } from './shared.js';

const help = {
  why: 'A Honeycomb ingest key writes telemetry (and may create datasets) in its environment; a configuration key can also read data through queries and change or delete boards, triggers, SLOs and markers.',
  fix: 'Disable and delete the key in Honeycomb (Environment settings → API Keys), create a replacement with the fewest permissions, and keep it in a secret store.',
  references: ['https://docs.honeycomb.io/get-started/best-practices/api-keys/', 'https://docs.honeycomb.io/api/authentication'],
};

export const honeycombIngestKey: CredentialRule = {
  meta: {
    id: 'honeycomb-ingest-key',
    title: 'Honeycomb ingest key',
    severity: 'medium',
    summary: 'Honeycomb ingest key (hcxik_/hcaik_ + 58): sends telemetry to one environment.',
    provider: 'honeycomb',
    credentialType: 'ingest-key',
    help,
  },
  keywords: ['hcxik_', 'hcaik_'],
  pattern: /(?<![\w-])(hc[ax]ik_[a-z0-9]{58})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.slice(32)),
  examples: {
    positive: ['HONEYCOMB_API_KEY=hcaik_eh2qgn45ay3bd2ztfqfzxgajiwl5hihx3pla5kttd8g38zrfdn0a6ku2nc'],
    negative: ['hcaik_iobfxpkbub7ive8xn4l2etc4ljaltr', 'hcaik_mwfmpjguhkzluapfennqitomxywunvvnkdvwxyoypsnfqjyxibefobqhur'],
  },
};

export const honeycombApiKey: CredentialRule = {
  meta: {
    id: 'honeycomb-api-key',
    title: 'Honeycomb configuration or Classic API key',
    severity: 'high',
    summary: 'Honeycomb configuration key (22 alphanumeric) or Classic key (32 hex) with Honeycomb context.',
    provider: 'honeycomb',
    credentialType: 'api-key',
    help,
  },
  keywords: ['honeycomb'],
  pattern: /(?<![\w-])([A-Za-z0-9]{22}|[0-9a-f]{32})(?![\w-])/,
  secretGroup: 1,
  validate: (v, ctx) => looksRandom(v, 20) && boundToProvider(ctx, /honeycomb|x-honeycomb-team|\bhny_/i, /key|team|token|secret/i),
  classify: (v) => ({ attributes: { keyClass: v.length === 32 ? 'classic' : 'configuration' } }),
  examples: {
    positive: ['HONEYCOMB_API_KEY=JT7WCFBcfvbPG0FKkBdHB4', "headers: { 'X-Honeycomb-Team': '3201395bf6af03663ef6e21196bfd219' }"],
    negative: ['HONEYCOMB_DATASET=Txt3D9Ypzc2BtYUEEX9UPd', 'HONEYCOMB_API_KEY=2D9fOzgBn9Dwtl4q'],
  },
};

export default [honeycombIngestKey, honeycombApiKey];
