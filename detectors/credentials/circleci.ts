// CircleCI API tokens: CCIPAT_ personal API tokens and CCIPRJ_ project API tokens, each followed by 22 alphanumerics,
// an underscore and 40 hex. https://circleci.com/docs/managing-api-tokens/
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy } from './shared.js';

const help = {
  why: 'A CircleCI personal API token acts as its user on every project they follow: it can read and set project environment variables and contexts (holding deploy credentials), trigger pipelines and rerun deploy jobs. Project tokens reach one project.',
  fix: 'Delete the token (User settings → Personal API tokens, or Project settings → API permissions) and prefer OIDC tokens for cloud access from jobs.',
  references: ['https://circleci.com/docs/managing-api-tokens/', 'https://circleci.com/docs/openid-connect-tokens/'],
};

const KINDS = [
  ['CCIPAT_', 'circleci-personal-api-token', 'CircleCI personal API token', 'personal-api-token', 'CCIPAT_VPQ0FWObwxRCD5cZSVeLOK_f980cff78bff6f13c9e9250db696aecee312bf5f'],
  ['CCIPRJ_', 'circleci-project-api-token', 'CircleCI project API token', 'project-api-token', 'CCIPRJ_r43m1bAhVHLPzHESNGVrvG_5694e53923abc90cd5b549e88e363bfad93340bb'],
] as const;

const rules: CredentialRule[] = KINDS.map(([prefix, id, title, type, sample]) => ({
  meta: { id, title, severity: 'high', summary: `${title} (${prefix} prefix).`, provider: 'circleci', credentialType: type, help },
  keywords: [prefix.toLowerCase()],
  pattern: new RegExp(String.raw`\b(${prefix}[A-Za-z0-9]{22}_[a-f0-9]{40})(?![A-Za-z0-9_-])`),
  secretGroup: 1,
  validate: (v: string) => highEntropy(v.slice(7), 4),
  examples: {
    positive: [`CIRCLECI_TOKEN=${sample}`],
    negative: [`CIRCLECI_TOKEN=${sample.slice(0, -2)}`, `CIRCLECI_TOKEN=${sample.replace('_', '-')}`],
  },
}));

export default rules;
