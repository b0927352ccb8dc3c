// The bundled fixtures end to end: the incident's full chain, the hardened twin's silence, the AWS admin key.
import { describe, expect, it } from 'vitest';
import { scanDirectory } from '../src/scan.js';
import { chainText } from '../src/pipeline/chain.js';
import { runCli } from './helpers/cli.js';

describe('fixtures/railway-incident', async () => {
  const result = await scanDirectory('fixtures/railway-incident');
  const byRule = (id: string) => result.findings.filter((f) => f.ruleId === id);

  it('finds the account token in the DNS script, the staging env file and the MCP config as one credential', () => {
    const railway = result.credentials.filter((c) => c.provider === 'railway');
    expect(railway).toHaveLength(1);
    const [token] = railway;
    expect(token!.type).toBe('account-token');
    expect(token!.locations.map((l) => l.path).sort()).toEqual(['.env.staging', '.mcp.json', 'tools/dns/sync-custom-domains.mjs']);
    expect(token!.scope.reach).toBe('workspace');
    expect(token!.environments).toContain('staging');
  });

  it('reports the token made for domains with workspace power, pointing at the DNS script', () => {
    const [f] = byRule('token-purpose-mismatch');
    expect(f).toBeDefined();
    expect(f!.severity).toBe('critical');
    expect(f!.locations[0]!.path).toBe('tools/dns/sync-custom-domains.mjs');
    expect(f!.message).toMatch(/custom domains|DNS/);
  });

  it('shows the whole chain: token → workspace reach → production volume → backups die with it → an agent can read it', () => {
    const [f] = byRule('token-purpose-mismatch');
    const text = chainText(f!.chain);
    expect(text).toMatch(/^tools\/dns\/sync-custom-domains\.mjs:\d+ RAILWAY account-token/);
    expect(text).toContain('workspace (all projects and environments)');
    expect(text).toMatch(/can delete volume [^→]+ in production/);
    expect(text).toContain('volume backups, stored with the volume: they go down with it');
    expect(text).toContain('readable by');
  });

  it('reports the staging credential reaching production and the agent exposure as critical', () => {
    expect(byRule('staging-reaches-production').map((f) => f.severity)).toEqual(['critical']);
    expect(byRule('agent-can-read-destructive-credential').map((f) => f.severity)).toContain('critical');
    expect(byRule('agent-unrestricted')).toHaveLength(1);
    expect(byRule('mcp-literal-token').length).toBeGreaterThan(0);
    expect(byRule('credential-shared-across-environments').length).toBeGreaterThan(0);
    expect(byRule('destructive-command-forced').length).toBeGreaterThan(0);
  });

  it('prints the chain in the table and exits 1 at the default fail-on', async () => {
    const { code, stdout } = await runCli(['scan', 'fixtures/railway-incident', '--no-color'], { COLUMNS: '200' });
    expect(code).toBe(1);
    expect(stdout).toContain('CRITICAL');
    expect(stdout.replace(/[│\s]+/g, ' ')).toContain('can delete volume');
  });
});

describe('fixtures/railway-hardened', async () => {
  const result = await scanDirectory('fixtures/railway-hardened');

  it('has no high or critical finding', () => {
    expect(result.findings.filter((f) => f.severity === 'critical' || f.severity === 'high').map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
  });

  it('finds no credential values', () => {
    expect(result.credentials.map((c) => `${c.ruleId} ${c.locations[0]?.path}`)).toEqual([]);
  });

  it('exits 0', async () => {
    expect((await runCli(['scan', 'fixtures/railway-hardened', '--format', 'json'])).code).toBe(0);
  });
});

describe('fixtures/aws-dns-admin', async () => {
  const result = await scanDirectory('fixtures/aws-dns-admin');

  it('ties the hard-coded key to the dns-updater IAM user with AdministratorAccess', () => {
    const key = result.credentials.find((c) => c.provider === 'aws' && c.scope.reach !== 'unknown');
    expect(key, JSON.stringify(result.credentials.map((c) => [c.provider, c.type, c.scope.reach]))).toBeDefined();
    expect(key!.scope.reach).toBe('account');
    expect(key!.scope.principal).toContain('dns-updater');
  });

  it('reports the DNS key with admin power, the unprotected production database and its backups', () => {
    const ids = result.findings.map((f) => f.ruleId);
    expect(ids).toContain('token-purpose-mismatch');
    expect(ids).toContain('datastore-without-deletion-protection');
    expect(ids).toContain('rds-backups-die-with-instance');
  });
});
