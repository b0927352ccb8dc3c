// Every finding rule. Adding a rule = adding its module and one line here.
import type { FindingRule } from '../../src/pipeline/detector-api.js';
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
import accountTokenWhereScopedExists from './account-token-where-scoped-exists.js';
import cloudflareGlobalApiKey from './cloudflare-global-api-key.js';
import awsLongTermAdminKey from './aws-long-term-admin-key.js';
import gcpPrivilegedServiceAccountKey from './gcp-privileged-service-account-key.js';
import githubClassicPatInAutomation from './github-classic-pat-in-automation.js';
import stripeUnrestrictedLiveKey from './stripe-unrestricted-live-key.js';
import serverSecretClientExposed from './server-secret-client-exposed.js';
import stagingConfigPointsAtProduction from './staging-config-points-at-production.js';
import productionCredentialInNonProductionPath from './production-credential-in-non-production-path.js';
import ciProductionSecretWithoutEnvironment from './ci-production-secret-without-environment.js';
import privilegedWorkflowTrigger from './privileged-workflow-trigger.js';
import workflowExcessivePermissions from './workflow-excessive-permissions.js';
import reusableWorkflowSecretsInherit from './reusable-workflow-secrets-inherit.js';
import backupRetentionTooShort from './backup-retention-too-short.js';
import backupVaultUnprotected from './backup-vault-unprotected.js';
import mutableBackupBucket from './mutable-backup-bucket.js';
import backupsOnSameHost from './backups-on-same-host.js';
import bucketForceDestroy from './bucket-force-destroy.js';
import agentCanReadSecretFile from './agent-can-read-secret-file.js';
import agentInfraCliUnguarded from './agent-infra-cli-unguarded.js';
import agentInstructionsUnsafe from './agent-instructions-unsafe.js';
import terraformStatePresent from './terraform-state-present.js';
import pvcWithoutSnapshots from './pvc-without-snapshots.js';
import aiFeatureSingleVendor from './ai-feature-single-vendor.js';
import aiVendorKeyShared from './ai-vendor-key-shared.js';
import aiVendorWideKeyInApp from './ai-vendor-wide-key-in-app.js';
import engineeringWorkflowSingleVendor from './engineering-workflow-single-vendor.js';
import aiGatewayNoSpendGuard from './ai-gateway-no-spend-guard.js';
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
  accountTokenWhereScopedExists,
  cloudflareGlobalApiKey,
  awsLongTermAdminKey,
  gcpPrivilegedServiceAccountKey,
  githubClassicPatInAutomation,
  stripeUnrestrictedLiveKey,
  serverSecretClientExposed,
  stagingConfigPointsAtProduction,
  productionCredentialInNonProductionPath,
  ciProductionSecretWithoutEnvironment,
  privilegedWorkflowTrigger,
  workflowExcessivePermissions,
  reusableWorkflowSecretsInherit,
  backupRetentionTooShort,
  backupVaultUnprotected,
  mutableBackupBucket,
  backupsOnSameHost,
  bucketForceDestroy,
  agentCanReadSecretFile,
  agentInfraCliUnguarded,
  agentInstructionsUnsafe,
  terraformStatePresent,
  pvcWithoutSnapshots,
  aiFeatureSingleVendor,
  aiVendorKeyShared,
  aiVendorWideKeyInApp,
  engineeringWorkflowSingleVendor,
  aiGatewayNoSpendGuard,
  // (rules)
];
