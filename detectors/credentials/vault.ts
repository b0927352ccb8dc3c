// HashiCorp Vault tokens (1.10+): hvs. service tokens, hvb. batch tokens, hvr. recovery tokens; older service tokens
// are s. + 24 characters and need a VAULT_TOKEN-style binding. https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes
import type { CredentialRule, MatchContext } from '../../src/core/types.js';
import { highEntropy, mixedAlnum } from './shared.js';

const help = {
  why: 'A Vault token carries its policies: a root or admin-policy token reads every secret and can revoke leases, disable secrets engines and delete the data in them; dynamic-credential roles mint fresh cloud and database credentials on request.',
  fix: 'Revoke the token (`vault token revoke <token>`, or `-accessor`), review the audit device log, and use short-TTL tokens from an auth method (AppRole, JWT/OIDC, Kubernetes) rather than stored tokens.',
  references: ['https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes', 'https://developer.hashicorp.com/vault/docs/commands/token/revoke'],
};

const KINDS = [
  ['hvs', 'vault-service-token', 'HashiCorp Vault service token', 'service-token', 'high', '[A-Za-z0-9_-]{90,120}', 'hvs.CAESI5by_r5oaRaixzjAMoJHM3AKs_rSCGiNBOUNURm3hLKWFUpk1CHQgEq3VuotLNlA9WPdXpTla5Qb7ikiQeIiNV2'],
  ['hvb', 'vault-batch-token', 'HashiCorp Vault batch token', 'batch-token', 'high', '[A-Za-z0-9_-]{100,300}', 'hvb.AAAAAQEwPKfnICyxhqOj12yXVHAOGrZJF3ye7sPETI9FMzOygI0RKXyl3bCgZuYlPwzIcgm_XEay7SOGDWN2AXNuhWHoecug8EPEXhqcTWRN6clksPlPIbs9oP3XLhN07Q1VfFDG'],
  ['hvr', 'vault-recovery-token', 'HashiCorp Vault recovery token', 'recovery-token', 'critical', '[A-Za-z0-9_-]{24,120}', 'hvr.4MPEGVlI09velM4pWetaACVJ'],
] as const;

const prefixed: CredentialRule[] = KINDS.map(([prefix, id, title, type, severity, body, sample]) => ({
  meta: { id, title, severity, summary: `${title} (${prefix}. prefix).`, provider: 'vault', credentialType: type, help },
  keywords: [`${prefix}.`],
  pattern: new RegExp(String.raw`\b(${prefix}\.${body})(?![A-Za-z0-9_.-])`),
  secretGroup: 1,
  validate: (v: string) => highEntropy(v.slice(4), 4),
  classify: (_v: string, ctx: MatchContext) => {
    const addr = /(https?:\/\/[A-Za-z0-9.-]+(?::\d+)?)/.exec(/VAULT_ADDR[^\n]*/.exec(ctx.window)?.[0] ?? '')?.[1];
    return addr ? { attributes: { vaultAddr: addr } } : undefined;
  },
  examples: {
    positive: [`VAULT_ADDR=https://vault.acme.io:8200\nVAULT_TOKEN=${sample}`],
    negative: [`VAULT_TOKEN=${prefix}.${sample.slice(4, 20)}`, `VAULT_TOKEN=${prefix}.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`],
  },
}));

export const vaultLegacyToken: CredentialRule = {
  meta: {
    id: 'vault-legacy-token',
    title: 'HashiCorp Vault token (pre-1.10 format)',
    severity: 'high',
    summary: 'Older Vault service token (s. + 24 characters) bound to VAULT_TOKEN or an X-Vault-Token header.',
    provider: 'vault',
    credentialType: 'service-token',
    help,
  },
  keywords: ['vault'],
  pattern: /(?<![A-Za-z0-9_.-])(s\.[A-Za-z0-9]{24})(?![A-Za-z0-9_.-])/,
  secretGroup: 1,
  validate: (v, ctx) => /vault[-_ ]?token|x-vault-token/i.test(ctx.variable ?? ctx.line) && mixedAlnum(v.slice(2)) && highEntropy(v.slice(2), 3.8),
  examples: {
    positive: ['VAULT_TOKEN=s.Qf1s5zBRXBmcZJfQx4y0Hq7Y', 'curl -H "X-Vault-Token: s.Qf1s5zBRXBmcZJfQx4y0Hq7Y" https://vault.acme.io/v1/secret/data/db'],
    negative: ['VAULT_NAMESPACE=s.Qf1s5zBRXBmcZJfQx4y0Hq7Y', 'VAULT_TOKEN=s.Qf1s5zBRXBmcZJfQx4y0'],
  },
};

export default [...prefixed, vaultLegacyToken];
