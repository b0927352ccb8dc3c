// Heroku API keys. Current OAuth/API tokens start with HRKU- (HRKU-AA + 58 URL-safe characters); older API keys are
// bare UUIDs recognised by a HEROKU-named variable or the Heroku API nearby.
// https://devcenter.heroku.com/articles/authentication  https://devcenter.heroku.com/changelog-items/2924
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy, providerSecretContext } from './shared.js';

const help = {
  why: 'A Heroku API key acts as its user on every app and team they can access: scale to zero, read config vars (and the database URLs in them), destroy apps, and delete Heroku Postgres databases with their backups.',
  fix: 'Regenerate the key (Account settings → API key) or revoke the authorization (`heroku authorizations:revoke`), and use short-lived, scoped authorizations for automation.',
  references: ['https://devcenter.heroku.com/articles/authentication', 'https://devcenter.heroku.com/articles/platform-api-quickstart'],
};

export const herokuApiKey: CredentialRule = {
  meta: {
    id: 'heroku-api-key',
    title: 'Heroku API key',
    severity: 'high',
    summary: 'Heroku API/OAuth token in the HRKU- format.',
    provider: 'heroku',
    credentialType: 'api-key',
    help,
  },
  keywords: ['hrku-'],
  pattern: /\b(HRKU-[A-Za-z0-9_-]{60})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => highEntropy(v.slice(5), 4),
  examples: {
    positive: ['HEROKU_API_KEY=HRKU-AAl5t21T_4cOwkhU3GjUmRdxSEoza3LU_QvytEQKNW5ZBf5x0L0L1oxXiKUK'],
    negative: ['HEROKU_API_KEY=HRKU-AAl5t21T_4cOwkhU3GjUmRdxSEoza3LU', 'HEROKU_API_KEY=HRKU-AAl5t21T_4cOwkhU3GjUmRdxSEoza3LU_QvytEQKNW5ZBf5x0L0L1oxXiKUKZZ'],
  },
};

export const herokuLegacyApiKey: CredentialRule = {
  meta: {
    id: 'heroku-legacy-api-key',
    title: 'Heroku API key (UUID format)',
    severity: 'high',
    summary: 'Older Heroku API key (a UUID) bound to a HEROKU-named variable or used against api.heroku.com.',
    provider: 'heroku',
    credentialType: 'api-key',
    help,
  },
  keywords: ['heroku'],
  pattern: /\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/i,
  secretGroup: 1,
  validate: (v, ctx) =>
    providerSecretContext(ctx, /heroku/i, /api[-_ ]?key|token|secret|auth|password|bearer/i) && !/app[-_ ]?id|team[-_ ]?id|\bid\b/i.test(ctx.variable ?? '') && highEntropy(v, 3),
  classify: () => ({ confidence: 'medium' }),
  examples: {
    positive: ['HEROKU_API_KEY=2630ec21-441a-448c-bee0-6f1387d0f160', 'machine api.heroku.com\n  login ops@acme.io\n  password 02087f71-ff41-406b-82b4-edcbf717678b'],
    negative: ['HEROKU_APP_ID=2630ec21-441a-448c-bee0-6f1387d0f160', 'REQUEST_ID=2630ec21-441a-448c-bee0-6f1387d0f160'],
  },
};

export default [herokuApiKey, herokuLegacyApiKey];
