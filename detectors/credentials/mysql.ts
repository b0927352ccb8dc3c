// MySQL and MariaDB connection URLs with an inline password (mysql://, mysqlx://, mariadb://, SQLAlchemy +driver).
// https://dev.mysql.com/doc/refman/8.0/en/connecting-using-uri-or-key-value-pairs.html
import { connectionUrlRule } from './shared.js';

export const mysqlConnectionUrl = connectionUrlRule({
  id: 'mysql-connection-url',
  provider: 'mysql',
  title: 'MySQL / MariaDB connection URL',
  schemes: String.raw`mysqlx?(?:\+[a-z0-9]+)?|mariadb(?:\+[a-z0-9]+)?`,
  keywords: ['mysql', 'mariadb'],
  help: {
    why: 'A connection URL with a password logs in as that MySQL account; application accounts commonly hold ALL PRIVILEGES on their schema, which includes DROP, and `root` reaches every schema.',
    fix: 'Change the account password (`ALTER USER … IDENTIFIED BY …`), move the URL to a secret store, and grant applications only the privileges they use.',
    references: ['https://dev.mysql.com/doc/refman/8.0/en/connecting-using-uri-or-key-value-pairs.html', 'https://mariadb.com/kb/en/alter-user/'],
  },
  examples: {
    positive: [
      'DATABASE_URL="mysql://shop:7DD5qQdJFr6UnDh2ERHb@mysql-primary.acme.io:3306/shop"',
      "SQLALCHEMY_DATABASE_URI = 'mariadb+pymysql://root:2SE37aaWguHWxo3AKQ@10.0.4.12/inventory'",
    ],
    negative: ['DATABASE_URL=mysql://shop:changeme@localhost/shop', 'DATABASE_URL=mysql://shop@mysql-primary.acme.io/shop', 'mysql://root:****@db/shop'],
  },
});

export default [mysqlConnectionUrl];
