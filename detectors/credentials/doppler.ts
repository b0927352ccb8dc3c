// Doppler tokens: dp.pt. personal, dp.st. service (optionally dp.st.<config>.), dp.sa. service account, dp.ct. CLI,
// dp.scim. SCIM, dp.audit. audit tokens; then 40–44 alphanumerics. https://docs.doppler.com/reference/auth-token-formats
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy } from './shared.js';

const help = {
  why: 'Doppler tokens read secrets — often every secret of a project or workplace, including database URLs and cloud keys; personal, CLI and service account tokens can also change them.',
  fix: 'Revoke the token in the Doppler dashboard (Tokens / Access), and use service tokens scoped to one config with read-only access for workloads.',
  references: ['https://docs.doppler.com/reference/auth-token-formats', 'https://docs.doppler.com/docs/service-tokens'],
};

const KINDS = [
  ['pt', 'doppler-personal-token', 'Doppler personal token', 'personal-token', 'high', 'dp.pt.SWMpEEWHAlGPKowzf8CEzgb2mLMjTRyKlbSnaZ4ktbq'],
  ['st', 'doppler-service-token', 'Doppler service token', 'service-token', 'high', 'dp.st.prd.ezRbHyceA5Z7pkEYxcjTyAHuJcmfP4ddOM1WiMNeRtS'],
  ['sa', 'doppler-service-account-token', 'Doppler service account token', 'service-account-token', 'high', 'dp.sa.1NUs8K3RG1vy5obUhe25NLDIxvoRE9BN5RIv2yuS0Bi'],
  ['ct', 'doppler-cli-token', 'Doppler CLI token', 'cli-token', 'high', 'dp.ct.mbJpoxiVcCJnB7KLf2SxYXpI1F3EiTcuXX3LoTg5SmI'],
  ['scim', 'doppler-scim-token', 'Doppler SCIM token', 'scim-token', 'medium', 'dp.scim.sfq7RWLKP1xlKNh7E0k3HVtjJhau6ofZHiZudaQcbhX'],
  ['audit', 'doppler-audit-token', 'Doppler audit token', 'audit-token', 'medium', 'dp.audit.dVl1pVLoXvaWHUDhPyqWPN44CYjaJ2bvO9DJLlRduHl'],
] as const;

const rules: CredentialRule[] = KINDS.map(([kind, id, title, type, severity, sample]) => ({
  meta: { id, title, severity, summary: `${title} (dp.${kind}. prefix).`, provider: 'doppler', credentialType: type, help },
  keywords: [`dp.${kind}.`],
  pattern: new RegExp(
    kind === 'st'
      ? String.raw`\b(dp\.st\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44})(?![A-Za-z0-9_.-])`
      : String.raw`\b(dp\.${kind}\.[A-Za-z0-9]{40,44})(?![A-Za-z0-9_.-])`,
  ),
  secretGroup: 1,
  validate: (v: string) => highEntropy(v.slice(v.lastIndexOf('.') + 1), 4),
  classify: (v: string) => {
    const config = kind === 'st' ? /^dp\.st\.([a-z0-9_-]{2,35})\./.exec(v)?.[1] : undefined;
    return config ? { attributes: { config } } : undefined;
  },
  examples: {
    positive: [`DOPPLER_TOKEN=${sample}`],
    negative: [`DOPPLER_TOKEN=${sample.slice(0, -10)}`, `DOPPLER_TOKEN=dp.${kind}.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`],
  },
}));

export default rules;
