// The suggested `permissions:` for workflow-excessive-permissions: scopes inferred from the table of known actions,
// shared ones at workflow level and the rest on their job; the value replaced in its own style; and every case where it
// cannot infer or cannot edit safely answered with its reason, not a guess.
import { describe, expect, it } from 'vitest';
import { applyReplacements } from '../src/report/replacements.js';
import { suggestWorkflowPermissions } from '../src/report/workflow-permissions.js';
import { jobScopes } from '../src/report/action-permissions.js';
import { parseDocument, type Node } from 'yaml';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanDirectory } from '../src/scan.js';
import { suggestionsFor } from '../src/report/suggested-fixes.js';

const PATH = '.github/workflows/ci.yml';
function edited(text: string, line = 1): string {
  const s = suggestWorkflowPermissions(PATH, text, line);
  if ('reason' in s) throw new Error(s.reason);
  return applyReplacements(text, s.replacements);
}
const scopesOf = (job: string) => jobScopes(parseDocument(job).contents as Node, undefined);

describe('workflow permissions suggestion', () => {
  it('write-all at workflow level: the scope every job needs stays there, the code-scanning job gets its own', () => {
    const text =
      'on: push\n# broad\npermissions: write-all\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm test\n  codeql:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: github/codeql-action/analyze@v3\n';
    expect(edited(text)).toBe(
      'on: push\n# broad\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm test\n  codeql:\n    runs-on: ubuntu-latest\n    permissions:\n      actions: read\n      contents: read\n      security-events: write\n    steps:\n      - uses: actions/checkout@v4\n      - uses: github/codeql-action/analyze@v3\n',
    );
    const s = suggestWorkflowPermissions(PATH, text, 1);
    expect('change' in s && s.change).toBe('permissions: workflow contents: read; job codeql actions: read, contents: read, security-events: write');
  });

  it('a job-level write-all with a comment after it becomes a flow map, the comment kept; a block map is replaced in place', () => {
    const job = 'on: push\npermissions: {}\njobs:\n  release:\n    runs-on: ubuntu-latest\n    permissions: write-all   # for the release\n    steps:\n      - uses: softprops/action-gh-release@v2\n';
    expect(edited(job, 4)).toBe(job.replace('write-all   #', '{ contents: write }   #'));
    const block = 'on: push\npermissions:\n    contents: write\n    id-token: write\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n  b:\n    steps:\n      - uses: actions/checkout@v4\n';
    expect(edited(block)).toBe(block.replace('    contents: write\n    id-token: write\n', '    contents: read\n'));
  });

  it('no step uses the token: permissions: {}', () => {
    expect(edited('on: push\njobs:\n  a:\n    steps:\n      - run: make\n')).toBe('on: push\npermissions: {}\njobs:\n  a:\n    steps:\n      - run: make\n');
    expect(edited('on: push\npermissions:\n  contents: write\njobs:\n  a:\n    steps:\n      - run: make\n  b:\n    steps:\n      - run: make\n')).toBe(
      'on: push\npermissions: {}\njobs:\n  a:\n    steps:\n      - run: make\n  b:\n    steps:\n      - run: make\n',
    );
  });

  it('scopes from the inputs of well-known actions: OIDC only with a role and no static key, GHCR pushes with the job token', () => {
    expect(scopesOf('steps:\n  - uses: aws-actions/configure-aws-credentials@v4\n    with:\n      role-to-assume: arn:aws:iam::1:role/ci\n')).toEqual({ scopes: { 'id-token': 'write' } });
    expect(scopesOf('steps:\n  - uses: aws-actions/configure-aws-credentials@v4\n    with:\n      aws-access-key-id: ${{ secrets.KEY }}\n      role-to-assume: x\n')).toEqual({ scopes: {} });
    expect(scopesOf('steps:\n  - uses: docker/login-action@v3\n    with:\n      registry: ghcr.io\n      password: ${{ secrets.GITHUB_TOKEN }}\n')).toEqual({ scopes: { packages: 'write' } });
    expect(scopesOf('steps:\n  - uses: docker/login-action@v3\n    with:\n      registry: ghcr.io\n      password: ${{ secrets.PAT }}\n')).toEqual({ scopes: {} });
    expect(scopesOf('steps:\n  - uses: actions/checkout@v4\n  - uses: actions/deploy-pages@v4\n')).toEqual({ scopes: { contents: 'read', pages: 'write', 'id-token': 'write' } });
  });

  it('says why it cannot infer, and edits nothing', () => {
    const wf = (jobs: string) => `on: push\njobs:\n${jobs}`;
    const reason = (text: string, line = 1) => suggestWorkflowPermissions(PATH, text, line);
    expect(reason(wf('  a:\n    steps:\n      - uses: acme/do-things@v1\n'))).toEqual({
      reason: 'could not infer the permissions job a needs: step 1 uses acme/do-things, which is not in the table of actions whose permissions are known; not edited',
    });
    expect(reason(wf('  a:\n    steps:\n      - name: tag\n        run: git tag v1 && git push --tags\n'))).toEqual({
      reason: 'could not infer the permissions job a needs: step 1 (tag) runs git push, which uses the token; not edited',
    });
    expect(reason(wf('  a:\n    steps:\n      - run: gh pr list\n        env:\n          GH_TOKEN: ${{ github.token }}\n'))).toEqual({ reason: 'could not infer the permissions job a needs: step 1 uses the token in a script; not edited' });
    expect(reason(wf('  a:\n    uses: ./.github/workflows/build.yml\n'))).toEqual({ reason: 'could not infer the permissions job a needs: it calls the reusable workflow ./.github/workflows/build.yml; not edited' });
    expect(reason(wf('  a:\n    container:\n      image: ghcr.io/acme/ci\n      credentials:\n        password: ${{ secrets.GITHUB_TOKEN }}\n    steps:\n      - run: make\n'))).toEqual({
      reason: 'could not infer the permissions job a needs: its container uses the token; not edited',
    });
    expect(reason('on: push\nenv:\n  GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\njobs:\n  a:\n    steps:\n      - run: make\n')).toEqual({
      reason: 'could not infer the permissions job a needs: the workflow-level env passes the token to every step; not edited',
    });
  });

  it('a composite action in the repository is read for its steps; a JavaScript one, or one it cannot read, stops the inference', () => {
    const actions: Record<string, string> = {
      './.github/actions/deps': 'name: deps\nruns:\n  using: composite\n  steps:\n    - uses: actions/cache@v4\n      with:\n        path: .yarn/cache\n    - run: yarn install\n      shell: bash\n',
      './.github/actions/tag': 'name: tag\ninputs:\n  token:\n    default: ${{ github.token }}\nruns:\n  using: composite\n  steps:\n    - run: git push --tags\n      shell: bash\n',
      './.github/actions/js': 'name: js\nruns:\n  using: node20\n  main: index.js\n',
    };
    const read = (path: string) => actions[path];
    const job = (uses: string) => parseDocument(`steps:\n  - uses: actions/checkout@v4\n  - uses: ${uses}\n`).contents as Node;
    expect(jobScopes(job('./.github/actions/deps'), undefined, read)).toEqual({ scopes: { contents: 'read' } });
    expect(jobScopes(job('./.github/actions/tag'), undefined, read)).toEqual({ unknown: 'step 2 uses ./.github/actions/tag: an input defaults to the token' });
    expect(jobScopes(job('./.github/actions/js'), undefined, read)).toEqual({ unknown: 'step 2 uses ./.github/actions/js: it is a node20 action, whose code is not read' });
    expect(jobScopes(job('./.github/actions/none'), undefined, read)).toEqual({ unknown: 'step 2 uses ./.github/actions/none: its action.yml could not be read' });
  });

  it('keeps CRLF line endings', () => {
    const text = 'on: push\r\npermissions: write-all\r\njobs:\r\n  a:\r\n    steps:\r\n      - uses: actions/checkout@v4\r\n';
    expect(edited(text)).toBe(text.replace('permissions: write-all', 'permissions:\r\n  contents: read'));
  });

  it('leaves malformed and flow-style workflows alone', () => {
    expect(suggestWorkflowPermissions(PATH, 'on: push\njobs:\n  a: [\n', 1)).toEqual({ reason: 'not valid YAML; not edited' });
    expect(suggestWorkflowPermissions(PATH, 'on: push\njobs: { a: { steps: [] } }\n', 1)).toEqual({ reason: 'the workflow or its jobs are not block mappings; not edited' });
    expect(suggestWorkflowPermissions(PATH, 'on: push\njobs:\n  a: { permissions: write-all }\n', 3)).toEqual({ reason: 'line 3 is not a job written as a block mapping with its own permissions; not edited' });
  });

  it('in a scan, the composite action is read from the scanned folder, and a path out of it is not read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'br-wfperm-'));
    try {
      mkdirSync(join(dir, '.github/workflows'), { recursive: true });
      mkdirSync(join(dir, '.github/actions/deps'), { recursive: true });
      writeFileSync(join(dir, '.github/actions/deps/action.yml'), 'runs:\n  using: composite\n  steps:\n    - run: yarn install\n      shell: bash\n');
      writeFileSync(join(dir, '.github/workflows/a.yml'), 'on: push\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n      - uses: ./.github/actions/deps\n');
      writeFileSync(join(dir, '.github/workflows/b.yml'), 'on: push\njobs:\n  b:\n    steps:\n      - uses: ./../outside\n');
      const { suggestions, skipped } = suggestionsFor(await scanDirectory(dir));
      expect([...suggestions.values()].map((x) => `${x.path}: ${x.change}`)).toEqual(['.github/workflows/a.yml: permissions: workflow contents: read']);
      expect(skipped).toEqual([{ path: '.github/workflows/b.yml', reason: 'could not infer the permissions job b needs: step 1 uses ./../outside: its action.yml could not be read; not edited' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
