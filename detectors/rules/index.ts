// Every finding rule. Adding a rule = adding its module and one line here.
import type { FindingRule } from '../../src/detector-api.js';
import tokenPurposeMismatch from './token-purpose-mismatch.js';
import stagingReachesProduction from './staging-reaches-production.js';
import credentialSharedAcrossEnvironments from './credential-shared-across-environments.js';
import backupsShareFailureDomain from './backups-share-failure-domain.js';
import rdsBackupsDieWithInstance from './rds-backups-die-with-instance.js';
import datastoreWithoutDeletionProtection from './datastore-without-deletion-protection.js';
import destructiveCommandForced from './destructive-command-forced.js';
import agentCanReadDestructiveCredential from './agent-can-read-destructive-credential.js';
import agentUnrestricted from './agent-unrestricted.js';
import mcpLiteralToken from './mcp-literal-token.js';
import hardcodedCredential from './hardcoded-credential.js';
// (rule imports)

export const findingRules: FindingRule[] = [
  tokenPurposeMismatch,
  stagingReachesProduction,
  credentialSharedAcrossEnvironments,
  backupsShareFailureDomain,
  rdsBackupsDieWithInstance,
  datastoreWithoutDeletionProtection,
  destructiveCommandForced,
  agentCanReadDestructiveCredential,
  agentUnrestricted,
  mcpLiteralToken,
  hardcodedCredential,
  // (rules)
];
