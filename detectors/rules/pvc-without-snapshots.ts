// Kubernetes persistent volumes that go when their claim goes, with no snapshot or Velero backup covering them.
import type { FindingRule } from '../../src/pipeline/detector-api.js';
import type { KubernetesAttrs, VolumeAttrs } from '../../src/pipeline/resources.js';
import type { Resource, Severity } from '../../src/core/types.js';
import { resourceLabel } from '../../src/pipeline/chain.js';
import { resourceDraft } from './shared.js';

type K8sVolume = VolumeAttrs & KubernetesAttrs;
const isK8sVolume = (r: Resource) => r.type === 'volume' && ((r.attributes as VolumeAttrs).platform === 'k8s' || r.provider === 'k8s' || r.provider === 'kubernetes');

/** The claim's reclaim policy: its own, else its StorageClass's (the default class when it names none). */
function reclaimPolicy(r: Resource, resources: readonly Resource[]): string | undefined {
  const a = r.attributes as K8sVolume;
  if (a.reclaimPolicy) return a.reclaimPolicy;
  const classes = resources.filter((c) => (c.attributes as { kind?: string }).kind === 'StorageClass');
  const sameEnv = (c: Resource) => c.environment === r.environment || c.environment === 'unknown' || r.environment === 'unknown';
  const cls = a.storageClass
    ? classes.find((c) => c.name === a.storageClass && sameEnv(c))
    : classes.find((c) => (c.attributes as { isDefault?: boolean }).isDefault && sameEnv(c));
  return (cls?.attributes as { reclaimPolicy?: string } | undefined)?.reclaimPolicy;
}

/** A Velero schedule/backup whose namespaces include the claim's and that snapshots volumes. */
function veleroCovers(r: Resource, resources: readonly Resource[]): Resource | undefined {
  const ns = (r.attributes as K8sVolume).namespace;
  return resources.find((b) => {
    const v = b.attributes as { tool?: string; includedNamespaces?: string[]; snapshotVolumes?: boolean };
    if (v.tool !== 'velero' || v.snapshotVolumes === false) return false;
    const included = v.includedNamespaces ?? [];
    return !included.length || included.includes('*') || (ns !== undefined && included.includes(ns));
  });
}

const rule: FindingRule = {
  meta: {
    id: 'pvc-without-snapshots',
    title: 'Persistent volume claim without snapshots, or with a Delete reclaim policy',
    severity: 'medium',
    category: 'backup-isolation',
    confidence: 'medium',
    summary: 'A PersistentVolumeClaim (or StatefulSet volume claim) whose storage class reclaims with `Delete`, or that no VolumeSnapshot schedule or Velero backup covers.',
    help: {
      why: 'With `reclaimPolicy: Delete` (the default for dynamically provisioned volumes) deleting the claim — `kubectl delete namespace`, `helm uninstall`, a pruning GitOps sync — deletes the underlying disk. Without a snapshot or a Velero backup stored outside the cluster, that is the only copy.',
      fix: 'Use a StorageClass with `reclaimPolicy: Retain` for data volumes (or patch the bound PV), and schedule backups that live outside the cluster: Velero `Schedule` with object storage in another account, or VolumeSnapshots via a snapshot scheduler.',
      references: [
        'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#reclaiming',
        'https://kubernetes.io/docs/concepts/storage/volume-snapshots/',
        'https://velero.io/docs/main/backup-reference/',
      ],
    },
  },
  check: ({ graph }) =>
    graph.resources.filter(isK8sVolume).flatMap((r) => {
      const facts: string[] = [];
      if (reclaimPolicy(r, graph.resources)?.toLowerCase() === 'delete') facts.push('reclaim policy Delete: deleting the claim deletes the disk');
      if (!graph.backupsOf(r).length && !veleroCovers(r, graph.resources)) facts.push('no VolumeSnapshot or Velero backup covers it');
      if (!facts.length) return [];
      const severity: Severity = r.environment === 'production' ? (facts.length > 1 ? 'high' : 'medium') : 'low';
      return [resourceDraft(r, `${resourceLabel(r)}: ${facts.join('; ')}.`, facts, { severity })];
    }),
  examples: [
    {
      name: 'production PVC on a Delete storage class, no backups',
      repo: {
        'k8s/production/storage.yaml':
          'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: ebs.csi.aws.com\nreclaimPolicy: Delete\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: pgdata\n  namespace: shop\nspec:\n  storageClassName: fast\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 50Gi\n',
      },
      fires: true,
      mentions: 'reclaim policy Delete',
    },
    {
      name: 'production PVC on a Retain storage class with a Velero schedule',
      repo: {
        'k8s/production/storage.yaml':
          'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast-retain\nprovisioner: ebs.csi.aws.com\nreclaimPolicy: Retain\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: pgdata\n  namespace: shop\nspec:\n  storageClassName: fast-retain\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 50Gi\n',
        'k8s/production/velero.yaml':
          'apiVersion: velero.io/v1\nkind: Schedule\nmetadata:\n  name: shop-daily\n  namespace: velero\nspec:\n  schedule: "0 3 * * *"\n  template:\n    includedNamespaces: [shop]\n    snapshotVolumes: true\n    storageLocation: offsite\n    ttl: 720h0m0s\n',
      },
      fires: false,
    },
  ],
};

export default rule;
