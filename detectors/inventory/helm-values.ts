// Helm values files (`values.yaml`, `values-prod.yaml`): the `persistence` blocks that common charts (Bitnami
// PostgreSQL/MySQL/Redis/MongoDB and most application charts) use for their volumes, and Bitnami's `backup.cronjob`,
// which dumps the database to another claim in the same cluster. The file name or folder gives the environment.
// https://github.com/bitnami/charts/tree/main/bitnami/postgresql#persistence-parameters
import type { Node } from 'yaml';
import type { InventoryResult } from '../../src/pipeline/detector-api.js';
import type { Resource, SourceFile } from '../../src/core/types.js';
import type { BackupJobAttrs, KubernetesAttrs, VolumeAttrs } from '../../src/pipeline/resources.js';
import { basename, dirname, makeResource } from './resource-builder.js';
import { entries, get, parseYaml, str } from './yaml-nodes.js';

/** `values*.yaml` in a chart, helm or deploy folder (a bare `values.yaml` elsewhere may be anything). */
export const isHelmValues = (file: Pick<SourceFile, 'path' | 'kind'>): boolean =>
  /^values(?:[-._][\w.-]+)?\.ya?ml$/i.test(basename(file.path)) && (file.kind === 'k8s' || /(?:^|\/)(?:deploy|deployment|infra|ops)\//i.test(file.path));

const ENGINES: Record<string, string> = { postgresql: 'postgres', postgres: 'postgres', mysql: 'mysql', mariadb: 'mysql', mongodb: 'mongodb', redis: 'redis' };

export function helmValues(file: SourceFile): Partial<InventoryResult> {
  const { yaml, diagnostics } = parseYaml(file);
  if (!yaml) return { diagnostics };
  const chart = dirname(file.path) || '.';
  const env = file.environment.environment;
  const suffix = env !== 'unknown' ? `@${env}` : '';
  const out: Resource[] = [];
  const walk = (node: Node | null | undefined, path: string[]) => {
    if (path.length > 6) return;
    for (const [key, value, pair] of entries(node)) {
      const here = [...path, key];
      const enabled = str(get(value, 'enabled'));
      const engine = here.map((k) => ENGINES[k.toLowerCase()]).find(Boolean);
      if (key === 'persistence' && entries(value).length) {
        if (enabled === 'false') continue;
        const a: VolumeAttrs & KubernetesAttrs & Record<string, unknown> = {
          platform: 'k8s',
          storageClass: str(get(value, 'storageClass')),
          size: str(get(value, 'size')),
          existingClaim: str(get(value, 'existingClaim')),
          chart,
          valuesFile: file.path,
          engine,
          nativeBackups: 'unknown',
        };
        out.push(makeResource(file, { id: `helm:${chart}/${here.join('.')}${suffix}`, provider: 'kubernetes', type: 'volume', name: `${basename(chart)} ${here.slice(0, -1).join('.') || 'persistence'}`, environment: env, line: yaml.lineOf(pair.key as Node), attributes: a }));
        continue;
      }
      if (key === 'backup' && enabled === 'true' && get(value, 'cronjob') !== undefined) {
        // The chart's backup CronJob writes dumps to a claim in the same namespace: same cluster, same failure domain.
        const cron = get(value, 'cronjob');
        const a: BackupJobAttrs & Record<string, unknown> = { destination: 'same-platform', target: 'a PersistentVolumeClaim in the same cluster', schedule: str(get(cron, 'schedule')), tool: engine === 'mysql' ? 'mysqldump' : 'pg_dumpall', chart };
        out.push(makeResource(file, { id: `helm:${chart}/${here.join('.')}${suffix}`, provider: 'kubernetes', type: 'backup-job', name: `${basename(chart)} ${here.join('.')}`, environment: env, line: yaml.lineOf(pair.key as Node), attributes: a }));
        continue;
      }
      walk(value, here);
    }
  };
  walk(yaml.doc.contents as Node | null, []);
  return { resources: out, diagnostics };
}
