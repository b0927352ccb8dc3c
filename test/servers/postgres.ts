// A throwaway PostgreSQL cluster for the live database resolver test: initdb into a temporary folder, start it on a
// free port (TCP on 127.0.0.1, socket in the folder), stop and delete it afterwards. As root, initdb refuses to run,
// so the cluster is created and run as the `postgres` system user.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PgCluster {
  port: number;
  dir: string;
  /** Runs SQL as the bootstrap superuser. */
  psql(sql: string): string;
  stop(): void;
}

/** The newest installed PostgreSQL bin folder, or undefined when none is installed. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startCluster(bin: string): Promise<PgCluster> {
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'blastradius-pg-'));
  chmodSync(dir, 0o700);
  let uid: number | undefined;
  if (root) {
    uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const as = (cmd: string, args: string[]) => (root ? spawnSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { encoding: 'utf8' }) : spawnSync(join(bin, cmd), args, { encoding: 'utf8' }));
  const check = (r: ReturnType<typeof spawnSync>, what: string) => {
    if (r.status !== 0) throw new Error(`${what} failed: ${String(r.stderr)}`);
    return String(r.stdout);
  };
  const data = join(dir, 'data');
  check(as('initdb', ['-D', data, '-U', 'bootstrap', '--auth=trust', '--auth-host=scram-sha-256', '--no-sync', '-E', 'UTF8']), 'initdb');
  const port = await freePort();
  check(as('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']), 'pg_ctl start');
  return {
    port,
    dir,
    psql: (sql) => check(as('psql', ['-h', dir, '-p', String(port), '-U', 'bootstrap', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-Atc', sql]), 'psql'),
    stop: () => {
      as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
