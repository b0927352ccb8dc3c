// JDBC URLs with a password, either as URL userinfo (jdbc:mysql://user:pw@host) or as a property
// (`?password=` / `;password=`). Registered before the per-database URL rules so a jdbc: URL is one credential.
// https://docs.oracle.com/javase/tutorial/jdbc/basics/connecting.html
import type { CredentialRule } from '../../src/core/types.js';
import { isPlaceholderPassword, parseConnectionUrl } from './shared.js';

function jdbcPassword(v: string): string | undefined {
  const prop = /[?&;:]password=([^&;\s]*)/i.exec(v)?.[1];
  if (prop !== undefined) return prop;
  return parseConnectionUrl(v.replace(/^jdbc:/i, ''))?.password;
}

export const jdbcConnectionUrl: CredentialRule = {
  meta: {
    id: 'jdbc-connection-url',
    title: 'JDBC URL with a password',
    severity: 'high',
    summary: 'JDBC connection URL carrying a password (userinfo or password= property); the whole URL is the credential.',
    provider: 'jdbc',
    credentialType: 'connection-url',
    help: {
      why: 'A JDBC URL with a password logs in to the database as that user, with whatever rights it holds — usually ownership of the application\'s schema.',
      fix: 'Change the database user\'s password and pass credentials to the driver from a secret store (for example Spring\'s `spring.datasource.password` bound to an environment variable), not inside the URL.',
      references: ['https://docs.oracle.com/javase/tutorial/jdbc/basics/connecting.html', 'https://jdbc.postgresql.org/documentation/use/#connection-parameters'],
    },
  },
  keywords: ['jdbc:'],
  pattern: /\b(jdbc:[a-z0-9]{2,20}:(?:[a-z0-9]{2,20}:)?[^\s"'<>`\\]{4,1024})/i,
  secretGroup: 1,
  validate: (v) => {
    const pw = jdbcPassword(v);
    return pw !== undefined && !isPlaceholderPassword(decodeURIComponentSafe(pw));
  },
  classify: (v) => {
    const attributes: Record<string, string> = { scheme: /^jdbc:([a-z0-9]+)/i.exec(v)![1]!.toLowerCase() };
    const url = parseConnectionUrl(v.replace(/^jdbc:/i, ''));
    const host = url?.host ?? /\/\/([^/:;?]+)/.exec(v)?.[1];
    const user = url?.user ?? /[?&;]user(?:name)?=([^&;]*)/i.exec(v)?.[1];
    const db = url?.database ?? /\/\/[^/]+\/([^?;]+)/.exec(v)?.[1] ?? /[;?&](?:databaseName|database)=([^&;]*)/i.exec(v)?.[1];
    if (host) attributes.host = host;
    if (user) attributes.user = user;
    if (db) attributes.database = db;
    return { attributes };
  },
  examples: {
    positive: [
      'spring.datasource.url=jdbc:postgresql://orders-db.acme.io:5432/orders?user=orders_app&password=7DD5qQdJFr6UnDh2ERHb&ssl=true',
      'url: jdbc:sqlserver://sql01.acme.io:1433;databaseName=billing;user=sa;password=2SE37aaWguHWxo3AKQ',
      'DB_URL=jdbc:mysql://shop:7DD5qQdJFr6UnDh2ERHb@mysql-primary.acme.io:3306/shop',
    ],
    negative: [
      'spring.datasource.url=jdbc:postgresql://orders-db.acme.io:5432/orders',
      'url: jdbc:sqlserver://sql01.acme.io:1433;databaseName=billing;user=sa;password=${DB_PASSWORD}',
      'DB_URL=jdbc:mysql://shop:password@localhost/shop',
    ],
  },
};

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export default [jdbcConnectionUrl];
