// Kubernetes manifests (multi-document YAML, kustomize bases and overlays) and Helm values files: claims and
// volumes with their storage class and reclaim policy, StatefulSet claim templates (and the database a StatefulSet
// runs), storage classes (reclaimPolicy defaults to Delete: a dynamically provisioned volume is deleted with its
// claim), CronJobs that back up (pg_dump, velero, restic) and where the copy goes, Velero schedules, backups and
// storage locations, and Secrets (names and keys only; values are the credential rules' job).
// https://kubernetes.io/docs/concepts/storage/persistent-volumes/#reclaiming
// https://kubernetes.io/docs/concepts/storage/storage-classes/#reclaim-policy
// https://velero.io/docs/main/api-types/schedule/  https://restic.readthedocs.io/en/stable/030_preparing_a_new_repo.html
import type { Node } from 'yaml';
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
import type { Environment, Resource, SourceFile } from '../../src/core/types.js';
import type { BackupJobAttrs, BackupPlanAttrs, DatabaseAttrs, KubernetesAttrs, ScriptAttrs, VolumeAttrs } from '../../src/pipeline/resources.js';
import { dirname, environmentOf, makeResource } from './resource-builder.js';
import { isKustomization, prepareKustomize, type KustomizePass, type KustomizePrepared } from './kustomize.js';
import { entries, get, items, parseYamlAll, str, type YamlFile } from './yaml-nodes.js';
import { backupInScript, destructiveCommands } from './destructive-commands.js';
import { helmValues, isHelmValues } from './helm-values.js';

type Obj = Record<string, unknown>;

const DB_IMAGES: Array<[RegExp, string]> = [
  [/(?:^|\/)(?:postgres|postgresql|postgis|timescaledb)(?::|@|$)/, 'postgres'],
  [/(?:^|\/)(?:mysql|mariadb|percona)(?::|@|$)/, 'mysql'],
  [/(?:^|\/)mongo(?:db)?(?::|@|$)/, 'mongodb'],
  [/(?:^|\/)(?:redis|valkey)(?::|@|$)/, 'redis'],
];
const engineOfImage = (image: string) => DB_IMAGES.find(([re]) => re.test(image))?.[1];

/** The overlay a file belongs to: `overlays/<env>/…` (kustomize) — the folder name decides the environment. */
const overlayOf = (path: string) => /(?:^|\/)overlays\/([^/]+)\//.exec(path)?.[1];

interface Doc {
  file: SourceFile;
  yaml: YamlFile;
  root: Node | null;
  kind: string;
  name: string;
  namespace?: string;
  environment: Environment;
  line: number;
  out: Resource[];
  /** The kustomize overlay deploying this copy of a base manifest. */
  overlay?: string;
}

const idOf = (d: Doc, kind: string, name = d.name) => `k8s:${kind}/${d.namespace ?? 'default'}/${name}${d.environment !== 'unknown' ? `@${d.environment}` : ''}`;

function base(d: Doc): KubernetesAttrs & Obj {
  const overlay = d.overlay ?? overlayOf(d.file.path);
  return { kind: d.kind, namespace: d.namespace, ...(overlay ? { overlay } : {}) };
}

/** Container commands and args of a pod template, joined as shell scripts. */
function podScripts(podSpec: Node | null | undefined): Array<{ script: string; node: Node; image?: string; env: Record<string, string> }> {
  const out: Array<{ script: string; node: Node; image?: string; env: Record<string, string> }> = [];
  for (const c of [...items(get(podSpec, 'containers')), ...items(get(podSpec, 'initContainers'))]) {
    const words = [...items(get(c, 'command')), ...items(get(c, 'args'))].map(str).filter((x): x is string => x !== undefined);
    // `sh -c "<script>"`: the script is the word after -c.
    const dashC = words.findIndex((w) => w === '-c' || w === '-ec' || w === '-exc');
    const script = dashC >= 0 ? words.slice(dashC + 1).join('\n') : words.join(' ');
    const env = Object.fromEntries(items(get(c, 'env')).map((e) => [str(get(e, 'name')) ?? '', str(get(e, 'value')) ?? '']).filter(([k]) => k));
    if (script.trim()) out.push({ script, node: c, image: str(get(c, 'image')), env });
  }
  return out;
}

/** Velero and restic: backup tools that are not database dumps. */
function toolBackup(script: string, env: Record<string, string>): { tool: string; destination: NonNullable<BackupJobAttrs['destination']>; target?: string } | undefined {
  if (/\bvelero\s+backup\s+create\b/.test(script)) return { tool: 'velero', destination: 'off-platform', target: 'Velero backup storage location' };
  if (/\brestic\b[^\n]*\bbackup\b/.test(script)) {
    const repo = /(?:-r|--repo)[\s=]+["']?([^\s"']+)/.exec(script)?.[1] ?? env.RESTIC_REPOSITORY;
    const remote = repo && /^(?:s3|gs|b2|azure|swift|rest|sftp|rclone):/.test(repo);
    return { tool: 'restic', destination: remote ? 'off-platform' : 'unknown', ...(repo ? { target: repo.replace(/\/\/[^/@]*@/, '//') } : {}) };
  }
  return undefined;
}

function claim(d: Doc, spec: Node | null | undefined, id: string, name: string, extra: Obj, line = d.line) {
  const a: VolumeAttrs & KubernetesAttrs & Obj = {
    platform: 'k8s',
    ...base(d),
    storageClass: str(get(spec, 'storageClassName')),
    storage: str(get(get(get(spec, 'resources'), 'requests'), 'storage')),
    accessModes: items(get(spec, 'accessModes')).map(str).filter(Boolean),
    ...extra,
  };
  d.out.push(makeResource(d.file, { id, provider: 'kubernetes', type: 'volume', name, environment: d.environment, line, attributes: a }));
}

function handle(d: Doc) {
  const spec = get(d.root, 'spec');
  switch (d.kind) {
    case 'PersistentVolumeClaim':
      claim(d, spec, idOf(d, 'pvc'), d.name, { nativeBackups: 'unknown', volumeName: str(get(spec, 'volumeName')) });
      return;
    case 'PersistentVolume':
      d.out.push(
        makeResource(d.file, {
          id: idOf(d, 'pv'),
          provider: 'kubernetes',
          type: 'volume',
          name: d.name,
          environment: d.environment,
          line: d.line,
          // Manually created PVs default to Retain; dynamically provisioned ones inherit the class's policy.
          attributes: { platform: 'k8s', ...base(d), reclaimPolicy: str(get(spec, 'persistentVolumeReclaimPolicy')) ?? 'Retain', storageClass: str(get(spec, 'storageClassName')) },
        }),
      );
      return;
    case 'StorageClass': {
      const reclaim = str(get(d.root, 'reclaimPolicy'));
      const annotations = get(get(d.root, 'metadata'), 'annotations');
      d.out.push(
        makeResource(d.file, {
          id: `k8s:storageclass/${d.name}${d.environment !== 'unknown' ? `@${d.environment}` : ''}`,
          provider: 'kubernetes',
          type: 'other',
          name: d.name,
          environment: d.environment,
          line: d.line,
          attributes: {
            kind: d.kind,
            provisioner: str(get(d.root, 'provisioner')),
            reclaimPolicy: reclaim ?? 'Delete',
            ...(reclaim ? {} : { defaults: ['reclaimPolicy'] }),
            isDefault: str(get(annotations, 'storageclass.kubernetes.io/is-default-class')) === 'true' || undefined,
          },
        }),
      );
      return;
    }
    case 'StatefulSet': {
      const pod = get(get(spec, 'template'), 'spec');
      const containers = items(get(pod, 'containers'));
      const mounts = containers.flatMap((c) => items(get(c, 'volumeMounts')).map((m) => [str(get(m, 'name')), str(get(m, 'mountPath'))] as const));
      const engine = containers.map((c) => engineOfImage(str(get(c, 'image')) ?? '')).find(Boolean);
      const retention = str(get(get(spec, 'persistentVolumeClaimRetentionPolicy'), 'whenDeleted'));
      const volumes: string[] = [];
      for (const tpl of items(get(spec, 'volumeClaimTemplates'))) {
        const tplName = str(get(get(tpl, 'metadata'), 'name')) ?? 'data';
        // Claims are named <template>-<statefulset>-<ordinal>.
        const id = idOf(d, 'pvc', `${tplName}-${d.name}`);
        volumes.push(id);
        claim(d, get(tpl, 'spec'), id, `${tplName}-${d.name}-*`, {
          nativeBackups: 'unknown',
          statefulSet: d.name,
          mountPath: mounts.find(([n]) => n === tplName)?.[1],
          mountedBy: [idOf(d, 'statefulset')],
          // StatefulSet claims outlive the set unless the retention policy says Delete (default Retain).
          whenDeleted: retention ?? 'Retain',
        }, d.yaml.lineOf(tpl));
      }
      d.out.push(makeResource(d.file, { id: idOf(d, 'statefulset'), provider: 'kubernetes', type: 'service', name: d.name, environment: d.environment, line: d.line, attributes: { ...base(d), platform: 'k8s', volumes } }));
      if (engine) {
        const a: DatabaseAttrs & Obj = { platform: 'k8s', engine, volume: volumes[0], service: idOf(d, 'statefulset') };
        d.out.push(makeResource(d.file, { id: idOf(d, 'database'), provider: 'kubernetes', type: 'database', name: d.name, environment: d.environment, line: d.line, attributes: a }));
      }
      return;
    }
    case 'CronJob':
    case 'Job': {
      const pod = d.kind === 'CronJob' ? get(get(get(get(spec, 'jobTemplate'), 'spec'), 'template'), 'spec') : get(get(spec, 'template'), 'spec');
      const schedule = str(get(spec, 'schedule'));
      for (const { script, node, env } of podScripts(pod)) {
        const line = d.yaml.lineOf(node);
        const dump = backupInScript(script);
        const other = dump ? undefined : toolBackup(script, env);
        const b = dump ?? other;
        if (b) {
          const attrs: BackupJobAttrs & Obj = { destination: b.destination, target: b.target, schedule, tool: b.tool, ...base(d) };
          d.out.push(makeResource(d.file, { id: idOf(d, d.kind.toLowerCase()), provider: 'kubernetes', type: 'backup-job', name: `${d.name} (${b.tool})`, environment: d.environment, line, attributes: attrs }));
        }
        const hit = destructiveCommands(script)[0];
        if (hit) {
          const a: ScriptAttrs & Obj = { command: hit.command, destructive: hit.destructive, force: hit.force, schedule, ...base(d) };
          d.out.push(makeResource(d.file, { id: `${idOf(d, d.kind.toLowerCase())}/destructive`, provider: 'kubernetes', type: 'script', name: d.name, environment: d.environment, line, attributes: a }));
        }
      }
      return;
    }
    case 'Schedule':
    case 'Backup': {
      if (!/^velero\.io\//.test(str(get(d.root, 'apiVersion')) ?? '')) return;
      const tpl = d.kind === 'Schedule' ? get(spec, 'template') : spec;
      const ttl = str(get(tpl, 'ttl'));
      const hours = ttl ? Number(/^(\d+)h/.exec(ttl)?.[1] ?? NaN) : 720; // Velero's default TTL is 30 days.
      const a: BackupPlanAttrs & BackupJobAttrs & Obj = {
        tool: 'velero',
        schedule: str(get(spec, 'schedule')),
        retentionDays: Number.isFinite(hours) ? Math.floor(hours / 24) : undefined,
        includedNamespaces: items(get(tpl, 'includedNamespaces')).map(str).filter(Boolean),
        storageLocation: str(get(tpl, 'storageLocation')) ?? 'default',
        snapshotVolumes: str(get(tpl, 'snapshotVolumes')) === 'false' ? false : undefined,
        // Velero writes to object storage through a BackupStorageLocation, outside the cluster.
        destination: 'off-platform',
        ...(ttl ? {} : { defaults: ['ttl'] }),
      };
      d.out.push(makeResource(d.file, { id: idOf(d, `velero-${d.kind.toLowerCase()}`), provider: 'kubernetes', type: d.kind === 'Schedule' ? 'backup-plan' : 'backup-job', name: d.name, environment: d.environment, line: d.line, attributes: a }));
      return;
    }
    case 'BackupStorageLocation': {
      const bucket = str(get(get(spec, 'objectStorage'), 'bucket'));
      d.out.push(makeResource(d.file, { id: idOf(d, 'velero-bsl'), provider: str(get(spec, 'provider'))?.replace(/^velero\.io\//, '') ?? 'kubernetes', type: 'bucket', name: bucket ?? d.name, environment: d.environment, line: d.line, attributes: { ...base(d), bucket, accessMode: str(get(spec, 'accessMode')) } }));
      return;
    }
    case 'Secret': {
      const keys = [...entries(get(d.root, 'data')), ...entries(get(d.root, 'stringData'))].map(([k]) => k);
      d.out.push(makeResource(d.file, { id: idOf(d, 'secret'), provider: 'kubernetes', type: 'other', name: d.name, environment: d.environment, line: d.line, attributes: { ...base(d), secretType: str(get(d.root, 'type')) ?? 'Opaque', keys } }));
      return;
    }
    default:
  }
}

/**
 * A manifest is parsed only when it declares a kind `handle` reads (or a List, whose items might): Deployments,
 * Services, ConfigMaps and the like hold nothing this inventory records, and YAML parsing is the costly part.
 */
const HANDLED_KIND =
  /^[ \t-]*kind:[ \t]*["']?(?:PersistentVolumeClaim|PersistentVolume|StorageClass|StatefulSet|CronJob|Job|Schedule|Backup|BackupStorageLocation|Secret|List)["']?[ \t]*(?:#.*)?\r?$/m;

const parser: InventoryParser = {
  meta: {
    id: 'kubernetes',
    title: 'Kubernetes manifests and Helm values',
    summary: 'Claims, volumes and storage classes (reclaim policy), StatefulSet databases, backup CronJobs, Velero schedules and Secrets; overlays and values files decide the environment.',
  },
  applies: (file) =>
    /\.ya?ml$/i.test(file.path) &&
    file.kind !== 'workflow' &&
    file.kind !== 'compose' &&
    (isHelmValues(file) || isKustomization(file.path) || (/^apiVersion:\s*\S/m.test(file.text) && HANDLED_KIND.test(file.text))),
  // kustomize: which overlays deploy each base folder.
  prepare: (files) => prepareKustomize(files),
  parse: (file, prepared) => {
    if (isHelmValues(file)) return helmValues(file);
    // Chart templates are Go templates, not YAML, until rendered.
    if (/(?:^|\/)templates\//.test(file.path) && file.text.includes('{{')) return {};
    const { docs, diagnostics } = parseYamlAll(file);
    const out: Resource[] = [];
    const passes: Array<KustomizePass | undefined> = (prepared as KustomizePrepared | undefined)?.get(dirname(file.path)) ?? [undefined];
    for (const pass of passes)
      for (const yaml of docs) {
        const root = yaml.doc.contents as Node | null;
        const kinds = str(get(root, 'kind')) === 'List' ? items(get(root, 'items')) : [root];
        for (const node of kinds) {
          const kind = str(get(node, 'kind'));
          const meta = get(node, 'metadata');
          const name = str(get(meta, 'name'));
          if (!kind || !name || kind === 'Kustomization') continue;
          const namespace = pass?.namespace ?? str(get(meta, 'namespace'));
          const labels = get(meta, 'labels');
          const environment = pass?.environment ?? environmentOf(file, overlayOf(file.path), namespace, str(get(labels, 'environment')) ?? str(get(labels, 'env')));
          handle({ file, yaml, root: node, kind, name, namespace, environment, line: yaml.lineOf(node), out, ...(pass ? { overlay: pass.overlay } : {}) });
        }
      }
    return { resources: out, diagnostics };
  },
  examples: [
    {
      // From the Kubernetes docs: a StorageClass without reclaimPolicy (Delete), a claim on it, a Postgres StatefulSet
      // with a claim template, a pg_dump CronJob that uploads to S3, and a Secret; in a kustomize production overlay.
      file: {
        path: 'k8s/overlays/production/db.yaml',
        text: `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: ebs.csi.aws.com
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: uploads
  namespace: shop
spec:
  storageClassName: fast
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 10Gi
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgres
  namespace: shop
spec:
  serviceName: postgres
  template:
    spec:
      containers:
        - name: postgres
          image: postgres:16
          volumeMounts:
            - name: data
              mountPath: /var/lib/postgresql/data
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        storageClassName: fast
        resources:
          requests:
            storage: 50Gi
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: pg-backup
  namespace: shop
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: dump
              image: postgres:16
              command: ["/bin/sh", "-c"]
              args:
                - pg_dump "$DATABASE_URL" -Fc -f /tmp/db.dump && aws s3 cp /tmp/db.dump s3://acme-backups/db.dump
---
apiVersion: v1
kind: Secret
metadata:
  name: db
  namespace: shop
type: Opaque
stringData:
  DATABASE_URL: postgres://app@postgres:5432/app
`,
      },
      expect: [
        { id: 'k8s:storageclass/fast@production', attributes: { reclaimPolicy: 'Delete', defaults: ['reclaimPolicy'] } },
        { id: 'k8s:pvc/shop/uploads@production', type: 'volume', environment: 'production', attributes: { storageClass: 'fast', storage: '10Gi', overlay: 'production' } },
        { id: 'k8s:pvc/shop/data-postgres@production', type: 'volume', attributes: { statefulSet: 'postgres', mountPath: '/var/lib/postgresql/data', storage: '50Gi', whenDeleted: 'Retain' } },
        { id: 'k8s:database/shop/postgres@production', type: 'database', attributes: { engine: 'postgres', volume: 'k8s:pvc/shop/data-postgres@production' } },
        { id: 'k8s:cronjob/shop/pg-backup@production', type: 'backup-job', attributes: { destination: 'off-platform', schedule: '0 3 * * *', tool: 'pg_dump' } },
        { id: 'k8s:secret/shop/db@production', attributes: { keys: ['DATABASE_URL'] } },
      ],
    },
    {
      // Velero's documented Schedule, and near-misses: a Deployment (no storage) and a CronJob that is not a backup.
      file: {
        path: 'deploy/velero.yaml',
        text: `apiVersion: velero.io/v1
kind: Schedule
metadata:
  name: daily
  namespace: velero
spec:
  schedule: "0 1 * * *"
  template:
    includedNamespaces: [shop]
    ttl: 168h0m0s
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: cleanup
spec:
  schedule: "@hourly"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: c
              image: busybox
              command: ["sh", "-c", "find /tmp -mtime +1 -delete"]
`,
      },
      expect: [{ id: 'k8s:velero-schedule/velero/daily', type: 'backup-plan', attributes: { schedule: '0 1 * * *', retentionDays: 7, includedNamespaces: ['shop'], destination: 'off-platform' } }],
      reject: ['k8s:deployment/*', 'k8s:cronjob/*'],
    },
    {
      // A kustomize base claim deployed by a production overlay into its own namespace (kustomize docs' layout).
      file: { path: 'deploy/base/pvc.yaml', text: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 20Gi\n' },
      related: [
        { path: 'deploy/base/kustomization.yaml', text: 'resources:\n  - pvc.yaml\n' },
        { path: 'deploy/overlays/production/kustomization.yaml', text: 'namespace: shop-prod\nresources:\n  - ../../base\n' },
      ],
      expect: [{ id: 'k8s:pvc/shop-prod/data@production', type: 'volume', environment: 'production', attributes: { overlay: 'production', storage: '20Gi' } }],
      reject: ['k8s:pvc/default/data'],
    },
    {
      // A Helm values file for the staging release: persistence enabled with a named class.
      file: {
        path: 'charts/api/values-staging.yaml',
        text: 'replicaCount: 1\npostgresql:\n  primary:\n    persistence:\n      enabled: true\n      storageClass: standard\n      size: 8Gi\nredis:\n  master:\n    persistence:\n      enabled: false\n',
      },
      expect: [{ id: 'helm:charts/api/postgresql.primary.persistence@staging', type: 'volume', environment: 'staging', attributes: { storageClass: 'standard', size: '8Gi', engine: 'postgres' } }],
      reject: ['helm:charts/api/redis.master.persistence*'],
    },
  ],
};

export default parser;
