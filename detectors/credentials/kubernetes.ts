// Kubernetes credentials in files: kubeconfig users (`token:`, `client-key-data:`, `password:`) and Secret manifests
// (`kind: Secret` with base64 values under `data:`; the credential is the decoded value, reported when it looks
// machine-generated or is a key/credential document).
// https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/  https://kubernetes.io/docs/concepts/configuration/secret/
import type { CredentialRule, MatchContext } from '../../src/core/types.js';
import { decodeBase64, decodeJwtPayload, hasControlChars, isPlaceholderPassword, looksRandom, yamlDocumentOf, yamlParentKey } from './shared.js';
import { credentialNameKind } from './assigned.js';

const kubeHelp = {
  why: 'A kubeconfig credential acts as its user on the cluster — frequently cluster-admin — able to read every Secret, exec into pods and delete namespaces, volumes and workloads.',
  fix: 'Revoke the credential (delete the ServiceAccount token Secret or rotate the client certificate / cloud IAM binding), switch to short-lived exec-based auth (cloud CLI plugins), and keep kubeconfigs out of repositories.',
  references: ['https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/', 'https://kubernetes.io/docs/reference/access-authn-authz/authentication/'],
};

export function isKubeconfig(ctx: MatchContext): boolean {
  if (/(?:^|\/)(?:kubeconfig[^/]*|\.kube\/config)$/i.test(ctx.file.path)) return true;
  const t = ctx.file.text;
  return /^kind:[ \t]*["']?Config["']?[ \t]*$/m.test(t) && /^users:/m.test(t);
}

function serviceAccount(v: string): Record<string, string> {
  const c = decodeJwtPayload(v);
  if (!c) return { tokenFormat: 'opaque' };
  const attrs: Record<string, string> = { tokenFormat: 'jwt' };
  if (typeof c.sub === 'string') attrs.sub = c.sub;
  if (typeof c.iss === 'string') attrs.iss = c.iss;
  return attrs;
}

export const kubeconfigToken: CredentialRule = {
  meta: { id: 'kubeconfig-token', title: 'Kubeconfig bearer token', severity: 'critical', summary: 'Bearer token of a kubeconfig user (service-account JWT or static token).', provider: 'kubernetes', credentialType: 'kubeconfig-token', help: kubeHelp },
  keywords: ['token:'],
  pattern: /^[ \t]*(?:-[ \t]+)?token:[ \t]*["']?([^\s"'#]{16,4000})/m,
  secretGroup: 1,
  validate: (v, ctx) => isKubeconfig(ctx) && !v.startsWith('$') && looksRandom(v, 16),
  classify: (v) => ({ attributes: serviceAccount(v) }),
  examples: {
    positive: [
      {
        text: 'apiVersion: v1\nkind: Config\nclusters:\n- name: prod\n  cluster:\n    server: https://10.0.0.1:6443\nusers:\n- name: deployer\n  user:\n    token: gYqtIXL1M7iswSybhdg9.YvaV56WqQS9so51UK_Kz5VRhH0-A1xvZVGjwBsAN7-ww5sa_EV_ZCRHHFzT3\n',
        path: 'ops/kubeconfig',
      },
    ],
    negative: [{ text: 'users:\n- name: deployer\n  user:\n    token: ${KUBE_TOKEN}\n', path: '.kube/config' }, 'steps:\n  - uses: actions/checkout@v4\n    with:\n      token: ZJGuLfuDKVmC7RijSiwRTNAjjru6nd9j5y4iC4WA\n'],
  },
};

export const kubeconfigClientKey: CredentialRule = {
  meta: { id: 'kubeconfig-client-key', title: 'Kubeconfig client key', severity: 'critical', summary: 'Client certificate private key embedded in a kubeconfig (`client-key-data:`).', provider: 'kubernetes', credentialType: 'client-key', help: kubeHelp },
  keywords: ['client-key-data'],
  pattern: /client-key-data:[ \t]*["']?([A-Za-z0-9+/]{100,20000}={0,2})/,
  secretGroup: 1,
  validate: (v) => /PRIVATE KEY-----/.test(decodeBase64(v) ?? ''),
  classify: (v) => ({ value: (decodeBase64(v) ?? v).trim(), attributes: { format: 'pem' } }),
  examples: {
    positive: [
      {
        text: `users:\n- name: admin\n  user:\n    client-certificate-data: o4OStasf4uI587/soOM1tl+VmYqhgYzYTqNlLTrEacxL89j2zT+WJyY+z7zUFQATKJdBnMbi7UowxkKU4th2S0Pr0nq3Aw8afFBkMNwwEbhQ39UcSYCfhWg/\n    client-key-data: ${Buffer.from('-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEILsWUVKe61kkuBdaQ1ROaahHbwaLccZYGorKV96cOdsLAttyR/wjvvC+TM2ov\nOCsmxMuPjhT1KFT2v4+aknzRSST4h6B/+QHw6k56VS81kdv5ApuCEliz7igSIpYR\n-----END EC PRIVATE KEY-----\n').toString('base64')}\n`,
        path: '.kube/config',
      },
    ],
    negative: ['client-key-data: MBZ50W2Xj3bgb8Kah1uXt6whpKIKB5GtwiIqUZy2', `client-key-data: ${Buffer.from('-----BEGIN CERTIFICATE-----\nsCkgw95fzfsJY2K7ejPcKlaLmrhjnIgOBYHhSR4NDzucqhE1x4in6fbslHY9j0q4\nqMcUwbavM1i75D9JdMKXyTlmzx6Z3r3jnq5F+zzsVnWg30VCgt9smg+t2ZfxkPSw\n-----END CERTIFICATE-----\n').toString('base64')}`],
  },
};

export const kubeconfigPassword: CredentialRule = {
  meta: { id: 'kubeconfig-password', title: 'Kubeconfig basic-auth password', severity: 'critical', summary: 'Basic-auth password of a kubeconfig user.', provider: 'kubernetes', credentialType: 'kubeconfig-password', help: kubeHelp },
  keywords: ['password:'],
  pattern: /^[ \t]*password:[ \t]*["']?([^\s"'#]{4,1000})/m,
  secretGroup: 1,
  validate: (v, ctx) => isKubeconfig(ctx) && !isPlaceholderPassword(v),
  examples: {
    positive: [{ text: 'apiVersion: v1\nkind: Config\nusers:\n- name: admin\n  user:\n    username: admin\n    password: iGUSn8H6kvq88Huh0ME9\n', path: 'clusters/legacy.kubeconfig' }],
    negative: [{ text: 'users:\n- name: admin\n  user:\n    password: changeme\n', path: '.kube/config' }, 'database:\n  password: hTLslMwklPbXKwzdl4uf\n'],
  },
};

function secretMeta(doc: string): Record<string, string> {
  const out: Record<string, string> = {};
  const name = /^metadata:[\s\S]*?^[ \t]+name:[ \t]*["']?([\w.-]+)/m.exec(doc)?.[1];
  const ns = /^[ \t]+namespace:[ \t]*["']?([\w.-]+)/m.exec(doc)?.[1];
  if (name) out.secretName = name;
  if (ns) out.namespace = ns;
  return out;
}

function decodedSecret(v: string): string | undefined {
  const d = decodeBase64(v);
  if (!d || d.includes('\uFFFD')) return undefined;
  const t = d.trim();
  if (/-----BEGIN CERTIFICATE-----/.test(t) && !/PRIVATE KEY/.test(t)) return undefined;
  if (/PRIVATE KEY-----|"auths?"\s*:/.test(t)) return t;
  if (hasControlChars(t)) return undefined;
  return looksRandom(t, 12) ? t : undefined;
}

const BAD_BASE64 = '\0bad-base64';

function secretKey(ctx: MatchContext): string {
  return /^[ \t]+([\w.-]+):/.exec(ctx.line)?.[1] ?? '';
}

/**
 * A value under a credential-named key (`password`, `api-token`) counts when it decodes to a usable password, even a
 * short one; under such a key a value that does not decode is reported as it is written (BAD_BASE64).
 */
function namedSecret(v: string, ctx: MatchContext): string | undefined {
  if (!credentialNameKind(secretKey(ctx))) return undefined;
  const d = decodeBase64(v);
  if (d === undefined || d.includes('\uFFFD') || hasControlChars(d.trim())) return BAD_BASE64;
  const t = d.trim();
  return t.length >= 4 ? t : undefined;
}

export const k8sSecret: CredentialRule = {
  meta: {
    id: 'k8s-secret',
    title: 'Kubernetes Secret value',
    severity: 'high',
    summary: 'A base64 value under `data:` of a `kind: Secret` manifest that decodes to a high-entropy secret, key or registry login.',
    provider: 'kubernetes',
    credentialType: 'k8s-secret',
    help: {
      why: 'Secret manifests are only base64-encoded, not encrypted: committing one publishes the credentials inside (database passwords, API keys, TLS keys) to everyone with read access to the repository and its history.',
      fix: 'Rotate every value in the manifest, and commit only encrypted or referenced secrets (Sealed Secrets, SOPS, External Secrets Operator, or the cloud secret manager CSI driver).',
      references: ['https://kubernetes.io/docs/concepts/configuration/secret/', 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/'],
    },
  },
  keywords: ['kind: secret', 'kind: "secret"', "kind: 'secret'"],
  pattern: /^[ \t]+([\w.-]{1,253}):[ \t]*["']?([A-Za-z0-9+/]{8,65536}={0,2})["']?[ \t]*$/m,
  secretGroup: 2,
  validate: (v, ctx) => {
    if (!/^kind:[ \t]*["']?Secret["']?[ \t]*$/m.test(yamlDocumentOf(ctx))) return false;
    if (yamlParentKey(ctx) !== 'data') return false;
    const d = decodedSecret(v) ?? namedSecret(v, ctx);
    return d === BAD_BASE64 || (!!d && !isPlaceholderPassword(d));
  },
  classify: (v, ctx) => {
    const d = decodedSecret(v) ?? namedSecret(v, ctx);
    const attributes = { key: secretKey(ctx), ...secretMeta(yamlDocumentOf(ctx)) };
    // Bad input: a value that does not decode is still the manifest's secret, at the confidence its shape allows.
    if (d === BAD_BASE64 || d === undefined) return { value: v, attributes, confidence: 'low', reasons: ['the value under `data:` is not valid base64; reported as written'] };
    return { value: d, attributes };
  },
  examples: {
    positive: [
      {
        text: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: api-credentials\n  namespace: payments\ntype: Opaque\ndata:\n  username: ${Buffer.from('payments-api').toString('base64')}\n  api-key: ${Buffer.from('kiCRNcwqTajBeAKESnLhaKrhG5lbu5Gv').toString('base64')}\n`,
        path: 'k8s/secret.yaml',
      },
      { text: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ${Buffer.from('Tq8vLm2x').toString('base64')}\n`, path: 'k8s/db-secret.yaml' },
      // bad input: not base64 (length 4n+1), reported as written at low confidence
      { text: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: VHE4dkxtMng9x\n', path: 'k8s/broken-secret.yaml' },
    ],
    negative: [
      { text: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  username: ${Buffer.from('payments').toString('base64')}\n`, path: 'k8s/secret.yaml' },
      { text: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ${Buffer.from('changeme').toString('base64')}\n`, path: 'k8s/secret.yaml' },
      { text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  token: ${Buffer.from('081JW24w9zE6NGNbcrB5qgdIv6Adyq7M').toString('base64')}\n`, path: 'k8s/configmap.yaml' },
    ],
  },
};

export default [kubeconfigClientKey, kubeconfigToken, kubeconfigPassword, k8sSecret];
