// The live stage (--live): after static resolution, ask each credential's own provider, read-only, what the
// credential can do. Credentials whose provider is not certain are never sent anywhere.
import type { Credential, Diagnostic, Resource } from '../core/types.js';
import type { SecretVault } from '../core/secrets.js';
import type { LiveResolver } from './types.js';
import { LiveClient } from './http.js';
import { describeTarget } from './base-url.js';
import { applyLive } from './merge.js';
import { liveResolvers, ALLOWLIST } from '../../detectors/scopes/live/index.js';
import { pushTo } from '../core/text.js';

export interface LiveOptions {
  /** Only these provider ids (`--live-providers`); default: all. */
  providers?: string[];
  /** Called once, before any request, with what will be contacted. */
  onPlan?: (plan: LivePlanEntry[]) => void;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  concurrency?: number;
  /** For tests. */
  resolvers?: LiveResolver[];
}

export interface LivePlanEntry {
  provider: string;
  title: string;
  target: string;
  credentials: number;
}

export interface LiveStageResult {
  resources: Resource[];
  plan: LivePlanEntry[];
  client: LiveClient;
}

/** Which credentials go to which provider. A credential goes to at most one provider, and only if it accepts it. */
export function planLive(credentials: readonly Credential[], vault: SecretVault, options: LiveOptions): Array<{ resolver: LiveResolver; creds: Credential[] }> {
  const resolvers = (options.resolvers ?? liveResolvers).filter((r) => !options.providers?.length || options.providers.includes(r.provider.id));
  const out = new Map<LiveResolver, Credential[]>();
  for (const cred of credentials) {
    const token = vault.get(cred.fingerprint);
    if (!token) continue;
    const resolver = resolvers.find((r) => r.accepts(cred, token));
    if (resolver) pushTo(out, resolver, cred);
  }
  return [...out].map(([resolver, creds]) => ({ resolver, creds }));
}

export async function runLive(credentials: readonly Credential[], vault: SecretVault, options: LiveOptions, diagnostics: Diagnostic[]): Promise<LiveStageResult> {
  const env = options.env ?? process.env;
  const work = planLive(credentials, vault, options);
  const plan = work.map(({ resolver, creds }) => ({ provider: resolver.provider.id, title: resolver.provider.title, target: describeTarget(resolver.provider, env), credentials: creds.length }));
  options.onPlan?.(plan);
  const rules = options.resolvers ? options.resolvers.flatMap((r) => r.allow.filter((a) => a.provider === r.provider.id)) : ALLOWLIST;
  const client = new LiveClient({ rules, env, timeoutMs: options.timeoutMs, concurrency: options.concurrency });
  const resources: Resource[] = [];
  await Promise.all(
    work.flatMap(({ resolver, creds }) =>
      creds.map(async (cred) => {
        const token = vault.get(cred.fingerprint)!;
        const session = client.forCredential(resolver.provider, token);
        try {
          const result = await resolver.resolveLive(cred, token, session);
          if (result.summary) session.record(result.summary);
          applyLive(cred, result, session.evidence);
          resources.push(...(result.resources ?? []));
        } catch (e) {
          session.record(`live check stopped: ${(e as Error).message}`);
          applyLive(cred, { confirmed: false }, session.evidence);
          if ((e as Error).name === 'RefusedRequest')
            diagnostics.push({ path: cred.locations[0]?.path ?? '.', code: 'live-refused', message: vault.scrub(`${resolver.provider.id}: ${(e as Error).message}`) });
        }
      }),
    ),
  );
  return { resources: dedupe(resources), plan, client };
}

function dedupe(resources: Resource[]): Resource[] {
  const seen = new Set<string>();
  return resources.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}
