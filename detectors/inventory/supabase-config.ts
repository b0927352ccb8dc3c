// Supabase CLI config (`supabase/config.toml`): the linked project ref, the remote projects of branching
// (`[remotes.<name>] project_id`), storage buckets, and whether `supabase db reset` seeds. A project ref names the
// hosted database (db.<ref>.supabase.co), whose backups Supabase keeps (daily; PITR as an add-on): same platform.
// https://supabase.com/docs/guides/local-development/cli/config  https://supabase.com/docs/guides/platform/backups
import type { InventoryParser } from '../../src/pipeline/detector-api.js';
import type { Environment, Resource } from '../../src/core/types.js';
import type { BucketAttrs, DatabaseAttrs, DatabaseBackupAttrs } from '../../src/pipeline/resources.js';
import { environmentOfName } from '../../src/pipeline/classify.js';
import { isRecord, lineOf, makeResource, parseTomlFile } from './resource-builder.js';

const REF = /^[a-z]{20}$/;

const parser: InventoryParser = {
  meta: { id: 'supabase-config', title: 'Supabase config.toml', summary: 'Supabase projects (linked and branching remotes) with their hosted databases, and storage buckets.' },
  applies: (file) => /(?:^|\/)supabase\/config\.toml$/i.test(file.path),
  parse: (file) => {
    const { value, diagnostic } = parseTomlFile(file);
    if (!value) return { diagnostics: diagnostic ? [diagnostic] : [] };
    const out: Resource[] = [];
    const project = (ref: string, name: string, environment: Environment, line: number) => {
      out.push(makeResource(file, { id: `supabase:project/${ref}`, provider: 'supabase', type: 'project', name, environment, line, attributes: { platform: 'supabase', projectRef: ref } }));
      const a: DatabaseAttrs & DatabaseBackupAttrs = { platform: 'supabase', engine: 'postgres', hosts: [`db.${ref}.supabase.co`, `${ref}.supabase.co`], backupStorage: 'platform' };
      out.push(makeResource(file, { id: `supabase:database/${ref}`, provider: 'supabase', type: 'database', name: `${name} database`, environment, line, attributes: { ...a, project: `supabase:project/${ref}` } }));
    };
    const id = typeof value.project_id === 'string' ? value.project_id : undefined;
    // The top-level project_id is usually a local name; only a 20-letter ref is a hosted project.
    if (id && REF.test(id)) project(id, id, file.environment.environment, lineOf(file.text, /^project_id\s*=/m));
    const remotes = isRecord(value.remotes) ? value.remotes : {};
    for (const [name, r] of Object.entries(remotes)) {
      const ref = isRecord(r) && typeof r.project_id === 'string' ? r.project_id : undefined;
      if (ref && REF.test(ref)) project(ref, name, environmentOfName(name), lineOf(file.text, `remotes.${name}`));
    }
    const storage = isRecord(value.storage) ? value.storage : {};
    for (const [name, b] of Object.entries(isRecord(storage.buckets) ? storage.buckets : {})) {
      const a: BucketAttrs & Record<string, unknown> = { platform: 'supabase', public: isRecord(b) ? b.public === true : undefined, versioning: false };
      out.push(makeResource(file, { id: `supabase:bucket/${name}`, provider: 'supabase', type: 'bucket', name, environment: file.environment.environment, line: lineOf(file.text, `storage.buckets.${name}`), attributes: a }));
    }
    return { resources: out };
  },
  examples: [
    {
      // Supabase branching config: a production remote, and a public storage bucket.
      file: {
        path: 'supabase/config.toml',
        text: 'project_id = "shop"\n\n[db]\nport = 54322\nmajor_version = 15\n\n[storage.buckets.avatars]\npublic = true\n\n[remotes.production]\nproject_id = "abcdefghijklmnopqrst"\n\n[remotes.staging]\nproject_id = "tsrqponmlkjihgfedcba"\n',
      },
      expect: [
        { id: 'supabase:project/abcdefghijklmnopqrst', type: 'project', environment: 'production' },
        { id: 'supabase:database/abcdefghijklmnopqrst', type: 'database', environment: 'production', attributes: { hosts: ['db.abcdefghijklmnopqrst.supabase.co', 'abcdefghijklmnopqrst.supabase.co'], backupStorage: 'platform' } },
        { id: 'supabase:project/tsrqponmlkjihgfedcba', environment: 'staging' },
        { id: 'supabase:bucket/avatars', type: 'bucket', attributes: { public: true } },
      ],
      reject: ['supabase:project/shop'],
    },
    {
      // Near-miss: the local-only default config (`supabase init`) names no hosted project.
      file: { path: 'supabase/config.toml', text: 'project_id = "my-app"\n\n[api]\nenabled = true\nport = 54321\n' },
      expect: [],
      reject: ['supabase:*'],
    },
  ],
};

export default parser;
