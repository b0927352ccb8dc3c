// Snowflake credentials: snowflake:// URLs with an inline password (SQLAlchemy / Go driver DSNs), and passwords bound
// to Snowflake-named variables (SNOWFLAKE_PASSWORD, as the connectors and SnowSQL read them).
// https://docs.snowflake.com/en/developer-guide/python-connector/sqlalchemy#connection-parameters
import type { CredentialRule } from '../../src/core/types.js';
import { connectionUrlRule, highEntropy, isPlaceholderPassword } from './shared.js';

const help = {
  why: 'A Snowflake user\'s password opens every warehouse, database and share its roles reach; roles like ACCOUNTADMIN or SYSADMIN can drop databases (Time Travel only keeps them for a limited window) and change retention.',
  fix: 'Reset the user\'s password, enforce MFA or key-pair / OAuth authentication for automation, and give service users a role limited to the objects they need.',
  references: [
    'https://docs.snowflake.com/en/developer-guide/python-connector/sqlalchemy#connection-parameters',
    'https://docs.snowflake.com/en/user-guide/key-pair-auth',
  ],
};

export const snowflakeConnectionUrl = connectionUrlRule({
  id: 'snowflake-connection-url',
  provider: 'snowflake',
  title: 'Snowflake connection URL',
  schemes: 'snowflake',
  keywords: ['snowflake://'],
  help,
  examples: {
    positive: ['SNOWFLAKE_URL=snowflake://etl_svc:7DD5qQdJFr6UnDh2ERHb@xy12345.eu-west-1/analytics/public?warehouse=etl_wh&role=transformer'],
    negative: ['SNOWFLAKE_URL=snowflake://etl_svc:{password}@xy12345/analytics', 'SNOWFLAKE_URL=snowflake://etl_svc@xy12345/analytics'],
  },
});

export const snowflakePassword: CredentialRule = {
  meta: {
    id: 'snowflake-password',
    title: 'Snowflake user password',
    severity: 'high',
    summary: 'Password bound to a Snowflake-named variable (SNOWFLAKE_PASSWORD, snowflake_password, sfPassword).',
    provider: 'snowflake',
    credentialType: 'password',
    help,
  },
  keywords: ['snowflake', 'sfpassword'],
  pattern: /(?:snowflake[-_ ]?(?:user[-_ ]?)?(?:password|pwd)|sfPassword)["']?\s*(?::=|=>|[:=])\s*["']?([^\s"'`;,]{8,128})/i,
  secretGroup: 1,
  validate: (v) => !isPlaceholderPassword(v) && highEntropy(v, 3),
  classify: (_v, ctx) => {
    const account = /(?:snowflake[-_ ]?account|sfURL|account)["']?\s*[:=]\s*["']?([A-Za-z0-9_.-]{3,64})/i.exec(ctx.window)?.[1];
    const user = /(?:snowflake[-_ ]?user(?:name)?|sfUser)["']?\s*[:=]\s*["']?([A-Za-z0-9_.@-]{1,64})/i.exec(ctx.window)?.[1];
    const attributes: Record<string, string> = {};
    if (account) attributes.account = account;
    if (user) attributes.user = user;
    return { attributes };
  },
  examples: {
    positive: ['SNOWFLAKE_ACCOUNT=xy12345.eu-west-1\nSNOWFLAKE_USER=etl_svc\nSNOWFLAKE_PASSWORD=axsRNKASKGHvoXOZKuid4B'],
    negative: ['SNOWFLAKE_PASSWORD=${SNOWFLAKE_PASSWORD}', 'SNOWFLAKE_PASSWORD=changeme'],
  },
};

export default [snowflakeConnectionUrl, snowflakePassword];
