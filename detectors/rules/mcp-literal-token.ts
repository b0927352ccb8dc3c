// MCP server configurations with literal tokens: every agent session gets them.
import type { FindingRule } from '../../src/pipeline/detector-api.js';
import type { McpServerAttrs } from '../../src/pipeline/resources.js';
import { where } from '../../src/pipeline/chain.js';
import { toFindingLocation } from './shared.js';

const rule: FindingRule = {
  meta: {
    id: 'mcp-literal-token',
    title: 'Literal credential in an MCP server configuration',
    severity: 'high',
    category: 'agent-exposure',
    confidence: 'high',
    summary: 'An MCP server entry (.mcp.json, .cursor/mcp.json, .vscode/mcp.json) holds a literal secret in env or headers.',
    help: {
      why: 'MCP configs are read by every agent session and often committed. A literal token there hands the agent — and anyone with the repository — the token\'s full reach through the MCP server\'s tools.',
      fix: 'Reference the environment instead (`"RAILWAY_API_TOKEN": "${RAILWAY_API_TOKEN}"`), give the server a token scoped to what the agent should do, and revoke the exposed one.',
      references: ['https://docs.anthropic.com/en/docs/claude-code/mcp#environment-variable-expansion-in-mcp-json', 'https://modelcontextprotocol.io/docs/concepts/transports'],
    },
  },
  check: ({ resources, credentials }) =>
    resources
      .filter((r) => r.type === 'mcp-server' && (r.attributes as McpServerAttrs).literalSecretKeys?.length)
      .map((r) => {
        const keys = (r.attributes as McpServerAttrs).literalSecretKeys!;
        const creds = credentials.filter((c) => c.locations.some((l) => l.path === r.location.path && l.variable && keys.includes(l.variable)));
        return {
          key: r.id,
          message: `MCP server ${r.name} (${where(r.location)}) has literal values for ${keys.join(', ')}.`,
          locations: [toFindingLocation(r.location)],
          credentialFingerprints: creds.map((c) => c.fingerprint),
          resourceIds: [r.id],
          environments: [r.environment],
          chain: [{ kind: 'agent', label: `MCP server ${r.name}`, ref: r.id }, ...keys.map((k) => ({ kind: 'fact' as const, label: `literal ${k}` }))],
        };
      }),
  examples: [
    {
      name: 'literal token in .mcp.json',
      repo: { '.mcp.json': '{ "mcpServers": { "railway": { "command": "npx", "args": ["-y", "@railway/mcp-server"], "env": { "RAILWAY_API_TOKEN": "3f6c2b1e-9a4d-4c7b-8e2f-1d5a6b7c8e9f" } } } }\n' },
      fires: true,
    },
    {
      name: 'token from the environment',
      repo: { '.mcp.json': '{ "mcpServers": { "railway": { "command": "npx", "env": { "RAILWAY_API_TOKEN": "${RAILWAY_API_TOKEN}" } } } }\n' },
      fires: false,
    },
  ],
};

export default rule;
