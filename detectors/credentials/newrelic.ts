// New Relic keys. https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/
// User keys `NRAK-` + 27, license (ingest) keys 40 characters ending in `NRAL`, legacy Insights insert keys `NRII-` +
// 32, browser keys `NRJS-` + 19 hex (shipped to browsers: informational).
import type { CredentialRule, Severity } from '../../src/core/types.js';
import { looksRandom } from './shared.js';

const help = {
  why: 'A New Relic user key calls NerdGraph as its user — it can read all telemetry of the accounts the user reaches and change or delete alerts, dashboards and synthetic monitors; license and insert keys send data into the account.',
  fix: 'Delete the key in New Relic (API keys UI), create a replacement, and keep it in a secret store.',
  references: ['https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/'],
};

function nrRule(id: string, title: string, type: string, severity: Severity, keyword: string, pattern: RegExp, random: (v: string) => string, positive: string, negative: string[]): CredentialRule {
  return {
    meta: { id, title, severity, summary: `${title}.`, provider: 'newrelic', credentialType: type, help },
    keywords: [keyword],
    pattern,
    secretGroup: 1,
    validate: (v) => looksRandom(random(v)),
    examples: { positive: [positive], negative },
  };
}

export const newrelicUserKey = nrRule(
  'newrelic-user-key', 'New Relic user API key (NRAK-)', 'user-key', 'high', 'nrak-',
  /(?<![\w-])(NRAK-[A-Z0-9]{27})(?![\w-])/, (v) => v.slice(5),
  'NEW_RELIC_API_KEY=NRAK-VAD9RJ5SA0NK5Q4YYF2G647WDKF', ['NRAK-U1ZSCAHMGRU6T5QPF6XI', 'NRAK-GiSdtyeiMLlQYNWjUSfapvBdojv'],
);
export const newrelicInsertKey = nrRule(
  'newrelic-insert-key', 'New Relic Insights insert key (NRII-)', 'insert-key', 'medium', 'nrii-',
  /(?<![\w-])(NRII-[A-Za-z0-9_-]{32})(?![\w-])/, (v) => v.slice(5),
  'NEW_RELIC_INSERT_KEY=NRII-_Z0sFOUvW0L4ZOe-POOXK7KE6bQuKWqY', ['NRII-I3Mud-7LAa_2N63eoq9Y', 'NRII-zcsaqptqxosecgglthsfqkqgqiquvbjy'],
);
export const newrelicBrowserKey = nrRule(
  'newrelic-browser-key', 'New Relic browser key (NRJS-)', 'browser-key', 'info', 'nrjs-',
  /(?<![\w-])(NRJS-[0-9a-f]{19})(?![\w-])/, (v) => v.slice(5),
  'licenseKey: "NRJS-2514aec7e0660f46833"', ['NRJS-258fbab31600', 'NRJS-lRdFSBuSvgcMxlsdEBk'],
);
export const newrelicLicenseKey = nrRule(
  'newrelic-license-key', 'New Relic license (ingest) key', 'license-key', 'medium', 'nral',
  /(?<![\w-])([0-9a-f]{36}NRAL)(?![\w-])/, (v) => v.slice(0, 36),
  'NEW_RELIC_LICENSE_KEY=501d4239cc4f804550612a76ead6a2e7e9a0NRAL', ['23d03d5dd0a765762db47ee264be87NRAL', 'NMT6b44jXPGzChqkyLS705xiiDZOQp8zSqRRNRAL'],
);

export default [newrelicUserKey, newrelicInsertKey, newrelicBrowserKey, newrelicLicenseKey];
