// Fake credentials planted in the benchmark corpus, and near-misses that must not be reported.
// Every value is random and fake; the GitHub ones carry a valid CRC32/base62 checksum so checksum-verifying scanners
// accept them.
import { base62, crc32 } from '../detectors/credentials/shared.js';
import { ALNUM, B64, Rng } from './rng.js';

export const PLANT_TYPES = ['github', 'aws', 'stripe', 'slack', 'railway'] as const;
export type PlantType = (typeof PLANT_TYPES)[number];

/** A secret bound to a variable name; one plant can carry several (an AWS key id and its secret). */
export interface Binding {
  name: string;
  value: string;
}

export interface Plant {
  type: PlantType;
  bindings: Binding[];
}

const PLANT_WEIGHTS: Record<PlantType, number> = { github: 30, aws: 25, stripe: 20, slack: 15, railway: 10 };
const AWS_ID = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function githubToken(r: Rng): string {
  const body = r.chars(ALNUM, 30);
  return `ghp_${body}${base62(crc32(body), 6)}`;
}

export function makePlant(r: Rng, only?: PlantType): Plant {
  const type = only ?? r.weighted(PLANT_WEIGHTS);
  switch (type) {
    case 'github':
      return { type, bindings: [{ name: r.pick(['GITHUB_TOKEN', 'GH_TOKEN', 'GITHUB_PAT']), value: githubToken(r) }] };
    case 'aws':
      return {
        type,
        bindings: [
          { name: 'AWS_ACCESS_KEY_ID', value: `AKIA${r.chars(AWS_ID, 16)}` },
          { name: 'AWS_SECRET_ACCESS_KEY', value: r.chars(B64, 40) },
        ],
      };
    case 'stripe':
      return { type, bindings: [{ name: r.pick(['STRIPE_SECRET_KEY', 'STRIPE_API_KEY']), value: `sk_live_${r.chars(ALNUM, 24)}` }] };
    case 'slack':
      return {
        type,
        bindings: [{ name: 'SLACK_BOT_TOKEN', value: `xoxb-${r.chars('0123456789', 11)}-${r.chars('0123456789', 13)}-${r.chars(ALNUM, 24)}` }],
      };
    case 'railway':
      return { type, bindings: [{ name: r.pick(['RAILWAY_API_TOKEN', 'RAILWAY_TOKEN']), value: r.uuid() }] };
  }
}

/** Near-misses: placeholders, documented example keys, wrong checksums, references to secret stores. */
export function makeDecoy(r: Rng): Binding[] {
  switch (r.int(0, 7)) {
    case 0: {
      const t = githubToken(r);
      const last = t[t.length - 1] === 'A' ? 'B' : 'A';
      return [{ name: 'GITHUB_TOKEN', value: t.slice(0, -1) + last }];
    }
    case 1:
      return [{ name: 'GITHUB_TOKEN', value: 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' }];
    case 2:
      return [{ name: 'STRIPE_SECRET_KEY', value: 'sk_live_XXXXXXXXXXXXXXXXXXXXXXXX' }];
    case 3:
      return [
        { name: 'AWS_ACCESS_KEY_ID', value: 'AKIAIOSFODNN7EXAMPLE' },
        { name: 'AWS_SECRET_ACCESS_KEY', value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      ];
    case 4:
      return [{ name: 'SLACK_BOT_TOKEN', value: 'xoxb-your-bot-token-here' }];
    case 5:
      return [{ name: 'RAILWAY_PROJECT_ID', value: r.uuid() }];
    case 6:
      return [{ name: 'GITHUB_TOKEN', value: '${{ secrets.GITHUB_TOKEN }}' }];
    default:
      return [{ name: 'DATABASE_PASSWORD', value: 'changeme' }];
  }
}
