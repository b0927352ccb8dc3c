// Destructive command detection shared by workflow, compose, script and agent-instruction parsers. Each pattern
// follows the tool's own documentation of what deletes data and which flag skips its confirmation:
//   prisma migrate reset (--force/-f), prisma db push --accept-data-loss / --force-reset   https://www.prisma.io/docs/orm/reference/prisma-cli-reference
//   terraform destroy / apply -destroy (-auto-approve)                                       https://developer.hashicorp.com/terraform/cli/commands/destroy
//   railway volume delete / down / delete (-y/--yes)                                         https://docs.railway.com/guides/cli
//   fly volumes destroy / apps destroy (-y/--yes)                                            https://fly.io/docs/flyctl/volumes-destroy/
//   heroku pg:reset / apps:destroy (--confirm)                                               https://devcenter.heroku.com/articles/heroku-cli-commands
//   aws rds delete-db-instance (--skip-final-snapshot), s3 rb --force, s3 rm --recursive     https://awscli.amazonaws.com/v2/documentation/api/latest/reference/
//   gcloud sql instances delete (--quiet)                                                    https://cloud.google.com/sdk/gcloud/reference/sql/instances/delete
//   kubectl delete namespace/pvc/pv, supabase db reset, rails db:drop, dropdb, rm -rf <data>, SQL DROP/TRUNCATE
// `force` is true when nothing stops the command: an explicit skip-confirmation flag, or a tool that never asks.
import type { BackupJobAttrs } from '../../src/pipeline/resources.js';
import { redactCommand, shellCommands, simpleCommand, type ShellCommand } from './shell-words.js';

export interface DestructiveHit {
  tool: string;
  /** The canonical operation with its relevant flags, e.g. `prisma migrate reset --force`. */
  destructive: string;
  /** The whole command, redacted (assignments, URL passwords and token flags hidden). */
  command: string;
  force: boolean;
  /** 1-based line within the scanned script. */
  line: number;
  /** A name the command targets that may say its environment (`--environment production`, `--app api-staging`). */
  environmentHint?: string;
  /** What it deletes when the command names it: a volume, database, bucket or app. */
  target?: string;
}

/**
 * Operations that only touch the local development stack: `supabase db reset` without `--linked`/`--db-url` resets the
 * local Supabase containers (https://supabase.com/docs/reference/cli/supabase-db-reset); `docker compose down
 * --volumes` and `docker volume rm` remove volumes of this machine's Docker daemon (a CI runner's are its own run's).
 */
export function localOnly(op: string): boolean {
  return op === 'supabase db reset' || op === 'docker compose down --volumes' || op === 'docker volume rm';
}

type Matcher = (a: string[], assigns: Record<string, string>) => { op: string; force: boolean; hint?: string; target?: string } | undefined;

const has = (a: string[], ...flags: string[]) =>
  a.some((w) => flags.some((f) => w === f || (f.startsWith('--') && w.startsWith(`${f}=`))));
/** A short flag, also inside combined short flags (`-rf`). */
const short = (a: string[], ch: string) => a.some((w) => /^-[a-zA-Z]+$/.test(w) && w.includes(ch));
/** Non-flag words after the command name (subcommands and operands). */
const positional = (a: string[]) => a.slice(1).filter((w) => !w.startsWith('-'));
const flagValue = (a: string[], ...flags: string[]): string | undefined => {
  for (let i = 0; i < a.length; i++) {
    for (const f of flags) {
      if (a[i] === f) return a[i + 1];
      if (f.startsWith('--') && a[i]!.startsWith(`${f}=`)) return a[i]!.slice(f.length + 1);
    }
  }
  return undefined;
};
const startsWith = (p: string[], ...seq: string[][]) => seq.some((s) => s.every((w, i) => p[i] === w));
const yes = (a: string[]) => has(a, '-y', '--yes');

const DATA_PATH =
  /(?:RAILWAY_VOLUME_MOUNT_PATH|PGDATA|\/var\/lib\/(?:postgresql|mysql|mongodb|redis|docker\/volumes)|(?:^|\/)(?:data|db|database|volumes?|pgdata|backups?|storage|uploads)(?:\/|$)|^\/(?:mnt|srv)\/|^\/\*?$|^~\/?$|^\$HOME\/?$)/i;

const MATCHERS: Record<string, Matcher> = {
  prisma: (a) => {
    const p = positional(a);
    if (startsWith(p, ['migrate', 'reset'])) return { op: `prisma migrate reset${has(a, '--force', '-f') ? ' --force' : ''}`, force: has(a, '--force', '-f') };
    if (startsWith(p, ['db', 'push']) && has(a, '--accept-data-loss')) return { op: 'prisma db push --accept-data-loss', force: true };
    if (startsWith(p, ['db', 'push']) && has(a, '--force-reset')) return { op: 'prisma db push --force-reset', force: true };
    return undefined;
  },
  terraform: (a) => {
    const p = positional(a);
    const destroy = p[0] === 'destroy' || (p[0] === 'apply' && has(a, '-destroy', '--destroy'));
    if (!destroy) return undefined;
    const force = has(a, '-auto-approve', '--auto-approve');
    const chdir = a.find((w) => /^-?-chdir=/.test(w))?.replace(/^-?-chdir=/, '');
    const varFile = flagValue(a, '-var-file', '--var-file')?.toString() ?? a.find((w) => w.startsWith('-var-file='))?.slice(10);
    return { op: `terraform ${p[0] === 'destroy' ? 'destroy' : 'apply -destroy'}${force ? ' -auto-approve' : ''}`, force, hint: chdir ?? varFile };
  },
  railway: (a) => {
    const p = positional(a);
    const hint = flagValue(a, '--environment', '-e');
    if (startsWith(p, ['volume', 'delete'], ['volumes', 'delete'], ['volume', 'rm']))
      return { op: `railway volume delete${yes(a) ? ' --yes' : ''}`, force: yes(a), hint, target: flagValue(a, '--volume', '-v') };
    if (p[0] === 'down') return { op: `railway down${yes(a) ? ' --yes' : ''}`, force: yes(a), hint };
    if (p[0] === 'delete' || startsWith(p, ['environment', 'delete'], ['service', 'delete']))
      return { op: `railway ${p[0] === 'delete' ? 'delete' : `${p[0]} delete`}${yes(a) ? ' --yes' : ''}`, force: yes(a), hint };
    return undefined;
  },
  fly: (a) => {
    const p = positional(a);
    const hint = flagValue(a, '--app', '-a');
    if (startsWith(p, ['volumes', 'destroy'], ['volume', 'destroy'], ['vol', 'destroy'], ['volumes', 'delete'], ['volume', 'delete'], ['volumes', 'rm']))
      return { op: `fly volumes destroy${yes(a) ? ' --yes' : ''}`, force: yes(a), hint };
    if (startsWith(p, ['apps', 'destroy'], ['app', 'destroy'], ['apps', 'delete'], ['destroy']))
      return { op: `fly apps destroy${yes(a) ? ' --yes' : ''}`, force: yes(a), hint: hint ?? p[p[0] === 'destroy' ? 1 : 2] };
    return undefined;
  },
  heroku: (a) => {
    const p = positional(a);
    const force = has(a, '--confirm');
    const hint = flagValue(a, '--app', '-a') ?? flagValue(a, '--confirm');
    if (p[0] === 'pg:reset') return { op: `heroku pg:reset${force ? ' --confirm' : ''}`, force, hint };
    if (p[0] === 'apps:destroy' || p[0] === 'destroy') return { op: `heroku apps:destroy${force ? ' --confirm' : ''}`, force, hint };
    return undefined;
  },
  aws: (a) => {
    const p = positional(a);
    if (p[0] === 'rds' && /^delete-db-(?:instance|cluster)$/.test(p[1] ?? '')) {
      const skip = has(a, '--skip-final-snapshot');
      return { op: `aws rds ${p[1]}${skip ? ' --skip-final-snapshot' : ''}`, force: true, hint: flagValue(a, '--db-instance-identifier', '--db-cluster-identifier') };
    }
    if (p[0] === 's3' && p[1] === 'rb' && has(a, '--force')) return { op: 'aws s3 rb --force', force: true, hint: p[2] };
    if (p[0] === 's3' && p[1] === 'rm' && has(a, '--recursive')) return { op: 'aws s3 rm --recursive', force: true, hint: p[2] };
    if (p[0] === 'backup' && /^delete-(?:recovery-point|backup-vault)$/.test(p[1] ?? '')) return { op: `aws backup ${p[1]}`, force: true };
    if (p[0] === 'dynamodb' && p[1] === 'delete-table') return { op: 'aws dynamodb delete-table', force: true };
    return undefined;
  },
  gcloud: (a) => {
    const p = positional(a);
    const force = has(a, '--quiet', '-q');
    if (startsWith(p, ['sql', 'instances', 'delete'])) return { op: `gcloud sql instances delete${force ? ' --quiet' : ''}`, force, hint: p[3] };
    if (startsWith(p, ['projects', 'delete'])) return { op: `gcloud projects delete${force ? ' --quiet' : ''}`, force, hint: p[2] };
    if (startsWith(p, ['storage', 'rm']) && (has(a, '--recursive') || short(a, 'r'))) return { op: 'gcloud storage rm --recursive', force: true, hint: p[2] };
    return undefined;
  },
  kubectl: (a) => {
    const p = a.slice(1).filter((w, i, all) => !w.startsWith('-') && !['-n', '--namespace', '--context', '-l', '--selector'].includes(all[i - 1] ?? ''));
    if (p[0] !== 'delete') return undefined;
    const kind = (p[1] ?? '').toLowerCase().split('/')[0]!;
    if (!/^(?:namespaces?|ns|pvc|persistentvolumeclaims?|pv|persistentvolumes?)$/.test(kind)) return undefined;
    return { op: `kubectl delete ${kind}`, force: true, hint: flagValue(a, '--context', '--namespace', '-n') ?? p[2] ?? p[1]?.split('/')[1] };
  },
  supabase: (a) => {
    const p = positional(a);
    if (startsWith(p, ['db', 'reset'])) {
      const remote = has(a, '--linked') ? ' --linked' : has(a, '--db-url') ? ' --db-url' : '';
      return { op: `supabase db reset${remote}`, force: yes(a) || !remote };
    }
    if (startsWith(p, ['projects', 'delete'])) return { op: 'supabase projects delete', force: yes(a) };
    return undefined;
  },
  rails: (a, assigns) => {
    const task = a.slice(1).find((w) => /^db:(?:drop|reset|purge|schema:load)(?::all)?$/.test(w));
    if (!task) return undefined;
    const force = assigns.DISABLE_DATABASE_ENVIRONMENT_CHECK === '1' || a.includes('DISABLE_DATABASE_ENVIRONMENT_CHECK=1');
    return { op: `rails ${task}`, force, hint: assigns.RAILS_ENV ?? a.find((w) => w.startsWith('RAILS_ENV='))?.slice(10) };
  },
  dropdb: (a) => ({ op: 'dropdb', force: !has(a, '-i', '--interactive'), hint: positional(a).at(-1) }),
  rm: (a) => {
    const recursive = has(a, '--recursive') || short(a, 'r') || short(a, 'R');
    const force = has(a, '--force') || short(a, 'f');
    if (!recursive || !force) return undefined;
    const target = positional(a).find((t) => DATA_PATH.test(t));
    return target ? { op: `rm -rf ${target}`, force: true } : undefined;
  },
  'redis-cli': (a) => {
    const cmd = a.find((w) => /^flush(?:all|db)$/i.test(w));
    return cmd ? { op: `redis-cli ${cmd.toUpperCase()}`, force: true } : undefined;
  },
  docker: (a) => {
    const p = positional(a);
    if (startsWith(p, ['volume', 'rm'], ['volume', 'remove'])) return { op: 'docker volume rm', force: true };
    if (startsWith(p, ['compose', 'down']) && (has(a, '--volumes') || short(a, 'v'))) return { op: 'docker compose down --volumes', force: true };
    return undefined;
  },
};
MATCHERS.tofu = MATCHERS.terraform!;
MATCHERS.terragrunt = MATCHERS.terraform!;
MATCHERS.flyctl = MATCHERS.fly!;
MATCHERS.rake = MATCHERS.rails!;
MATCHERS['docker-compose'] = (a) => MATCHERS.docker!(['docker', 'compose', ...a.slice(1)], {});

const SQL_CLIENTS = /^(?:psql|pgcli|mysql|mariadb|sqlite3|mongosh|mongo|cockroach|clickhouse-client|usql|turso)$/;
const SQL_DESTRUCTIVE = /\b(DROP\s+(?:DATABASE|SCHEMA|TABLE)|TRUNCATE(?:\s+TABLE)?)\s+(?!\s*$)|\bdb\.dropDatabase\(\)|\bFLUSHALL\b/i;
const GRAPHQL_DELETE = /\b(volumeDelete|serviceDelete|projectDelete|environmentDelete|volumeInstanceBackupDelete)\b/;

function sqlOp(text: string): string | undefined {
  const m = SQL_DESTRUCTIVE.exec(text);
  return m ? (m[1] ?? m[0]).replace(/\s+/g, ' ').toUpperCase() : undefined;
}

/** A destructive SQL statement or Railway GraphQL mutation in free text (an MCP tool's input, a request body). */
export function destructiveStatement(text: string): string | undefined {
  const gql = GRAPHQL_DELETE.exec(text);
  return gql ? `Railway GraphQL ${gql[1]}` : sqlOp(text);
}

function matchCommand(cmd: ShellCommand): DestructiveHit | undefined {
  const { args, assigns } = simpleCommand(cmd.words);
  if (!args.length) return undefined;
  const name = args[0]!.replace(/^.*\//, '').toLowerCase();
  const base = { command: redactCommand(cmd.words), line: cmd.line };
  const matcher = MATCHERS[name];
  const m = matcher?.(args, assigns);
  const envAssign = assigns.RAILWAY_ENVIRONMENT ?? assigns.RAILS_ENV ?? assigns.NODE_ENV ?? assigns.APP_ENV ?? assigns.ENVIRONMENT;
  const hint = m?.hint ?? envAssign;
  if (m)
    return {
      tool: name === 'flyctl' ? 'fly' : name,
      destructive: m.op,
      force: m.force,
      ...base,
      ...(hint ? { environmentHint: hint } : {}),
      ...(m.target ?? m.hint ? { target: (m.target ?? m.hint)! } : {}),
    };
  const sqlClient = SQL_CLIENTS.test(name) || (name === 'prisma' && args.includes('execute')) || (name === 'supabase' && args.includes('query'));
  if (sqlClient) {
    const op = sqlOp(args.slice(1).join(' '));
    if (op) return { tool: 'sql', destructive: op, force: true, ...base, ...(envAssign ? { environmentHint: envAssign } : {}) };
  }
  if (/^(?:curl|wget|http|xh|gh)$/.test(name)) {
    const gql = GRAPHQL_DELETE.exec(args.join(' '));
    if (gql) return { tool: 'railway-api', destructive: `Railway GraphQL ${gql[1]}`, force: true, ...base };
  }
  return undefined;
}

/** Every destructive command in a shell script (line numbers relative to the script). */
export function destructiveCommands(script: string): DestructiveHit[] {
  const cmds = shellCommands(script);
  const hits: DestructiveHit[] = [];
  for (const c of cmds) {
    const h = matchCommand(c);
    if (h) hits.push(h);
  }
  // SQL in heredocs fed to a client (`psql <<SQL … DROP TABLE …`): statements at the start of a line.
  if (cmds.some((c) => SQL_CLIENTS.test(simpleCommand(c.words).args[0]?.replace(/^.*\//, '') ?? '') && c.words.includes('<<'))) {
    script.split('\n').forEach((text, i) => {
      const op = /^\s*(?:DROP|TRUNCATE)\b/i.test(text) ? sqlOp(text) : undefined;
      if (op && !hits.some((h) => h.line === i + 1)) hits.push({ tool: 'sql', destructive: op, command: text.trim().slice(0, 240), force: true, line: i + 1 });
    });
  }
  return hits;
}

// ---------------------------------------------------------------------------------------------------------------
// Backups taken by scripts: where does the dump end up?

const DUMP_TOOLS = /^(?:pg_dump|pg_dumpall|pg_basebackup|mysqldump|mariadb-dump|mongodump)$/;
const OFF_PLATFORM =
  /(s3:\/\/[^\s"'`]*|gs:\/\/[^\s"'`]*|\baz\s+storage\b|\bazcopy\b|\brclone\b[^\n]*|\bgsutil\b[^\n]*|\baws\s+s3\s+(?:cp|sync|mv)\b[^\n]*|\bb2\s+(?:upload-file|sync)\b|\brsync\b[^\n]*\s[\w.-]+@?[\w.-]+:[^\s]*|\bscp\b[^\n]*\s[\w.-]+@?[\w.-]+:[^\s]*)/i;
const SAME_VOLUME_PATH = /RAILWAY_VOLUME_MOUNT_PATH|PGDATA|^\/var\/lib\/(?:postgresql|mysql|mongodb)\b|^\/data\/db\b/;

export interface BackupHit {
  tool: string;
  line: number;
  destination: NonNullable<BackupJobAttrs['destination']>;
  /** Where the dump is written or uploaded (path or bucket URL), credentials stripped. */
  target?: string;
}

/** Simple `NAME=value` assignments in the script, used to expand `$NAME` in dump targets. */
function shellAssignments(cmds: ShellCommand[]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const c of cmds) {
    const w = c.words[0] === 'export' || c.words[0] === 'local' || c.words[0] === 'readonly' ? c.words.slice(1) : c.words;
    if (w.length && w.every((x) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(x)))
      for (const x of w) {
        const i = x.indexOf('=');
        vars[x.slice(0, i)] = x.slice(i + 1);
      }
  }
  return vars;
}

function expand(value: string, vars: Record<string, string>, useDefaults = true): string {
  let v = value;
  for (let i = 0; i < 4; i++) {
    const next = v.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-=]([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (all, n1: string | undefined, def: string | undefined, n2: string | undefined) => {
      const name = (n1 ?? n2)!;
      if (vars[name] !== undefined && !vars[name]!.includes(`$${name}`)) return vars[name]!;
      if (useDefaults && def !== undefined && def !== '') return def;
      return all;
    });
    if (next === v) break;
    v = next;
  }
  return v;
}

const cleanTarget = (t: string) => t.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1').replace(/\?.*$/, '').slice(0, 200);

/**
 * Finds a database dump (pg_dump, mysqldump, mongodump) in a script and classifies where it goes:
 * 'off-platform' when the script uploads to object storage or another host, 'same-volume' when the dump is written
 * under the data volume (`$RAILWAY_VOLUME_MOUNT_PATH`, `$PGDATA`, a given mount path), else 'unknown'.
 */
export function backupInScript(script: string, mountPaths: string[] = []): BackupHit | undefined {
  const cmds = shellCommands(script);
  const dump = cmds.find((c) => simpleCommand(c.words).args.some((w, i) => i < 8 && DUMP_TOOLS.test(w.replace(/^.*\//, ''))));
  if (!dump) return undefined;
  const tool = dump.words.find((w) => DUMP_TOOLS.test(w.replace(/^.*\//, '')))!.replace(/^.*\//, '');
  const vars = shellAssignments(cmds);
  // The dump's file: -f/--file/--out/--archive/--result-file, else a redirect in its pipeline.
  let target: string | undefined = flagValue(dump.words, '-f', '--file', '--out', '-o', '--archive', '--result-file');
  if (!target) {
    for (const c of cmds.filter((x) => x.pipeline === dump.pipeline)) {
      const r = c.words.findIndex((w) => w === '>' || w === '>>');
      if (r >= 0 && c.words[r + 1]) target = c.words[r + 1];
    }
  }
  const expanded = target ? expand(target, vars) : undefined;
  const upload = OFF_PLATFORM.exec(cmds.map((c) => c.words.join(' ')).join('\n'));
  if (upload) {
    const url = /(?:s3|gs):\/\/[^\s"'`]*/.exec(upload[0])?.[0];
    return { tool, line: dump.line, destination: 'off-platform', target: cleanTarget(expand(url ?? upload[0].split(/\s+/).slice(0, 3).join(' '), vars)) };
  }
  if (expanded) {
    const underMount = mountPaths.some((m) => m && (expanded === m || expanded.startsWith(m.endsWith('/') ? m : `${m}/`)));
    const symbolic = target ? expand(target, vars, false) : '';
    if (underMount || SAME_VOLUME_PATH.test(expanded) || SAME_VOLUME_PATH.test(symbolic))
      return { tool, line: dump.line, destination: 'same-volume', target: cleanTarget(expanded) };
  }
  return { tool, line: dump.line, destination: 'unknown', ...(expanded ? { target: cleanTarget(expanded) } : {}) };
}
