// A credential written into a file, with severity raised by what it can do.
import type { FindingRule } from '../../src/pipeline/detector-api.js';
import type { Severity } from '../../src/core/types.js';
import { credentialChain, credentialLabel, reachLabel } from '../../src/pipeline/chain.js';
import { credentialLocations, deletesIn, environmentsOf, exampleOrLocal, wideDestructive } from './shared.js';
import { confidenceText } from '../../src/pipeline/file-context.js';

const rule: FindingRule = {
  meta: {
    id: 'hardcoded-credential',
    title: 'Hard-coded credential',
    severity: 'medium',
    category: 'secret-exposure',
    confidence: 'high',
    summary: 'A credential value written into a file in the repository (committed or not); severity rises with its reach.',
    help: {
      why: 'A credential in a file is readable by everyone and everything with the checkout: collaborators, CI logs, forks, and AI agents. Committed once, it stays in git history after it is deleted.',
      fix: 'Revoke and rotate the credential, then load it at run time from a secret manager or CI secrets. If it was committed, rewriting history does not un-leak it: rotation does.',
      references: ['https://docs.github.com/en/code-security/secret-scanning/about-secret-scanning', 'https://owasp.org/www-community/vulnerabilities/Use_of_hard-coded_password'],
    },
  },
  check: ({ credentials, graph }) =>
    credentials.flatMap((c) => {
      const committed = c.locations.filter((l) => l.gitStatus !== 'ignored-but-present');
      if (!committed.length) return [];
      const severity: Severity = deletesIn(c, graph, 'production')
        ? 'critical'
        : wideDestructive(c) || graph.deletable(c).length
          ? 'high'
          : c.scope.reach === 'unknown'
            ? 'medium'
            : 'medium';
      // The lines that hold the credential's other parts (an AWS key id) are where it is, not further copies.
      const copies = committed.filter((l) => !l.part).length || committed.length;
      const inHistoryOnly = committed.every((l) => l.commit && l.commit.atHead === false);
      // Documentation, example files and local databases hold examples: reported, at low confidence, never as reach.
      // Severity follows confidence: a test password or a well-known default stays reported, below the default gate.
      const example = exampleOrLocal(c, graph);
      const lowKind = example || c.type.includes('publishable') || c.type === 'key-id' || c.confidence === 'low';
      const why = c.confidenceReasons.length ? ` Confidence ${confidenceText(c.confidence, c.confidenceReasons)}.` : '';
      return [
        {
          severity: lowKind ? 'low' : severity,
          // A key tied to its principal only on weak evidence keeps that doubt.
          confidence: example || c.scope.evidence.some((e) => e.detail.startsWith('linked ') && e.confidence === 'low') ? 'low' : c.confidence,
          confidenceReasons: c.confidenceReasons,
          message: `${credentialLabel(c)} is written in ${copies} place${copies > 1 ? 's' : ''}${inHistoryOnly ? ' in git history (deleted at HEAD: still leaked, rotate it)' : ''}; ${example ? `${example}` : `reach: ${reachLabel(c)}`}.${why}`,
          locations: credentialLocations(c),
          credentialFingerprints: [c.fingerprint],
          resourceIds: [],
          environments: environmentsOf(c, graph),
          chain: credentialChain(c, graph, committed[0]),
        },
      ];
    }),
  examples: [
    { name: 'GitHub token in a script', repo: { 'scripts/release.sh': 'export GITHUB_TOKEN=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\n' }, fires: true },
    {
      name: 'local development database in a committed config (low, not a reach)',
      repo: { 'config/database.yml': 'development:\n  url: postgres://medusa:Xq7vLm2pR8wz@localhost:5432/medusa\n' },
      fires: true,
      mentions: 'a local database (localhost)',
    },
    {
      // Phoenix generates a secret_key_base per environment; dev and test ones sign nothing deployed.
      name: 'session signing key in development and test config only',
      repo: {
        'config/dev.exs': 'config :app, AppWeb.Endpoint,\n  secret_key_base: "q8Vx2LpT9kWn4ZsB8yFc3JdGu6Ne1AoXiKbQm7Vx2LpT9kWn4ZsB8yFc3JdGu6Ne"\n',
        'config/test.exs': 'config :app, AppWeb.Endpoint,\n  secret_key_base: "Z3m8Rt1Wq6Yp0Ls5Kd2Hf7Jc4Nv9Bx1Mg6Qe3Tu8Io5Pa2Sd7Fg4Hj9Kl0Zx5Cv"\n',
      },
      fires: true,
      mentions: 'development-only application secret',
    },
    { name: 'placeholder', repo: { 'scripts/release.sh': 'export GITHUB_TOKEN=<your-token>\n' }, fires: false },
    { name: 'well-known default password, reported at low confidence', repo: { 'docker/Dockerfile': 'FROM postgres:16\nENV POSTGRES_PASSWORD=changeme\n' }, fires: true, mentions: 'well-known default' },
  ],
};

export default rule;
