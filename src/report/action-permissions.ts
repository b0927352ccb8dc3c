// The GITHUB_TOKEN scopes a job's steps need, for a table of well-known actions (from each action's README) and for
// `run:` steps that do not touch the token, and composite actions in the repository by their own steps. Anything else — an action not in the table, a script that uses the token,
// pushes with the checkout's credentials or asks for an OIDC token — cannot be inferred, and is said so: no guessing.
// https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';

/** A scope map: `contents: read`, `id-token: write`. */
export type Scopes = Record<string, 'read' | 'write'>;
/** A step's `with:` inputs as strings. */
type Inputs = Record<string, string>;

const NONE = (): Scopes => ({});
/** OIDC: the step assumes a cloud identity with `id-token: write` when it is given a role and no static key. */
const oidcWhen =
  (role: string, staticKey: string) =>
  (w: Inputs): Scopes =>
    w[role] && !w[staticKey] ? { 'id-token': 'write' } : NONE();
const CODE_SCANNING = (): Scopes => ({ 'security-events': 'write', actions: 'read', contents: 'read' });
// `${{ secrets.GITHUB_TOKEN }}` or `${{ github.token }}`; matched anywhere in the text, which errs towards "cannot infer".
const USES_TOKEN = /\b(?:secrets\s*\.\s*GITHUB_TOKEN|github\s*\.\s*token)\b/i;

/** Action (owner/repo[/path], lower case, without @ref) → the scopes it needs given its inputs. */
export const ACTION_SCOPES: Record<string, (w: Inputs) => Scopes> = {
  'actions/checkout': () => ({ contents: 'read' }),
  'actions/setup-node': NONE,
  'actions/setup-python': NONE,
  'actions/setup-go': NONE,
  'actions/setup-java': NONE,
  'actions/setup-dotnet': NONE,
  'actions/cache': NONE,
  'actions/cache/restore': NONE,
  'actions/cache/save': NONE,
  'actions/upload-artifact': NONE,
  // Artifacts of another run are read with a token given as `github-token`: actions: read.
  'actions/download-artifact': (w) => (w['github-token'] ? { actions: 'read' } : NONE()),
  'actions/upload-pages-artifact': NONE,
  'actions/deploy-pages': () => ({ pages: 'write', 'id-token': 'write' }),
  'actions/labeler': () => ({ contents: 'read', 'pull-requests': 'write' }),
  'github/codeql-action/init': CODE_SCANNING,
  'github/codeql-action/autobuild': CODE_SCANNING,
  'github/codeql-action/analyze': CODE_SCANNING,
  'github/codeql-action/upload-sarif': CODE_SCANNING,
  'softprops/action-gh-release': () => ({ contents: 'write' }),
  'aws-actions/configure-aws-credentials': oidcWhen('role-to-assume', 'aws-access-key-id'),
  'google-github-actions/auth': oidcWhen('workload_identity_provider', 'credentials_json'),
  'azure/login': oidcWhen('client-id', 'creds'),
  'docker/setup-buildx-action': NONE,
  'docker/setup-qemu-action': NONE,
  'docker/metadata-action': NONE,
  'docker/build-push-action': NONE,
  // Logging in to GHCR with the job's own token is for pushing images.
  'docker/login-action': (w) => (/^ghcr\.io$/i.test(w.registry ?? '') && USES_TOKEN.test(w.password ?? '') ? { packages: 'write' } : NONE()),
  // It cancels earlier runs through the REST API with the job's token; GitHub's permissions table: "actions: write
  // permits an action to cancel a workflow run". A token of its own (`access_token`) needs nothing of the job's.
  'styfle/cancel-workflow-action': (w) => (w.access_token && !USES_TOKEN.test(w.access_token) ? NONE() : { actions: 'write' }),
  'pnpm/action-setup': NONE,
  'oven-sh/setup-bun': NONE,
  'astral-sh/setup-uv': NONE,
  'ruby/setup-ruby': NONE,
  'dtolnay/rust-toolchain': NONE,
  'swatinem/rust-cache': NONE,
  'hashicorp/setup-terraform': NONE,
};

/** Commands in a script that use the GITHUB_TOKEN without naming it: the checkout's stored credentials, OIDC. */
const IMPLICIT_TOKEN = /\bgit\s+push\b|--provenance\b|\bACTIONS_ID_TOKEN_REQUEST_(?:TOKEN|URL)\b/;

const text = (n: unknown): string | undefined => (isScalar(n) && n.value !== null && typeof n.value !== 'object' ? String(n.value) : undefined);
const get = (n: unknown, key: string): unknown => (isMap(n) ? n.items.find((p) => text(p.key) === key)?.value : undefined);

/** Every scalar under a node, as text. */
function scalars(n: unknown): string[] {
  if (isScalar(n)) return text(n) === undefined ? [] : [text(n)!];
  if (isMap(n)) return n.items.flatMap((p) => [...scalars(p.key), ...scalars(p.value)]);
  if (isSeq(n)) return n.items.flatMap(scalars);
  return [];
}
export const referencesToken = (n: unknown): boolean => scalars(n).some((s) => USES_TOKEN.test(s));

/** A local action's `action.yml` (its text), by the path a step `uses:` (`./.github/actions/setup`). */
export type ReadAction = (path: string) => string | undefined;
type Result = { scopes: Scopes } | { unknown: string };

/** Scopes a job needs, or why they cannot be inferred (the first step that defeats it). */
export function jobScopes(job: Node, workflowEnv: unknown, readAction: ReadAction = () => undefined): Result {
  if (text(get(job, 'uses'))) return { unknown: `it calls the reusable workflow ${text(get(job, 'uses'))}` };
  if (referencesToken(workflowEnv)) return { unknown: 'the workflow-level env passes the token to every step' };
  if (isMap(job)) {
    for (const p of job.items) {
      if (text(p.key) !== 'steps' && referencesToken(p.value)) return { unknown: `its ${text(p.key)} uses the token` };
    }
  }
  return stepsScopes(get(job, 'steps'), readAction, 0);
}

/** A composite action in the repository is read like a job's steps (two levels deep at most). */
function localAction(path: string, readAction: ReadAction, depth: number): Result {
  const raw = depth < 2 ? readAction(path) : undefined;
  const doc = raw === undefined ? undefined : parseDocument(raw);
  if (!doc || doc.errors.length) return { unknown: `its action.yml could not be read` };
  const runs = get(doc.contents, 'runs');
  if (text(get(runs, 'using')) !== 'composite') return { unknown: `it is a ${text(get(runs, 'using')) ?? 'non-composite'} action, whose code is not read` };
  if (referencesToken(get(doc.contents, 'inputs'))) return { unknown: 'an input defaults to the token' };
  return stepsScopes(get(runs, 'steps'), readAction, depth + 1);
}

function stepsScopes(steps: unknown, readAction: ReadAction, depth: number): Result {
  const scopes: Scopes = {};
  for (const [i, step] of (isSeq(steps) ? steps.items : []).entries()) {
    const uses = text(get(step, 'uses'));
    const label = `step ${i + 1}${text(get(step, 'name')) ? ` (${text(get(step, 'name'))})` : ''}`;
    let needed: Scopes;
    if (uses?.startsWith('./')) {
      const r = localAction(uses, readAction, depth);
      if ('unknown' in r) return { unknown: `${label} uses ${uses}: ${r.unknown}` };
      needed = r.scopes;
    } else if (uses) {
      const action = uses.split('@')[0]!.toLowerCase();
      const of = ACTION_SCOPES[action];
      if (!of) return { unknown: `${label} uses ${uses.split('@')[0]}, which is not in the table of actions whose permissions are known` };
      const w = get(step, 'with');
      const inputs: Inputs = isMap(w) ? Object.fromEntries(w.items.map((p) => [text(p.key) ?? '', text(p.value) ?? ''])) : {};
      if (referencesToken(get(step, 'env'))) return { unknown: `${label} passes the token to ${action} in env` };
      needed = of(inputs);
    } else {
      if (referencesToken(step)) return { unknown: `${label} uses the token in a script` };
      const run = text(get(step, 'run')) ?? '';
      if (IMPLICIT_TOKEN.test(run)) return { unknown: `${label} runs ${IMPLICIT_TOKEN.exec(run)![0]}, which uses the token` };
      needed = {};
    }
    for (const [k, v] of Object.entries(needed)) if (scopes[k] !== 'write') scopes[k] = v;
  }
  return { scopes };
}
