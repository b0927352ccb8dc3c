// Dropbox short-lived OAuth access tokens: `sl.` (or `sl.u.`) + 130+ base64url characters.
// https://developers.dropbox.com/oauth-guide
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom } from './shared.js';

export const dropboxAccessToken: CredentialRule = {
  meta: {
    id: 'dropbox-access-token',
    title: 'Dropbox access token',
    severity: 'high',
    summary: 'Dropbox short-lived OAuth access token (sl.…).',
    provider: 'dropbox',
    credentialType: 'access-token',
    help: {
      why: 'A Dropbox access token reads, overwrites and deletes the files its app can reach — the whole Dropbox for full-access apps — until it expires (about four hours).',
      fix: 'Revoke the token (`/2/auth/token/revoke`, or remove the app at dropbox.com/account/connected_apps), rotate the refresh token or app secret that produced it, and keep them in a secret store.',
      references: ['https://developers.dropbox.com/oauth-guide', 'https://www.dropbox.com/developers/documentation/http/documentation#auth-token-revoke'],
    },
  },
  keywords: ['sl.'],
  pattern: /(?<![\w.-])(sl\.(?:u\.)?[A-Za-z0-9_-]{130,1400})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.replace(/^sl\.(?:u\.)?/, ''), 100),
  examples: {
    positive: ['DROPBOX_ACCESS_TOKEN=sl.BzpMRgc7uvn1O5NowVn8jmmlBWRam3Bo97-sWJA_vhzE1IWQR6AAd7gPluuuK9C2D5CMjUokBcnyzbT4kT7j_P7V1kna16Fgx2Js0wERoWQOP19xv-QZLOLW7pVFxoPzTFHAVZhOFS0Xg'],
    negative: ['sl.2-W7mKlUvR132ESN8EFSBrqDBsuY_jX23ilSh1eR6oJLovisZ1g23g2ggTYQ', 'ssl.t7NFpNuwtJ5y4E8g17ndQgALlC3SsWoZ1BNrfH2R32YON4HRhrP9JnENK61-lAj_vMckOBJyUEMjyHdQBkSzK6zIFzCPo2K5-hMkp1UADku80dnYvpmqcivaXpqhqBNTAGVI88Kma9EA'],
  },
};

export default [dropboxAccessToken];
