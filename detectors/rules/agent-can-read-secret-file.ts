// Secret files an agent in the checkout may read, whatever the credentials in them can do.
import type { FindingDraft, FindingRule } from '../../src/pipeline/detector-api.js';
import type { Resource } from '../../src/core/types.js';
import { credentialLabel, where, worstTarget } from '../../src/pipeline/chain.js';
import { ANY_AGENT_ID } from '../../src/pipeline/graph.js';
import { TEMPLATE_FILE, agentCanRead, credentialDraft, exampleOrLocal, wideDestructive } from './shared.js';

const PUBLIC_TYPES = /publishable|anon-key|^key-id$/;
const names = (agents: Resource[]) => agents.map((a) => a.name).join(', ');

const rule: FindingRule = {
  meta: {
    id: 'agent-can-read-secret-file',
    title: 'AI agent can read secret files',
    severity: 'medium',
    category: 'agent-exposure',
    confidence: 'medium',
    summary: 'An env file, key file or other credential in the working tree that no agent deny rule or ignore file covers — even when what the credential can do is unknown.',
    help: {
      why: 'Agents read what is in the checkout, including gitignored `.env` files, and put it into their context, logs and tool calls. A credential whose reach we cannot establish may still reach production; a secret file is a secret file. (Credentials known to delete data are reported at high by agent-can-read-destructive-credential.)',
      fix: 'Deny reads of secret files: in Claude Code add `Read(./.env*)`, `Read(./**/*.pem)`, `Read(./secrets/**)` to `permissions.deny`; list them in `.cursorignore`, `.aiderignore`, `.geminiignore`. Better, keep secrets out of the checkout (a secret manager, `op run`, `doppler run`).',
      references: ['https://docs.anthropic.com/en/docs/claude-code/settings#permission-settings', 'https://docs.cursor.com/context/ignore-files', 'https://aider.chat/docs/config/aiderignore.html'],
    },
  },
  check: ({ credentials, files, graph }) => {
    const out: FindingDraft[] = [];
    const covered = new Set<string>();
    for (const c of credentials) {
      const readers = graph.readers(c);
      for (const l of c.locations) covered.add(l.path);
      if (!readers.length) continue;
      // Destructive credentials are agent-can-read-destructive-credential's finding.
      if (worstTarget(graph.reach(c)) || wideDestructive(c)) continue;
      const at = readers[0]!.location;
      // Medium when an agent is configured yet not denied, or when the file is local-only (gitignored: the agent is
      // the main way it leaks); low for committed files with no agent configuration (hardcoded-credential covers them).
      const configured = readers.some((r) => r.agent.id !== ANY_AGENT_ID);
      const local = readers.some((r) => r.location.gitStatus === 'ignored-but-present' || r.location.gitStatus === 'untracked');
      out.push(
        credentialDraft(c, graph, `${names(readers.map((r) => r.agent))} can read ${credentialLabel(c)} at ${where(at)}; its reach is ${c.scope.reach === 'unknown' ? 'unknown' : c.scope.reach}.`, {
          at,
          // A low-confidence value (generated output, a fixture, a well-known default) stays low wherever it sits.
          severity: PUBLIC_TYPES.test(c.type) ? 'info' : (configured || local) && c.confidence !== 'low' ? (exampleOrLocal(c, graph) ? 'low' : 'medium') : 'low',
          resourceIds: readers.map((r) => r.agent.id),
        }),
      );
    }
    // Secret-bearing files with no credential we recognise: still secrets, still readable.
    const agents = graph.agents();
    for (const f of files) {
      if (f.commit || (f.kind !== 'env' && f.kind !== 'credential-file') || covered.has(f.path) || TEMPLATE_FILE.test(f.path)) continue;
      const readers = agents.filter((a) => agentCanRead(a, f.path));
      if (!readers.length) continue;
      out.push({
        key: `file:${f.path}`,
        severity: 'low',
        message: `${names(readers)} can read ${f.path} (${f.kind === 'env' ? 'an environment file' : 'a credential file'}); no deny rule covers it.`,
        locations: [{ path: f.path, startLine: 1, startColumn: 1 }],
        credentialFingerprints: [],
        resourceIds: readers.map((a) => a.id),
        environments: [f.environment.environment],
        chain: [{ kind: 'location', label: f.path, ref: f.path }, { kind: 'agent', label: `readable by ${names(readers)}` }],
      });
    }
    return out;
  },
  examples: [
    {
      name: 'API key of unknown reach in an env file, no deny rule',
      repo: { '.env': 'CLOUDFLARE_API_TOKEN=YY3ZAQVmMVDxwkzuqKkNDHAqq7cCgvwgRjGzQ82W\n' },
      fires: true,
      mentions: 'can read',
    },
    {
      name: 'the same env file denied to Claude Code',
      repo: {
        '.env': 'CLOUDFLARE_API_TOKEN=YY3ZAQVmMVDxwkzuqKkNDHAqq7cCgvwgRjGzQ82W\n',
        '.claude/settings.json': '{ "permissions": { "deny": ["Read(./.env*)"] } }\n',
      },
      fires: false,
    },
  ],
};

export default rule;
