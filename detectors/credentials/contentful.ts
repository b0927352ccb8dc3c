// Contentful tokens. Personal access tokens (Content Management API) are `CFPAT-` + 43 base64url; Content Delivery and
// Preview API tokens are 43 base64url with no prefix and need Contentful context.
// https://www.contentful.com/developers/docs/references/authentication/
import type { CredentialRule } from '../../src/core/types.js';
import { looksRandom, boundToProvider } from './shared.js';

const help = {
  why: 'A Contentful personal access token acts as its user on the Content Management API: it can change, unpublish and delete content, content types and environments across every space they belong to. Delivery/preview tokens read published or draft content of one space.',
  fix: 'Revoke the token in Contentful (Settings → CMA tokens, or Settings → API keys), create a replacement, and keep it in a secret store.',
  references: ['https://www.contentful.com/developers/docs/references/authentication/'],
};

export const contentfulPat: CredentialRule = {
  meta: { id: 'contentful-personal-access-token', title: 'Contentful personal access token', severity: 'high', summary: 'Contentful Content Management personal access token (CFPAT-).', provider: 'contentful', credentialType: 'personal-access-token', help },
  keywords: ['cfpat-'],
  pattern: /(?<![\w-])(CFPAT-[A-Za-z0-9_-]{43})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => looksRandom(v.slice(6)),
  examples: {
    positive: ['CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-ZVeT6QT2sSpSkGxBlzjzlLDI7f68OxeoJ_A__rj02BF'],
    negative: ['CFPAT-rKIA3ptcebmFZ4WIL2NF', 'CFPAT-jqnkljpmpwyykfkwhhbjjnskdxuxcggiczitpeqevcr'],
  },
};

export const contentfulDeliveryToken: CredentialRule = {
  meta: { id: 'contentful-delivery-token', title: 'Contentful delivery or preview token', severity: 'low', summary: 'Contentful Content Delivery / Preview API token (43 characters) with Contentful context.', provider: 'contentful', credentialType: 'delivery-token', help },
  keywords: ['contentful'],
  pattern: /(?<![\w-])([A-Za-z0-9_-]{43})(?![\w-])/,
  secretGroup: 1,
  validate: (v, ctx) => looksRandom(v, 30) && boundToProvider(ctx, /contentful/i, /token|key|secret/i),
  classify: (_v, ctx) => ({ attributes: { api: /preview/i.test(ctx.variable ?? '') ? 'preview' : 'delivery' } }),
  examples: {
    positive: ['CONTENTFUL_ACCESS_TOKEN=xU0nRhzu4mU_vTJawXZIiEn6zHzwOyC0ukgKVvCP-Gt', 'CONTENTFUL_PREVIEW_TOKEN=Q8NTvq-tVAsxYX9LUOzbTVvuaPwQaVn5X1OBY9EQAeP'],
    negative: ['CONTENTFUL_SPACE_ID=hkT5b-fveZyTYP0-ERAa9HDajjtt0c0PPDeS69o5mxu', 'CONTENTFUL_ACCESS_TOKEN=HVW2g2-vie65zqHpFopUGyvjF910QF'],
  },
};

export default [contentfulPat, contentfulDeliveryToken];
