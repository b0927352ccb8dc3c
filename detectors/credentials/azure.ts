// Microsoft Azure credentials.
// Storage account keys are 64 random bytes in base64 (88 characters ending in ==); they appear as `AccountKey=` in
// connection strings. Entra ID (Azure AD) client secrets carry a documented `Q~` marker at position 5. SAS tokens
// are query strings signed with an account key (`sv=` version, `sig=` signature). Azure DevOps PATs are 84
// characters with the `AZDO` signature at positions 76–79 (older PATs: 52 base32 characters, context needed).
// https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage
// https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview
// https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate
import type { CredentialRule, MatchContext } from '../../src/core/types.js';
import { highEntropy, providerSecretContext } from './shared.js';

/** The Azurite / storage-emulator key Microsoft publishes for local development. */
const EMULATOR_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const storageHelp = {
  why: 'A storage account key grants full control of the whole storage account — every container, file share, queue and table, including deleting blobs and their soft-deleted versions — and can mint SAS tokens. It does not expire.',
  fix: 'Rotate the key (Storage account → Access keys → Rotate), move applications to Microsoft Entra ID with managed identities, and consider disabling Shared Key authorization (`allowSharedKeyAccess = false`).',
  references: [
    'https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage',
    'https://learn.microsoft.com/en-us/azure/storage/common/shared-key-authorization-prevent',
  ],
};

const ACCOUNT_KEY = '0236x0XIfBks5WW9+gXLeqWfKB9vzZCXwO5B3YoLwDbyQLnzifEnwPlqy4yPGl2jXvp/wDedrJJp/VQ7vNwIKG==';

export const azureStorageConnectionString: CredentialRule = {
  meta: {
    id: 'azure-storage-connection-string',
    title: 'Azure Storage connection string',
    severity: 'critical',
    summary: 'Azure Storage connection string with an AccountKey (attributes: accountName, endpointSuffix).',
    provider: 'azure',
    credentialType: 'storage-connection-string',
    help: storageHelp,
  },
  keywords: ['accountkey='],
  pattern:
    /\b(DefaultEndpointsProtocol=https?;AccountName=([a-z0-9]{3,24});AccountKey=([A-Za-z0-9+/]{86}==)(?:;EndpointSuffix=[A-Za-z0-9.]{1,64})?)/i,
  secretGroup: 1,
  validate: (v) => !v.includes(EMULATOR_KEY) && !/AccountName=devstoreaccount1;/i.test(v),
  classify: (v) => {
    const name = /AccountName=([a-z0-9]+)/i.exec(v)?.[1];
    const suffix = /EndpointSuffix=([A-Za-z0-9.]+)/i.exec(v)?.[1];
    const attributes: Record<string, string> = {};
    if (name) attributes.accountName = name;
    if (suffix) attributes.endpointSuffix = suffix;
    return { attributes };
  },
  examples: {
    positive: [
      `AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=prodbackups01;AccountKey=${ACCOUNT_KEY};EndpointSuffix=core.windows.net"`,
    ],
    negative: [
      // the storage emulator's published development key
      `UseDevelopmentStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${EMULATOR_KEY}"`,
      // key too short
      'DefaultEndpointsProtocol=https;AccountName=prodbackups01;AccountKey=nU3qGZkBq1y7OJ0Vd3RtWx8mP2cL5sE9==',
    ],
  },
};

function accountKeyContext(ctx: MatchContext): boolean {
  if (/AccountKey=/i.test(ctx.line)) return true;
  const name = ctx.variable ?? '';
  return /(?:storage|account)[-_ ]?(?:access[-_ ]?)?key|azure.*key|primary[-_ ]?key|shared[-_ ]?key/i.test(name);
}

export const azureStorageAccountKey: CredentialRule = {
  meta: {
    id: 'azure-storage-account-key',
    title: 'Azure Storage account key',
    severity: 'critical',
    summary: 'Azure Storage account key (88-character base64) bound to AccountKey= or a storage-key variable.',
    provider: 'azure',
    credentialType: 'storage-account-key',
    help: storageHelp,
  },
  keywords: ['accountkey', 'storage_key', 'storagekey', 'storage_account', 'storageaccount', 'account_key', 'azure'],
  pattern: /(?<![A-Za-z0-9+/])([A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/,
  secretGroup: 1,
  validate: (v, ctx) => v !== EMULATOR_KEY && accountKeyContext(ctx) && highEntropy(v, 4.5),
  examples: {
    positive: [`AZURE_STORAGE_KEY=${ACCOUNT_KEY}`, `storage_account_access_key: "${ACCOUNT_KEY}"`],
    negative: [
      `AZURE_STORAGE_KEY=${EMULATOR_KEY}`,
      // 88-char base64 bound to an unrelated name
      `PUBLIC_CERT_FINGERPRINT=${ACCOUNT_KEY}`,
    ],
  },
};

export const azureSasToken: CredentialRule = {
  meta: {
    id: 'azure-sas-token',
    title: 'Azure shared access signature (SAS)',
    severity: 'high',
    summary: 'Azure Storage SAS token (sv= … sig=): attributes record permissions (sp), expiry (se), services and host.',
    provider: 'azure',
    credentialType: 'sas-token',
    help: {
      why: 'A SAS token grants the permissions in its `sp` field (`d` = delete, `w` = write, `l` = list) on the resources it names until its expiry `se` — account SAS tokens reach every container. It cannot be revoked individually unless it uses a stored access policy; only rotating the signing key invalidates it.',
      fix: 'Rotate the storage account key that signed it (or remove the stored access policy), and issue short-lived user-delegation SAS tokens instead, scoped to one container with the least permissions.',
      references: ['https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview', 'https://learn.microsoft.com/en-us/rest/api/storageservices/create-account-sas'],
    },
  },
  keywords: ['sig='],
  // The whole query string after '?' (or after SharedAccessSignature=, or a bare token starting sv=); validate checks
  // it is a SAS. One greedy run with no required delimiter after it keeps the scan linear.
  pattern: /(?:\?|SharedAccessSignature=|(?<![A-Za-z0-9&?=])(?=sv=\d))([^\s"'<>`;?]+)/,
  secretGroup: 1,
  validate: (v) =>
    v.length <= 2048 && /(?:^|&)sv=\d{4}-\d{2}-\d{2}/.test(v) && /(?:^|&)(?:sp|se|srt|ss|sr)=/.test(v) && /(?:^|&)sig=[A-Za-z0-9%+/=]{40,100}(?:&|$)/.test(v),
  classify: (v, ctx) => {
    const attributes: Record<string, string> = {};
    for (const [k, name] of [['sp', 'permissions'], ['se', 'expiry'], ['ss', 'services'], ['srt', 'resourceTypes'], ['sr', 'resource'], ['spr', 'protocol']] as const) {
      const m = new RegExp(`(?:^|&)${k}=([^&]*)`).exec(v);
      if (m) attributes[name] = decodeURIComponent(m[1]!);
    }
    const host = /https?:\/\/([a-z0-9-]+\.(?:blob|file|queue|table|dfs)\.core\.windows\.net)/i.exec(ctx.line)?.[1];
    if (host) attributes.host = host;
    return { type: attributes.services ? 'account-sas' : 'service-sas', attributes };
  },
  examples: {
    positive: [
      'BACKUP_URL=https://prodbackups01.blob.core.windows.net/db-dumps?sp=racwdl&st=2024-05-01T00:00:00Z&se=2026-05-01T00:00:00Z&spr=https&sv=2022-11-02&sr=c&sig=N8Vdovzf8zJ2C8saSlO81gPc8jODfyGGPlgd%2F9VWwnD%3D',
      'BlobEndpoint=https://prodbackups01.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=b&srt=sco&sp=rwdlacup&se=2026-01-01T00:00:00Z&sig=N8Vdovzf8zJ2C8saSlO81gPc8jODfyGGPlgd%2F9VWwnD%3D',
    ],
    negative: [
      'https://prodbackups01.blob.core.windows.net/db-dumps?sp=r&sv=2022-11-02&sig=<signature>',
      // a signed URL from another system: no SAS version
      'https://cdn.example.org/file?expires=1700000000&sig=N8Vdovzf8zJ2C8saSlO81gPc8jODfyGGPlgd2F9VWwnD3D',
    ],
  },
};

export const azureEntraClientSecret: CredentialRule = {
  meta: {
    id: 'azure-entra-client-secret',
    title: 'Microsoft Entra ID (Azure AD) client secret',
    severity: 'high',
    summary: 'Entra ID application client secret (documented format with the Q~ marker).',
    provider: 'azure',
    credentialType: 'client-secret',
    help: {
      why: 'A client secret signs in as the application\'s service principal, with every Azure RBAC role and Microsoft Graph permission granted to it — deployment principals frequently hold Owner or Contributor on whole subscriptions.',
      fix: 'Delete the secret (App registrations → Certificates & secrets), check sign-in logs for the service principal, and switch CI to workload identity federation (OIDC) and workloads to managed identities.',
      references: [
        'https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials',
        'https://learn.microsoft.com/en-us/entra/workload-id/workload-identity-federation',
      ],
    },
  },
  keywords: ['q~'],
  pattern: /(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/,
  secretGroup: 1,
  validate: (v) => highEntropy(v, 3.8),
  classify: (_v, ctx) => {
    const tenant = /(?:tenant[-_ ]?id|AZURE_TENANT_ID|ARM_TENANT_ID)["']?\s*[:=]\s*["']?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i.exec(ctx.window)?.[1];
    const client = /(?:client[-_ ]?id|AZURE_CLIENT_ID|ARM_CLIENT_ID|app[-_ ]?id)["']?\s*[:=]\s*["']?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i.exec(ctx.window)?.[1];
    const attributes: Record<string, string> = {};
    if (tenant) attributes.tenantId = tenant;
    if (client) attributes.clientId = client;
    return { attributes };
  },
  examples: {
    positive: ['ARM_CLIENT_ID=4f2c8a1e-7b3d-4e9a-b6c5-1d0f2e3a4b5c\nARM_CLIENT_SECRET=5QQ8Q~pKPocUKMymZ4dOUPWtiqtBGk63ZWAY7fKJ'],
    negative: [
      // marker in the wrong place
      'ARM_CLIENT_SECRET=5QQ8XQ~pKPocUKMymZ4dOUPWtiqtBGk63ZWAY7fKJ',
      // too short after the marker
      'ARM_CLIENT_SECRET=5QQ8Q~pKPocUKMymZ4dOUPWtiq',
    ],
  },
};

const devopsHelp = {
  why: 'An Azure DevOps PAT acts as its user in the organisation with the scopes chosen at creation — often "Full access", which includes repositories, pipelines, service connections (and the cloud credentials behind them), and deleting projects.',
  fix: 'Revoke the token (User settings → Personal access tokens, or an administrator via the PAT revocation API), and use Microsoft Entra tokens or workload identity federation for automation.',
  references: [
    'https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate',
    'https://learn.microsoft.com/en-us/azure/devops/release-notes/2024/general/sprint-241-update',
  ],
};

export const azureDevopsPat: CredentialRule = {
  meta: {
    id: 'azure-devops-pat',
    title: 'Azure DevOps personal access token',
    severity: 'high',
    summary: 'Azure DevOps PAT in the 84-character format with the AZDO signature.',
    provider: 'azure-devops',
    credentialType: 'pat',
    help: devopsHelp,
  },
  keywords: ['azdo'],
  pattern: /\b([A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})\b/,
  secretGroup: 1,
  validate: (v) => highEntropy(v.slice(0, 52), 4),
  examples: {
    positive: ['AZURE_DEVOPS_EXT_PAT=zpEU1crANiGQSrUjHqTocdc3nwrbmoYM8tAFrIId5h8jsGaF0D3iJQQJ99BBCF6CH4BC093XIWPWAZDOOBUY'],
    negative: [
      'AZURE_DEVOPS_EXT_PAT=zpEU1crANiGQSrUjHqTocdc3nwrbmoYM8tAFrIId5h8jsGaF0D3iJQQJ99BBCF6CH4BC093XIWPWAZDOOBU',
      'AZURE_DEVOPS_EXT_PAT=zpEU1crANiGQSrUjHqTocdc3nwrbmoYM8tAFrIId5h8jsGaF0D3iJQQJ99BBCF6CH4BC093XIWPWXZDOOBUY',
    ],
  },
};

export const azureDevopsPatLegacy: CredentialRule = {
  meta: {
    id: 'azure-devops-pat-legacy',
    title: 'Azure DevOps personal access token (52-character format)',
    severity: 'high',
    summary: 'Older 52-character base32 Azure DevOps PAT, recognised by its variable name or a dev.azure.com URL nearby.',
    provider: 'azure-devops',
    credentialType: 'pat',
    help: devopsHelp,
  },
  keywords: ['azure', 'devops', 'vsts', 'ado_', 'dev.azure.com', 'visualstudio.com'],
  pattern: /(?<![A-Za-z0-9])([a-z2-7]{52})(?![A-Za-z0-9])/,
  secretGroup: 1,
  validate: (v, ctx) =>
    providerSecretContext(ctx, /azure|devops|vsts|\bado\b|ado_|dev\.azure\.com|visualstudio\.com/i, /pat|token|secret|key|pass/i) &&
    /[2-7]/.test(v) &&
    highEntropy(v, 4),
  examples: {
    positive: ['AZURE_DEVOPS_PAT=bstsxfa7jotworkv65jm25hcloxzjz35f2nalolhskuawf3ikbti'],
    negative: ['SOME_HASH=bstsxfa7jotworkv65jm25hcloxzjz35f2nalolhskuawf3ikbti', 'AZURE_DEVOPS_PAT=bstsxfa7jotworkv65jm25hcloxzjz35f2nalolhskuawf3ikbt'],
  },
};

export const azureServiceBusConnectionString: CredentialRule = {
  meta: {
    id: 'azure-sas-connection-string',
    title: 'Azure Service Bus / Event Hubs connection string',
    severity: 'high',
    summary: 'Service Bus, Event Hubs or Relay connection string with a SharedAccessKey (attributes: namespace, keyName).',
    provider: 'azure',
    credentialType: 'sas-connection-string',
    help: {
      why: 'A shared access key grants the rights of its policy — `RootManageSharedAccessKey` has Manage, Send and Listen on the whole namespace, including deleting queues, topics and event hubs.',
      fix: 'Regenerate the key on its shared access policy, prefer Microsoft Entra ID with managed identities, and give applications policies limited to Send or Listen on one entity.',
      references: ['https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas', 'https://learn.microsoft.com/en-us/azure/event-hubs/authorize-access-shared-access-signature'],
    },
  },
  keywords: ['sharedaccesskey='],
  pattern:
    /\b(Endpoint=sb:\/\/([a-z0-9-]{1,64})\.(?:servicebus\.windows\.net|servicebus\.chinacloudapi\.cn|servicebus\.usgovcloudapi\.net)\/?;SharedAccessKeyName=([^;"'\s]{1,256});SharedAccessKey=([A-Za-z0-9+/]{43}=)(?:;EntityPath=[^;"'\s]{1,256})?)/i,
  secretGroup: 1,
  validate: (v) => highEntropy(/SharedAccessKey=([^;]+)/.exec(v)?.[1] ?? '', 4),
  classify: (v) => {
    const ns = /sb:\/\/([a-z0-9-]+)\./i.exec(v)?.[1];
    const keyName = /SharedAccessKeyName=([^;]+)/i.exec(v)?.[1];
    const entity = /EntityPath=([^;]+)/i.exec(v)?.[1];
    const attributes: Record<string, string> = {};
    if (ns) attributes.namespace = ns;
    if (keyName) attributes.keyName = keyName;
    if (entity) attributes.entityPath = entity;
    return { type: keyName === 'RootManageSharedAccessKey' ? 'namespace-root-key' : 'sas-connection-string', attributes };
  },
  examples: {
    positive: [
      'SERVICEBUS_CONNECTION="Endpoint=sb://orders-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=mk7fX+CqqPMFUYcMzgEwSyyxaoPW/zkpnbY3AYKT/1A="',
    ],
    negative: [
      'Endpoint=sb://orders-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>',
      'Endpoint=sb://orders-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=mk7fX+CqqPMFUYcMzg=',
    ],
  },
};

export default [
  azureStorageConnectionString,
  azureServiceBusConnectionString,
  azureStorageAccountKey,
  azureSasToken,
  azureEntraClientSecret,
  azureDevopsPat,
  azureDevopsPatLegacy,
];

