// Microsoft SQL Server / Azure SQL credentials: mssql:// and sqlserver:// URLs with an inline password, and ADO.NET
// connection strings (`Server=…;User Id=…;Password=…`) as found in appsettings.json and web.config.
// https://learn.microsoft.com/en-us/dotnet/api/microsoft.data.sqlclient.sqlconnection.connectionstring
import type { CredentialRule } from '../../src/core/types.js';
import { connectionUrlRule, isPlaceholderPassword } from './shared.js';

const help = {
  why: 'A SQL Server login with a password reaches every database it is mapped to; `sa` or a db_owner login can drop databases and delete backup history, and Azure SQL server admins can remove the server\'s databases.',
  fix: 'Change the login\'s password, move the connection string to a secret store (Key Vault, user-secrets), and prefer Microsoft Entra authentication with managed identities (`Authentication=Active Directory Managed Identity`).',
  references: [
    'https://learn.microsoft.com/en-us/dotnet/api/microsoft.data.sqlclient.sqlconnection.connectionstring',
    'https://learn.microsoft.com/en-us/azure/azure-sql/database/authentication-aad-overview',
  ],
};

export const sqlserverConnectionUrl = connectionUrlRule({
  id: 'sqlserver-connection-url',
  provider: 'sqlserver',
  title: 'SQL Server connection URL',
  schemes: String.raw`mssql(?:\+[a-z0-9]+)?|sqlserver`,
  keywords: ['mssql', 'sqlserver'],
  help,
  examples: {
    positive: ['DATABASE_URL=mssql://app:7DD5qQdJFr6UnDh2ERHb@sql-prod.acme.io:1433/billing', 'DB=sqlserver://sa:2SE37aaWguHWxo3AKQ@10.1.2.3:1433?database=billing'],
    negative: ['DATABASE_URL=mssql://app:password@localhost/billing', 'DATABASE_URL=sqlserver://sql-prod.acme.io:1433?database=billing'],
  },
});

function adoField(v: string, names: string): string | undefined {
  return new RegExp(`(?:^|;)\\s*(?:${names})\\s*=\\s*([^;]*)`, 'i').exec(v)?.[1]?.trim();
}

export const sqlserverConnectionString: CredentialRule = {
  meta: {
    id: 'sqlserver-connection-string',
    title: 'SQL Server ADO.NET connection string',
    severity: 'high',
    summary: 'ADO.NET connection string with Password= (attributes: host, user, database).',
    provider: 'sqlserver',
    credentialType: 'connection-string',
    help,
  },
  keywords: ['password=', 'pwd='],
  // Key=value pairs each ending in ';' (so one pair cannot be split two ways), then an optional last pair.
  pattern:
    /\b((?:Server|Data Source|Address|Addr)\s*=\s*[^;"'\r\n<>]{1,200};(?:\s*[A-Za-z][A-Za-z _]{1,40}=[^;"'\r\n<>]{0,300};){1,20}(?:\s*[A-Za-z][A-Za-z _]{1,40}=[^;"'\r\n<>]{1,300})?)/i,
  secretGroup: 1,
  validate: (v) => {
    const password = adoField(v, 'Password|Pwd');
    return !!password && !isPlaceholderPassword(password);
  },
  classify: (v) => {
    const attributes: Record<string, string> = { scheme: 'sqlserver' };
    const host = adoField(v, 'Server|Data Source|Address|Addr');
    const user = adoField(v, 'User Id|UserId|User|Uid|User Name|Username');
    const db = adoField(v, 'Database|Initial Catalog');
    if (host) attributes.host = host.replace(/^tcp:/i, '').split(',')[0]!;
    if (user) attributes.user = user;
    if (db) attributes.database = db;
    return { attributes };
  },
  examples: {
    positive: [
      '"DefaultConnection": "Server=tcp:billing-prod.database.windows.net,1433;Initial Catalog=billing;User ID=billing_app;Password=7DD5qQdJFr6UnDh2ERHb;Encrypt=True;"',
      '<add name="Main" connectionString="Data Source=SQL01;Initial Catalog=Orders;User Id=sa;Password=2SE37aaWguHWxo3AKQ" />',
    ],
    negative: [
      '"DefaultConnection": "Server=(localdb)\\\\mssqllocaldb;Database=billing;Trusted_Connection=True;"',
      '"DefaultConnection": "Server=sql01;Database=billing;User Id=app;Password=<password>;"',
      '"DefaultConnection": "Server=sql01;Database=billing;User Id=app;Password=;"',
    ],
  },
};

export default [sqlserverConnectionUrl, sqlserverConnectionString];
