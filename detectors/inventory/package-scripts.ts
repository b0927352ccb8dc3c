// Scripts people and agents run by name: package.json `scripts`, shell scripts and Makefile recipes. Each
// destructive command becomes a `script` resource (what it destroys, whether it skips confirmation); a database dump
// becomes a `backup-job` with where it writes. Detection lives in destructive-commands.ts.
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
import type { Resource, SourceFile } from '../../src/core/types.js';
import type { BackupJobAttrs, ScriptAttrs } from '../../src/pipeline/resources.js';
import { escapeRegExp } from '../../src/core/text.js';
import { basename, environmentOf, isRecord, lineOf, makeResource, parseJson } from './resource-builder.js';
import { backupInScript, destructiveCommands, type DestructiveHit } from './destructive-commands.js';
import { scriptsInvoked } from './shell-words.js';

const isPackageJson = (p: string) => basename(p) === 'package.json' && !/(?:^|\/)node_modules\//.test(p);
const isShell = (f: SourceFile) => /\.(?:sh|bash|zsh)$/i.test(f.path) || /^#!\s*\S*(?:\/|env\s+)(?:ba|z|da)?sh\b/.test(f.text);
const isMakefile = (p: string) => /^(?:GNUmakefile|[Mm]akefile)$|\.mk$/.test(basename(p));

/** The most telling hit: forced first, then the first one. */
const pick = (hits: DestructiveHit[]) => hits.find((h) => h.force) ?? hits[0]!;

function scriptResource(file: SourceFile, id: string, hit: DestructiveHit, line: number, names: string[]): Resource {
  const a: ScriptAttrs = { command: hit.command, destructive: hit.destructive, force: hit.force };
  const target = hit.target && !/^\$/.test(hit.target) ? hit.target : undefined;
  return makeResource(file, {
    id,
    provider: hit.tool,
    type: 'script',
    name: names[0] ?? hit.destructive,
    environment: environmentOf(file, hit.environmentHint, ...names),
    line,
    attributes: { ...a, tool: hit.tool, target },
  });
}

function backupResource(file: SourceFile, id: string, script: string, line: number, names: string[]): Resource | undefined {
  const b = backupInScript(script);
  if (!b) return undefined;
  const a: BackupJobAttrs = { destination: b.destination, target: b.target };
  return makeResource(file, {
    id,
    provider: 'script',
    type: 'backup-job',
    name: names[0] ?? b.tool,
    environment: environmentOf(file, ...names),
    line: line + b.line - 1,
    attributes: { ...a, tool: b.tool },
  });
}

/** Named command blocks: package.json scripts or Makefile targets, each with its text and line. */
function namedBlocks(file: SourceFile): { blocks: Array<{ name: string; script: string; line: number }>; error?: ReturnType<typeof parseJson>['diagnostic'] } {
  if (isPackageJson(file.path)) {
    const r = parseJson(file);
    if (r.diagnostic) return { blocks: [], error: r.diagnostic };
    const scripts = isRecord(r.value) && isRecord(r.value.scripts) ? r.value.scripts : {};
    return {
      blocks: Object.entries(scripts)
        .filter((e): e is [string, string] => typeof e[1] === 'string')
        .map(([name, script]) => ({ name, script, line: lineOf(file.text, new RegExp(`"${escapeRegExp(name)}"\\s*:`)) })),
    };
  }
  // Makefile: `target:` lines followed by tab-indented recipe lines.
  const blocks: Array<{ name: string; script: string; line: number }> = [];
  let current: { name: string; lines: string[]; line: number } | undefined;
  const flush = () => current && blocks.push({ name: current.name, script: current.lines.join('\n'), line: current.line + 1 });
  file.text.split('\n').forEach((text, i) => {
    const target = /^([A-Za-z0-9_.%/-][A-Za-z0-9_.%/ -]*?)\s*::?(?!=)/.exec(text);
    if (target && !text.startsWith('\t')) {
      flush();
      current = { name: target[1]!.trim().split(/\s+/)[0]!, lines: [], line: i + 1 };
    } else if (current && text.startsWith('\t')) current.lines.push(text.slice(1).replace(/^[@+-]+/, '').replace(/\$\(MAKE\)/g, 'make'));
    else if (current && text.trim() !== '' && !text.startsWith('#')) {
      flush();
      current = undefined;
    }
  });
  flush();
  return { blocks };
}

const parser: InventoryParser = {
  meta: {
    id: 'package-scripts',
    title: 'Package scripts, shell scripts and Makefiles',
    summary: 'Named scripts that run destructive commands (database resets, destroys, volume deletes) or take backups.',
  },
  applies: (file) => isPackageJson(file.path) || isMakefile(file.path) || isShell(file),
  parse: (file) => {
    const resources: Resource[] = [];
    if (isPackageJson(file.path) || isMakefile(file.path)) {
      const { blocks, error } = namedBlocks(file);
      if (error) return { diagnostics: [error] };
      // A script that runs another by name (`npm run db:reset`, `make nuke`) inherits its destructive commands.
      const byName = new Map(blocks.map((b) => [isMakefile(file.path) ? `make:${b.name}` : b.name, b]));
      const hitsOf = (name: string, seen: Set<string>): DestructiveHit[] => {
        const b = byName.get(name);
        if (!b || seen.has(name)) return [];
        seen.add(name);
        return [...destructiveCommands(b.script), ...scriptsInvoked(b.script).flatMap((n) => hitsOf(n, seen))];
      };
      for (const b of blocks) {
        const hits = hitsOf(isMakefile(file.path) ? `make:${b.name}` : b.name, new Set());
        const names = [b.name, b.script];
        if (hits.length) resources.push(scriptResource(file, `script:${file.path}#${b.name}`, pick(hits), b.line, names));
        const backup = backupResource(file, `script:${file.path}#${b.name}/backup`, b.script, b.line, names);
        if (backup) resources.push(backup);
      }
      return { resources };
    }
    for (const hit of destructiveCommands(file.text)) resources.push(scriptResource(file, `script:${file.path}#${hit.line}`, hit, hit.line, []));
    const backup = backupResource(file, `script:${file.path}#backup`, file.text, 1, []);
    if (backup) resources.push(backup);
    return { resources };
  },
  examples: [
    {
      // Prisma's documented reset and prototyping commands in package.json scripts.
      file: {
        path: 'package.json',
        text: JSON.stringify(
          {
            name: 'shop',
            scripts: {
              'db:migrate': 'prisma migrate deploy',
              'db:push': 'prisma db push --accept-data-loss',
              'db:reset': 'prisma migrate reset --force',
              'staging:wipe': 'railway run -e staging -- psql "$DATABASE_URL" -c "TRUNCATE orders CASCADE"',
              'infra:down': 'terraform -chdir=infra destroy',
              'fresh:staging': 'npm run db:reset && npm run db:migrate',
            },
          },
          null,
          2,
        ),
      },
      expect: [
        { id: 'script:package.json#db:push', type: 'script', attributes: { destructive: 'prisma db push --accept-data-loss', force: true } },
        { id: 'script:package.json#db:reset', attributes: { destructive: 'prisma migrate reset --force', force: true } },
        { id: 'script:package.json#staging:wipe', environment: 'staging', attributes: { destructive: 'TRUNCATE' } },
        { id: 'script:package.json#infra:down', attributes: { destructive: 'terraform destroy', force: false } },
        { id: 'script:package.json#fresh:staging', environment: 'staging', attributes: { destructive: 'prisma migrate reset --force' } },
      ],
      reject: ['script:package.json#db:migrate'],
    },
    {
      // A nightly backup that writes into the Railway volume it is backing up, and a reset script for staging.
      file: {
        path: 'scripts/reset-staging.sh',
        text: `#!/usr/bin/env bash
set -euo pipefail
BACKUP_DIR="\${RAILWAY_VOLUME_MOUNT_PATH:-/data}/backups"
pg_dump "$DATABASE_URL" | gzip > "$BACKUP_DIR/pre-reset-$(date +%s).sql.gz"
# railway volume delete would be worse; we only drop the schema
psql "$DATABASE_URL" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;'
`,
      },
      expect: [
        { id: 'script:scripts/reset-staging.sh#6', type: 'script', environment: 'staging', attributes: { destructive: 'DROP SCHEMA', force: true } },
        { id: 'script:scripts/reset-staging.sh#backup', type: 'backup-job', attributes: { destination: 'same-volume' } },
      ],
      reject: ['script:scripts/reset-staging.sh#5'],
    },
    {
      // Makefile near-miss: `terraform apply -auto-approve` is not destructive by itself; `destroy` without approval is.
      file: { path: 'Makefile', text: 'apply:\n\tterraform apply -auto-approve\n\nnuke:\n\t@terraform destroy\n' },
      expect: [{ id: 'script:Makefile#nuke', attributes: { destructive: 'terraform destroy', force: false } }],
      reject: ['script:Makefile#apply'],
    },
  ],
};

export default parser;
