// Prisma schema (`schema.prisma`): each `datasource` block's provider and the env vars its url/directUrl/
// shadowDatabaseUrl read, as variable uses (signal `prisma`: commands like `prisma migrate reset` act through them).
// https://www.prisma.io/docs/orm/reference/prisma-schema-reference#datasource
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
import type { Resource, VariableUse } from '../../src/core/types.js';
import { LineIndex } from '../../src/core/text.js';
import { basename, locationAt, makeResource } from './resource-builder.js';

const ENGINES: Record<string, string> = { postgresql: 'postgres', postgres: 'postgres', mysql: 'mysql', sqlite: 'sqlite', sqlserver: 'sqlserver', mongodb: 'mongodb', cockroachdb: 'cockroachdb' };

const parser: InventoryParser = {
  meta: { id: 'prisma-schema', title: 'Prisma schema', summary: 'Prisma datasources: the database engine and the env vars holding its connection URLs.' },
  applies: (file) => /\.prisma$/i.test(basename(file.path)),
  parse: (file) => {
    const lines = new LineIndex(file.text);
    const resources: Resource[] = [];
    const uses: VariableUse[] = [];
    // Comments are `//`; datasource blocks hold no nested braces.
    const text = file.text.replace(/\/\/[^\n]*/g, (m) => ' '.repeat(m.length));
    for (const block of text.matchAll(/\bdatasource\s+(\w+)\s*\{([^}]*)\}/g)) {
      const name = block[1]!;
      const body = block[2]!;
      const bodyAt = block.index! + block[0].indexOf('{') + 1;
      const provider = /\bprovider\s*=\s*"([^"]+)"/.exec(body)?.[1];
      const vars: Record<string, string> = {};
      for (const m of body.matchAll(/\b(url|directUrl|shadowDatabaseUrl)\s*=\s*env\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)/g)) {
        vars[m[1]!] = m[2]!;
        const pos = lines.position(bodyAt + m.index! + m[0].indexOf(m[2]!));
        uses.push({ variable: m[2]!, location: locationAt(file, pos.line, file.environment.environment, { startColumn: pos.column, variable: m[1]!, context: `Prisma datasource ${name} (${provider ?? 'unknown provider'})` }), signals: ['prisma'] });
      }
      resources.push(
        makeResource(file, {
          id: `prisma:${file.path}#${name}`,
          provider: 'prisma',
          type: 'other',
          name: `Prisma datasource ${name}`,
          environment: file.environment.environment,
          line: lines.position(block.index!).line,
          attributes: { kind: 'prisma-datasource', engine: provider ? (ENGINES[provider] ?? provider) : undefined, urlEnv: vars.url, directUrlEnv: vars.directUrl, shadowDatabaseUrlEnv: vars.shadowDatabaseUrl },
        }),
      );
    }
    return { resources, uses };
  },
  examples: [
    {
      // The Prisma docs' datasource with a pooled URL and a direct URL for migrations.
      file: { path: 'prisma/schema.prisma', text: 'datasource db {\n  provider  = "postgresql"\n  url       = env("DATABASE_URL")\n  directUrl = env("DIRECT_URL")\n}\n\ngenerator client {\n  provider = "prisma-client-js"\n}\n' },
      expect: [{ id: 'prisma:prisma/schema.prisma#db', attributes: { engine: 'postgres', urlEnv: 'DATABASE_URL', directUrlEnv: 'DIRECT_URL' } }],
    },
    {
      // Near-miss: a commented-out datasource and a literal SQLite URL: no env var.
      file: { path: 'schema.prisma', text: '// datasource old { provider = "mysql" url = env("OLD_URL") }\ndatasource db {\n  provider = "sqlite"\n  url      = "file:./dev.db"\n}\n' },
      expect: [{ id: 'prisma:schema.prisma#db', attributes: { engine: 'sqlite' } }],
      reject: ['prisma:schema.prisma#old'],
    },
  ],
};

export default parser;
