// MongoDB Atlas Administration API credentials. Service accounts: client secret mdb_sa_sk_ + 40 characters (client id
// mdb_sa_id_ + 24 hex). Programmatic API keys: an 8-letter public key and a UUID private key, recognised by context.
// https://www.mongodb.com/docs/atlas/configure-api-access/  https://www.mongodb.com/docs/atlas/api/service-accounts-overview/
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy, providerSecretContext } from './shared.js';

const help = {
  why: 'Atlas Administration API credentials act with their organization or project roles: Organization Owner or Project Owner can terminate clusters, delete snapshots and backup policies, and add database users.',
  fix: 'Revoke the API key or service account secret (Organization → Access Manager → Applications), restrict its IP access list, and give automation Project-level roles only.',
  references: ['https://www.mongodb.com/docs/atlas/configure-api-access/', 'https://www.mongodb.com/docs/atlas/api/service-accounts-overview/'],
};

export const atlasServiceAccountSecret: CredentialRule = {
  meta: {
    id: 'mongodb-atlas-service-account-secret',
    title: 'MongoDB Atlas service account secret',
    severity: 'high',
    summary: 'MongoDB Atlas service account client secret (mdb_sa_sk_); the client id nearby is recorded.',
    provider: 'mongodb-atlas',
    credentialType: 'service-account-secret',
    help,
  },
  keywords: ['mdb_sa_sk_'],
  pattern: /\b(mdb_sa_sk_[A-Za-z0-9_-]{40,64})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => highEntropy(v.slice(10), 4),
  classify: (_v, ctx) => {
    const id = /\b(mdb_sa_id_[a-f0-9]{24})\b/.exec(ctx.window)?.[1];
    return id ? { attributes: { clientId: id } } : undefined;
  },
  examples: {
    positive: ['MONGODB_ATLAS_CLIENT_ID=mdb_sa_id_65f1a2b3c4d5e6f708192a3b\nMONGODB_ATLAS_CLIENT_SECRET=mdb_sa_sk_luviTHD8DqMSRSjEeT5j05T911yyfkL5Kf70HAZB'],
    negative: ['MONGODB_ATLAS_CLIENT_SECRET=mdb_sa_sk_luviTHD8DqMSRSjEeT5j', 'MONGODB_ATLAS_CLIENT_ID=mdb_sa_id_65f1a2b3c4d5e6f708192a3b'],
  },
};

export const atlasApiPrivateKey: CredentialRule = {
  meta: {
    id: 'mongodb-atlas-api-private-key',
    title: 'MongoDB Atlas API private key',
    severity: 'high',
    summary: 'MongoDB Atlas programmatic API private key (a UUID) bound to an Atlas-named variable; the public key is recorded.',
    provider: 'mongodb-atlas',
    credentialType: 'api-key',
    help,
  },
  keywords: ['atlas'],
  pattern: /\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/i,
  secretGroup: 1,
  validate: (v, ctx) => highEntropy(v, 3) && providerSecretContext(ctx, /atlas/i, /private[-_ ]?key|secret/i),
  classify: (_v, ctx) => {
    const pub = /(?:public[-_ ]?key)["']?\s*[:=]\s*["']?([a-z]{8})\b/i.exec(ctx.window)?.[1];
    const attributes: Record<string, string> = pub ? { publicKey: pub } : {};
    return { attributes, confidence: 'medium' };
  },
  examples: {
    positive: ['MONGODB_ATLAS_PUBLIC_KEY=iogheydm\nMONGODB_ATLAS_PRIVATE_KEY=2630ec21-441a-448c-bee0-6f1387d0f160'],
    negative: ['MONGODB_ATLAS_PROJECT_ID=2630ec21-441a-448c-bee0-6f1387d0f160', 'PRIVATE_KEY_ID=2630ec21-441a-448c-bee0-6f1387d0f160'],
  },
};

export default [atlasServiceAccountSecret, atlasApiPrivateKey];
