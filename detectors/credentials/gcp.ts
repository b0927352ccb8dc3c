// Google Cloud credentials.
// Service-account key files are JSON with "type": "service_account" and a PEM "private_key"; the private key is the
// secret, client_email names the principal and project_id the project.
// https://cloud.google.com/iam/docs/keys-create-delete  https://cloud.google.com/docs/authentication/api-keys
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy, nearestCapture, offsetOfLine } from './shared.js';

/** Context that makes an AIza key a Gemini / Google AI Studio key (claimed by the google-ai rule). */
const GEMINI_CONTEXT = /gemini|generativelanguage|generative[-_ ]?ai|google[-_]?ai|aistudio|ai\.google\.dev|genai/i;

const PK_BODY = 'vAUd06OzwQhmBHf/ZFIuX7w18V5jtSx/cOnD4SJTGapECT7JmPw2BDLkRG6lF7Ln\\nTmAvKdhK9PDReMDLNkrYUF8QCjGJxtsun1fGjJS6o2I4q1xDwAja746nSrtEvA4v\\n7lgUpnnoi+WKf5toUe4+6wtXpI0CmwHT/tSLjD4RJR2+xZzN8F6s7UzKcUh4L7iP\\nkTp6/ovkiZ//qF2D+LLDAQbg4nEKtXR5E+4XxbPQWPj+99vssmOZupx/VZgaNyeR\\no6tkHzwJQGzGAa2vbMKDacCGbK+6Jvd2sQG1EnMD0RFqtwy0HYu6q//5/9xsrZIX\\nsc0FNmqgPVdHOm/NaH0gf/eoYH4orXarQGR7IYlvF0twNkLB8c+wXCPaMjcE+ErK\\nAR648pqUTuAcT3kBukmCKINsK/suEDBkKh1vWJYiUQL6AMQWE/tYKWkKBeqFNz10\\nU7ftM5RF/fIBzfjZNUAj3EunUlIDo/sDAsWlFOUAT2VcM7jbNTVP1fKxSGdXfW2f\\nflFCmOwsKa9VrJN4gkodmslVKDQmNvU1POgAX3mZSj8W4OY0TMlHX1rEeTwh+kHv\\nGfreST4YDSTLKZnQMbHpP7yh0xi3M3nQJzNHfJXgfqa8syv8AYlSoBgIWop5RxAu\\nA65j7/Zld/fKaqLTtRjWYdw45IWjqzP3F9+VZiH1Yh4OiiUgCFRPEqmpwjDAe4sx\\nmkEFVSFYAYTcMkSSowMwUR/XNqXvwk+Roqo0irqRwu2BEwuUjoTIAJ4wqOBz7jrf\\n22SwXQW7XRF6fjbaNDbG7r//Bhj6Rqq9vujxMdpc1lOJJMiLXIhYJmbUnxl2eUS3\\nN3lBNAcd1INc+Nw42tgN5SjJLdTynxV1OV4fyozVxu9LJHrWfjX9+L6SXxYpAj9H\\nEAoMVQfGp+/t5syd0iCimV041ZWFc8T7epXeNw7Vq/T6c4HUJ/QeZ/xvgTyK33EP\\n4oOJAeAfMJ4CH2JwKZZvt+kzO8jtheP10ewccii11bnLjmMj1RabjJ8Yc+rAHvAY\\nSN2wSJm0oOTPQVBS7PLPzsXw0kxijJywfMz33yrosIbr+dernaUmEPLzhN/AU5XU\\nQU+v47Em1HZHxu7yK8pc3phCK+QNk9D3+88IS7K0lV6obxd4g8gObQeDJT1n1J3F\\nkov+p5/UNsI3/PL0HrblDjMPIyc+s7N9qbI/iRYspBnPZI0J1o22NOkxAPrxFXEv\\n9mgF4z7kLkfZoUFuvWQdQUZTM1cL8KGwag8Hc0WxvgQYtjE0pYjmdFh4Uj4H7Mk/';
/** A labelled example service-account key file (fake key material), shared with the rules that build on it. */
export const SA_JSON = `{
  "type": "service_account",
  "project_id": "billing-prod-4821",
  "private_key_id": "9c1e6f0a7d2b4c8e1f3a5b7d9e2c4a6f8b0d1e3f",
  "private_key": "-----BEGIN PRIVATE KEY-----\\n${PK_BODY}\\n-----END PRIVATE KEY-----\\n",
  "client_email": "deployer@billing-prod-4821.iam.gserviceaccount.com",
  "client_id": "104729384756102938475"
}`;

export const gcpServiceAccountKey: CredentialRule = {
  meta: {
    id: 'gcp-service-account-key',
    title: 'Google Cloud service account key',
    severity: 'critical',
    summary: 'Private key of a Google Cloud service account key file (attributes: clientEmail, projectId).',
    provider: 'gcp',
    credentialType: 'service-account-key',
    help: {
      why: 'A service-account key signs in as that service account until the key is deleted — keys do not expire by default. Service accounts made for deployment often hold `roles/owner` or `roles/editor` on the project, which includes deleting Cloud SQL instances, disks, buckets and their backups.',
      fix: 'Delete the key (IAM → Service accounts → Keys), review Cloud Audit Logs for its use, and switch to keyless authentication: Workload Identity Federation for CI, attached service accounts for workloads. Consider the `iam.disableServiceAccountKeyCreation` organisation policy.',
      references: [
        'https://cloud.google.com/iam/docs/keys-create-delete',
        'https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys',
        'https://cloud.google.com/iam/docs/workload-identity-federation',
      ],
    },
  },
  keywords: ['service_account'],
  // The PEM body as JSON stores it: base64 lines joined by a literal \n (or real newlines, or \\n when the JSON is
  // itself embedded in a string). The body class excludes '-', so the END marker ends it without backtracking.
  pattern:
    /\\?"private_key\\?"\s*:\s*\\?"(-----BEGIN (?:RSA )?PRIVATE KEY-----[A-Za-z0-9+/=\\\s]{200,8000}-----END (?:RSA )?PRIVATE KEY-----)/,
  secretGroup: 1,
  validate: (_v, ctx) => /\\?"type\\?"\s*:\s*\\?"service_account/.test(ctx.file.text),
  classify: (_v, ctx) => {
    const at = offsetOfLine(ctx);
    const attributes: Record<string, string> = {};
    const email = nearestCapture(ctx.file.text, /\\?"client_email\\?"\s*:\s*\\?"([^"\\]+)/, at);
    const project = nearestCapture(ctx.file.text, /\\?"project_id\\?"\s*:\s*\\?"([^"\\]+)/, at);
    const keyId = nearestCapture(ctx.file.text, /\\?"private_key_id\\?"\s*:\s*\\?"([0-9a-f]{40})/, at);
    if (email) attributes.clientEmail = email;
    if (project) attributes.projectId = project;
    if (keyId) attributes.privateKeyId = keyId;
    return { attributes };
  },
  examples: {
    positive: [{ text: SA_JSON, path: 'deploy/gcp-sa.json' }],
    negative: [
      // a key file skeleton with the key removed
      '{ "type": "service_account", "project_id": "billing-prod-4821", "private_key": "" }',
      // a PEM under private_key, but not a service-account file
      `{ "private_key": "-----BEGIN PRIVATE KEY-----\\n${PK_BODY}\\n-----END PRIVATE KEY-----\\n" }`,
    ],
  },
};

export const gcpApiKey: CredentialRule = {
  meta: {
    id: 'gcp-api-key',
    title: 'Google API key',
    severity: 'medium',
    summary: 'Google Cloud / Firebase / Maps API key (AIza + 35 characters).',
    provider: 'gcp',
    credentialType: 'api-key',
    help: {
      why: 'A Google API key bills its project for every API it is not restricted from — Maps, Gemini, Translate — and unrestricted keys can be abused at scale. Keys shipped in web and mobile apps must be restricted by referrer/app and API.',
      fix: 'Restrict or delete the key (APIs & Services → Credentials): add application and API restrictions, and rotate keys that were committed unrestricted.',
      references: ['https://cloud.google.com/docs/authentication/api-keys', 'https://cloud.google.com/api-keys/docs/add-restrictions-api-keys'],
    },
  },
  keywords: ['aiza'],
  pattern: /\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/,
  secretGroup: 1,
  // Keys in a Gemini / AI Studio context are left to the google-ai rule (group B), which registers after this one.
  validate: (v, ctx) => highEntropy(v, 3.8) && !GEMINI_CONTEXT.test(`${ctx.variable ?? ''}\n${ctx.window}`),
  examples: {
    positive: ['GOOGLE_API_KEY=AIzaKVkdUb0T6QXEgVEe4afLljRcXpwIGBO57EE', 'apiKey: "AIzaKVkdUb0T6QXEgVEe4afLljRcXpwIGBO57EE",'],
    negative: [
      'GOOGLE_API_KEY=AIzaKVkdUb0T6QXEgVEe4afLljRcXpwIGBO57E',
      'GOOGLE_API_KEY=AIzaKVkdUb0T6QXEgVEe4afLljRcXpwIGBO57EEX',
      // a Gemini key: reported by the google-ai rule instead
      'GEMINI_API_KEY=AIzaKVkdUb0T6QXEgVEe4afLljRcXpwIGBO57EE',
    ],
  },
};

export const gcpOauthClientSecret: CredentialRule = {
  meta: {
    id: 'gcp-oauth-client-secret',
    title: 'Google OAuth client secret',
    severity: 'medium',
    summary: 'Google OAuth 2.0 client secret (GOCSPX- prefix).',
    provider: 'gcp',
    credentialType: 'oauth-client-secret',
    help: {
      why: 'With the client secret, anyone can run the OAuth flow as your application: phish users with your consent screen, or exchange stolen authorization codes and refresh tokens for access tokens.',
      fix: 'Add a new secret to the OAuth client, deploy it, then disable and delete the leaked one (APIs & Services → Credentials → OAuth 2.0 Client IDs).',
      references: ['https://support.google.com/cloud/answer/15549257', 'https://developers.google.com/identity/protocols/oauth2'],
    },
  },
  keywords: ['gocspx-'],
  pattern: /\b(GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => highEntropy(v.slice(7), 3.5),
  examples: {
    positive: ['"client_secret": "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"'],
    negative: ['"client_secret": "GOCSPX-_N_vJgrRLao4fJ9emfUoBLe3UEn"', '"client_secret": "GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx"'],
  },
};

export const gcpOauthAccessToken: CredentialRule = {
  meta: {
    id: 'gcp-oauth-access-token',
    title: 'Google OAuth access token',
    severity: 'medium',
    summary: 'Google OAuth 2.0 access token (ya29.), valid for about an hour.',
    provider: 'gcp',
    credentialType: 'oauth-access-token',
    help: {
      why: 'An access token acts with the scopes it was granted — often `cloud-platform` for gcloud users — until it expires (one hour by default). Its presence in a file usually means a refresh token or key is stored nearby.',
      fix: 'Revoke it (https://oauth2.googleapis.com/revoke), and find what wrote it to disk: scripts should fetch a token at runtime (`gcloud auth print-access-token`) rather than store one.',
      references: ['https://developers.google.com/identity/protocols/oauth2', 'https://cloud.google.com/docs/authentication/token-types#access'],
    },
  },
  keywords: ['ya29.'],
  pattern: /\b(ya29\.[0-9A-Za-z_-]{40,2048})(?![0-9A-Za-z_.-])/,
  secretGroup: 1,
  validate: (v) => highEntropy(v, 4),
  examples: {
    positive: ['Authorization: Bearer ya29.a0PQ4UpZbWMLEje_XPgFOdpTMlKVO-3Yxc_HYOvuGKH3RMI7nmtRHs5gFbko9Uba9P5BbX6iw2AFoRR1i67RXwuFbNsjsI6gAgiAsWcAaBuYjfYwp4zCLj6PI6'],
    negative: ['ya29.short_token_here', 'token = "ya29.${ACCESS_TOKEN}"'],
  },
};

export default [gcpServiceAccountKey, gcpApiKey, gcpOauthClientSecret, gcpOauthAccessToken];
