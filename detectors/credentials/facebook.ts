// Meta (Facebook / Instagram / WhatsApp) Graph API access tokens start `EAA` + the app's marker and run 100+
// alphanumerics; app secrets are 32 hex with no prefix (Meta/Facebook context required).
// https://developers.facebook.com/docs/facebook-login/guides/access-tokens  https://developers.facebook.com/docs/facebook-login/security/#appsecret
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom, boundToProvider } from './shared.js';

const help = {
  why: 'A Graph API access token acts as the user, Page or system user it was issued to: it can read private data, post as the Page, and manage ads, catalogs or WhatsApp Business accounts within its permissions. The app secret mints app tokens and signs requests for every user of the app.',
  fix: 'Invalidate the token (remove the app\'s access, or regenerate the system-user token in Business Settings), reset the app secret in the App Dashboard (Settings → Basic), and keep both in a secret store.',
  references: ['https://developers.facebook.com/docs/facebook-login/guides/access-tokens', 'https://developers.facebook.com/docs/facebook-login/security/#appsecret'],
};

export const facebookAccessToken: CredentialRule = {
  meta: {
    id: 'facebook-access-token',
    title: 'Meta / Facebook access token',
    severity: 'high',
    summary: 'Meta Graph API user, Page or system-user access token (EAA… 100+ characters).',
    provider: 'facebook',
    credentialType: 'access-token',
    help,
  },
  keywords: ['eaa'],
  pattern: /(?<![A-Za-z0-9_-])(EAA[A-Za-z0-9]{97,400})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.slice(3), 60),
  examples: {
    positive: ['FB_PAGE_ACCESS_TOKEN=EAAGWYfdiGLPfV3LfiXJI7q1HxzaCZ1IiVa6PBis6XFNmRa5m801LR7KbZszwENKSV0RuAEjvB0XG8rYW269HlV8t6ODOWeqm6pm3x14YFhf7x5NgoPmashQphLRsR9qafsiOZ7LG7LU9dpvHSd6jG7TebKT1QjVbpNu03LseAzhZZMsmWQTaHKM'],
    negative: ['EAAGvM9VsQwbTBJhSQQpQAfV5YDZLyEFsy9JOjeEKzXI', 'EAAAmPnTIAKuI4XcUo9G_8omO-4Jb9J7F0XcJTvPJSvpsQXD6S4EZ6-pyIwnMgm1'],
  },
};

export const facebookAppSecret: CredentialRule = {
  meta: {
    id: 'facebook-app-secret',
    title: 'Meta / Facebook app secret',
    severity: 'high',
    summary: 'Meta app secret (32 hex) bound to a Facebook/Meta app-secret variable.',
    provider: 'facebook',
    credentialType: 'app-secret',
    help,
  },
  keywords: ['facebook', 'fb_', 'meta_app', 'instagram', 'whatsapp'],
  pattern: /(?<![A-Za-z0-9])([0-9a-f]{32})(?![A-Za-z0-9])/,
  secretGroup: 1,
  validate: (v, ctx) => looksRandom(v) && boundToProvider(ctx, /facebook|(?:^|[^a-z])fb[_-]|meta[_-]?app|instagram|whatsapp/i, /secret/i),
  examples: {
    positive: ['FACEBOOK_APP_SECRET=fc2b11f63ce4d9b2ddfbbbca36f951cd'],
    negative: ['FACEBOOK_APP_ID_HASH=7c3f445c6366c80b4a87010d81fd0f33', 'FB_APP_SECRET=18f39a175ac40b83264f'],
  },
};

export default [facebookAccessToken, facebookAppSecret];
