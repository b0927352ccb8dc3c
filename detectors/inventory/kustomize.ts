// kustomize: an overlay (`overlays/prod/kustomization.yaml`) deploys the bases it lists under `resources:` (or the
// older `bases:`) into its own environment and, when it sets one, its `namespace:`. The pre-pass maps each base folder
// to the overlays that include it (following overlay → overlay → base chains), so a manifest in `base/` is read once
// per overlay: the production copy of a claim is a different resource from the staging copy.
// https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/resource/
import { posix } from 'node:path';
import type { Environment, SourceFile } from '../../src/core/types.js';
import { basename, dirname } from './resource-builder.js';
import { get, items, parseYaml, str } from './yaml-nodes.js';

export interface KustomizePass {
  overlay: string;
  environment: Environment;
  namespace?: string;
}

export type KustomizePrepared = Map<string, KustomizePass[]>;

export const isKustomization = (path: string): boolean => /^kustomization\.ya?ml$/i.test(basename(path));

export function prepareKustomize(files: readonly SourceFile[]): KustomizePrepared {
  /** Folder → the folders it includes, its namespace, its environment. */
  const nodes = new Map<string, { includes: string[]; namespace?: string; environment: Environment }>();
  for (const file of files) {
    if (!isKustomization(file.path)) continue;
    const { yaml } = parseYaml(file);
    if (!yaml) continue;
    const dir = dirname(file.path);
    const root = yaml.doc.contents;
    const entries = [...items(get(root, 'resources')), ...items(get(root, 'bases')), ...items(get(root, 'components'))].map(str).filter((x): x is string => !!x);
    // Folder entries (not files, not remote URLs).
    const includes = entries.filter((e) => !/\.ya?ml$|:\/\//i.test(e)).map((e) => posix.normalize(posix.join(dir || '.', e)).replace(/^\.\/?/, '').replace(/\/$/, ''));
    nodes.set(dir, { includes, namespace: str(get(root, 'namespace')), environment: file.environment.environment });
  }
  const out: KustomizePrepared = new Map();
  for (const [dir, node] of nodes) {
    if (node.environment === 'unknown') continue;
    const name = basename(dir) || dir;
    // Walk the overlay's includes transitively; the namespace nearest the overlay wins.
    const seen = new Set<string>();
    const walk = (d: string, namespace: string | undefined, depth: number) => {
      if (seen.has(d) || depth > 6) return;
      seen.add(d);
      if (d !== dir) {
        const list = out.get(d) ?? [];
        if (!list.some((p) => p.overlay === name && p.environment === node.environment)) list.push({ overlay: name, environment: node.environment, ...(namespace ? { namespace } : {}) });
        out.set(d, list);
      }
      for (const inc of nodes.get(d)?.includes ?? []) walk(inc, namespace ?? nodes.get(inc)?.namespace, depth + 1);
    };
    walk(dir, node.namespace, 0);
  }
  return out;
}
