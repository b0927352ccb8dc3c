// Google AI Studio / Gemini API keys. https://ai.google.dev/gemini-api/docs/api-key
// They are ordinary Google API keys (`AIza` + 35 characters); group A's generic Google API key rule owns the format.
// This rule claims the value only when the context says Gemini / AI Studio / the Generative Language API; the GCP
// rule's google-api-key skips exactly that context (same word list), so the two never compete whatever their order.
import type { CredentialRule, MatchContext } from '../../src/core/types.js';

const GEMINI = /gemini|generativelanguage|generative[-_ ]?ai|google[-_]?ai|aistudio|ai\.google\.dev|genai/i;

const geminiContext = (ctx: MatchContext) => GEMINI.test(ctx.variable ?? '') || GEMINI.test(ctx.line) || GEMINI.test(ctx.window);

export const googleAiApiKey: CredentialRule = {
  meta: {
    id: 'google-ai-api-key',
    title: 'Google AI Studio (Gemini) API key',
    severity: 'high',
    summary: 'Gemini / Google AI Studio API key (AIza…), recognised by Gemini or Generative Language context.',
    provider: 'google-ai',
    credentialType: 'api-key',
    help: {
      why: 'A Gemini API key bills generation to the Google Cloud project behind it and can read and delete the files and cached content uploaded with it; unrestricted keys also call any other API enabled on the project.',
      fix: 'Delete or regenerate the key in Google AI Studio or the Cloud Console (APIs & Services → Credentials), restrict it to the Generative Language API, and keep it in a secret store.',
      references: ['https://ai.google.dev/gemini-api/docs/api-key', 'https://cloud.google.com/docs/authentication/api-keys#securing'],
    },
  },
  keywords: ['aiza'],
  pattern: /(?<![\w-])(AIza[0-9A-Za-z_-]{35})(?![\w-])/,
  secretGroup: 1,
  validate: (_v, ctx) => geminiContext(ctx),
  classify: () => ({ attributes: { api: 'generativelanguage' } }),
  examples: {
    positive: ['GEMINI_API_KEY=AIzaAngkbIACF6KzlfDhxgDLgJI9D5kALNeEMru', 'GOOGLE_GENERATIVE_AI_API_KEY="AIzaUZ3tf-zmU1D8GAcFwIssKrXE8zKLi_vUeKP"'],
    negative: ['MAPS_API_KEY=AIzaVKk_6DYLliivMJ7MKtMWKuqe4eZiHuiCNqX', 'GEMINI_API_KEY=AIzar1d_kiW4K-bvDlHLJ2pI'],
  },
};

export default [googleAiApiKey];
