// Private key files and blocks. The credential's value is the whole key block, from the BEGIN line through the END
// line (normalised: `\n` escapes and CRLF become newlines, so the same key in a PEM file and in a JSON string is one
// credential). Public keys and certificates are not matched.
//   PEM / PKCS#1 / PKCS#8 / SEC1 / OpenSSH: RFC 7468, https://man.openbsd.org/ssh-keygen (PROTOCOL.key)
//   Encrypted keys (PKCS#8 ENCRYPTED, `Proc-Type: 4,ENCRYPTED`, OpenSSH with a cipher) are reported separately, lower.
//   PGP secret key blocks (RFC 4880 §6.2), PuTTY .ppk v2/v3, age identities (AGE-SECRET-KEY-1…, Bech32).
//
// Why the secret group is the BEGIN line: the engine drops any value holding 8 identical characters in a row (its
// placeholder filter), and every OpenSSH key body holds a run of `A`s (zero length fields in base64). So the pattern
// matches the whole block but captures only its first line, and validate/classify recover the block from the file
// (the window around the match is unique because it holds key material) and return it as the credential's value.
import type { CredentialRule, MatchContext } from '../../src/core/types.js';
import { bech32Valid } from './shared.js';

const KIND = '(?:RSA |EC |DSA |OPENSSH |ENCRYPTED |ED25519 |SSH2 )?';
// Body: anything up to the next `-----` (no nested quantifier: `-` is only taken when not followed by four more).
const BODY = '(?:[^-]|-(?!----))+';

/** The text of the block that starts on the matched line, recovered from the file (see the header comment). */
function recoverBlock(ctx: MatchContext, header: string, end: RegExp): string | undefined {
  const text = ctx.file.text;
  const w = text.indexOf(ctx.window);
  const base = w === -1 ? 0 : w;
  const lineAt = text.indexOf(ctx.line, base);
  const start = text.indexOf(header, lineAt === -1 ? base : lineAt);
  if (start === -1) return undefined;
  const e = new RegExp(end.source, 'g');
  e.lastIndex = start;
  const m = e.exec(text);
  return m ? text.slice(start, m.index + m[0].length) : undefined;
}

/** `\n` escapes, CRLF and string-concatenation noise removed: one canonical text per key. */
function normalise(block: string): string {
  return block
    .replace(/\\r\\n|\\n|\\r/g, '\n')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim().replace(/^["'`+,\s]+|["'`+,\s]+$/g, ''))
    .filter(Boolean)
    .join('\n');
}

/** The base64 body of a PEM block (header fields such as Proc-Type/DEK-Info and the armour lines removed). */
function pemBody(block: string): string {
  return normalise(block)
    .split('\n')
    .filter((l) => !l.startsWith('-----') && !/^[\w-]+:/.test(l))
    .join('')
    .replace(/[^A-Za-z0-9+/=]/g, '');
}

interface OpenSshInfo {
  cipher: string;
  keyType?: string;
}

/** Reads the cipher and key type from an `openssh-key-v1` body. */
function openSshInfo(body: string): OpenSshInfo | undefined {
  const buf = Buffer.from(body, 'base64');
  const magic = 'openssh-key-v1\0';
  if (buf.subarray(0, magic.length).toString('latin1') !== magic) return undefined;
  let pos = magic.length;
  const str = (): Buffer | undefined => {
    if (pos + 4 > buf.length) return undefined;
    const n = buf.readUInt32BE(pos);
    pos += 4;
    if (pos + n > buf.length) return undefined;
    const out = buf.subarray(pos, pos + n);
    pos += n;
    return out;
  };
  const cipher = str()?.toString('latin1');
  if (!cipher) return undefined;
  str(); // kdf name
  str(); // kdf options
  pos += 4; // number of keys
  const pub = str();
  let keyType: string | undefined;
  if (pub && pub.length > 4) {
    const n = pub.readUInt32BE(0);
    keyType = pub.subarray(4, 4 + n).toString('latin1');
  }
  return { cipher, keyType };
}

interface PemFacts {
  block: string;
  label: string;
  encrypted: boolean;
  keyType: string;
}

const PEM_END = /-----END [A-Z0-9 ]{0,20}PRIVATE KEY-----/;

function pemFacts(header: string, ctx: MatchContext): PemFacts | undefined {
  const raw = recoverBlock(ctx, header, PEM_END);
  if (!raw) return undefined;
  const block = normalise(raw);
  const label = /-----BEGIN ([A-Z0-9 ]*?)PRIVATE KEY-----/.exec(header)?.[1]?.trim() ?? '';
  const body = pemBody(block);
  if (body.length < 64) return undefined;
  let encrypted = label === 'ENCRYPTED' || /Proc-Type:\s*4,\s*ENCRYPTED/i.test(block);
  let keyType = ({ RSA: 'rsa', EC: 'ec', DSA: 'dsa', OPENSSH: 'openssh', ED25519: 'ed25519', ENCRYPTED: 'pkcs8', SSH2: 'ssh2' } as Record<string, string>)[label] ?? 'pkcs8';
  if (label === 'OPENSSH') {
    const info = openSshInfo(body);
    if (!info) return undefined;
    encrypted = info.cipher !== 'none';
    if (info.keyType) keyType = info.keyType;
  }
  return { block, label, encrypted, keyType };
}

const keyHelp = {
  why: 'A private key is the identity itself: whoever holds it can sign in to every server, repository or service that trusts the matching public key (SSH, deploy keys, TLS, code signing, JWT signing), with no password or second factor. Git history keeps it after deletion.',
  fix: 'Treat the key as compromised: remove its public half from every `authorized_keys`, deploy-key list, certificate and service that trusts it, generate a new key pair, and keep private keys out of repositories (an agent, a secret manager or a hardware key). Purge it from history.',
  references: ['https://www.rfc-editor.org/rfc/rfc7468', 'https://man.openbsd.org/ssh-keygen', 'https://docs.github.com/en/authentication/connecting-to-github-with-ssh/reviewing-your-ssh-keys'],
};

const RSA_BODY = 'MIIEpAIBAAKCAQEApyRJfwU3fg62/uHd6U9bH9OKkW6+nMosIca/M6Rwv3LFa9Rm\ngG3JyHME/kegSVM30dN4Kt9wnEQjI3q1K9i0lBO98bw5feqfpMCXqytj+x6NoJGV\nXCXW+SywmDE8xoA+I96GNWfQdz/JO9LHkbNNBzVBzfT2EdCTODlDWwHOdzFqUhQB\nxAfPRyZyFrH+1tI49bhN/mQ0S+v0WZicws/z1iPWtMntuoQ/0edx0RIOm6lkudoG\nW4CkMCGgrqJTG1ZAIKyu89HLNfQx9qGJPpuzZEzK==';

export const pemPrivateKey: CredentialRule = {
  meta: {
    id: 'private-key',
    title: 'Private key (unencrypted)',
    severity: 'critical',
    summary: 'Unencrypted PEM / OpenSSH private key block (RSA, EC, DSA, Ed25519, PKCS#8).',
    provider: 'private-key',
    credentialType: 'private-key',
    help: keyHelp,
  },
  keywords: ['private key-----'],
  pattern: new RegExp(`(-----BEGIN ${KIND}PRIVATE KEY-----)${BODY}-----END ${KIND}PRIVATE KEY-----`),
  secretGroup: 1,
  validate: (h, ctx) => {
    const f = pemFacts(h, ctx);
    return !!f && !f.encrypted;
  },
  classify: (h, ctx) => {
    const f = pemFacts(h, ctx);
    return f ? { value: f.block, attributes: { keyType: f.keyType, encrypted: 'false', format: f.label === 'OPENSSH' ? 'openssh' : 'pem' } } : undefined;
  },
  examples: {
    positive: [
      { text: `-----BEGIN RSA PRIVATE KEY-----\n${RSA_BODY}\n-----END RSA PRIVATE KEY-----\n`, path: 'deploy/id_rsa' },
      {
        text: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACB8dsv+9+Pp1IaDgspmCNNmJ/k05YoGEiufITbGe/Lx/wAAAJBX72MR/+e7\n5DDHqYqQLrF062FVQDqsaiMH/7hfHBGDvU7vOdF6Q4WuWtgtzATNO4/ltDxayMBs4UVSxX\nQsFHW4SrYWqNYoZAaN4g1THMY4G7bbDMkT7wfP1PIF4KfuqxC3635FsdeNYmeah3MwggWy\nCRP5B/a131LvmT9dj7rn04tS0XshZg21GFxCavWi9Qo=\n-----END OPENSSH PRIVATE KEY-----\n',
        path: '.ssh/id_ed25519',
      },
      `{"private_key": "-----BEGIN PRIVATE KEY-----\\n${RSA_BODY.replace(/\n/g, '\\n')}\\n-----END PRIVATE KEY-----\\n"}`,
    ],
    negative: [
      `-----BEGIN PUBLIC KEY-----\n${RSA_BODY}\n-----END PUBLIC KEY-----\n`,
      `-----BEGIN CERTIFICATE-----\n${RSA_BODY}\n-----END CERTIFICATE-----\n`,
      `-----BEGIN ENCRYPTED PRIVATE KEY-----\n${RSA_BODY}\n-----END ENCRYPTED PRIVATE KEY-----\n`,
      '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
    ],
  },
};

export const encryptedPrivateKey: CredentialRule = {
  meta: {
    id: 'private-key-encrypted',
    title: 'Private key (passphrase-protected)',
    severity: 'medium',
    summary: 'Passphrase-encrypted private key (PKCS#8 ENCRYPTED, Proc-Type 4,ENCRYPTED, or OpenSSH with a cipher).',
    provider: 'private-key',
    credentialType: 'encrypted-private-key',
    help: {
      ...keyHelp,
      why: 'An encrypted private key still needs its passphrase, but it can be attacked offline without limit; weak or reused passphrases (often stored beside the key) fall quickly. Treat it as exposed.',
    },
  },
  keywords: ['private key-----'],
  pattern: new RegExp(`(-----BEGIN ${KIND}PRIVATE KEY-----)${BODY}-----END ${KIND}PRIVATE KEY-----`),
  secretGroup: 1,
  validate: (h, ctx) => pemFacts(h, ctx)?.encrypted === true,
  classify: (h, ctx) => {
    const f = pemFacts(h, ctx);
    return f ? { value: f.block, attributes: { keyType: f.keyType, encrypted: 'true' } } : undefined;
  },
  examples: {
    positive: [
      `-----BEGIN ENCRYPTED PRIVATE KEY-----\n${RSA_BODY}\n-----END ENCRYPTED PRIVATE KEY-----\n`,
      `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,65A0C479DF5FFB62B1F5DE7FE3892814\n\n${RSA_BODY}\n-----END RSA PRIVATE KEY-----\n`,
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAACmFlczI1Ni1jdHIAAAAGYmNyeXB0AAAAGAAAABCHyy7O0m\ndhBgzycjufDwlMAAAAEAAAAAEAAAAzAAAAC3NzaC1lZDI1NTE5AAAAIFzSpMMJFq7wxud0\neZdqkrmq7wmx5CVfNj+1iD3ZJPLQAAAAkLTG5Xj55RXdzD5VSE8RfS2K0Z/ZII0KCCu/L2\nyxih1+G2t88twiEOkR5feYWRhqlm+ug2lt1BPCC8VSNwAdsmBgMrvJlcHV8NTiHvJFkYsb\n36CZ1DAA9geijQFBSsngOhSQLpiGsM148ZpkK7tAQi1g2sb2b+QRwQO1v6o0wCaBHTyxf+\n7y7xT2pdmiIel8Xg==\n-----END OPENSSH PRIVATE KEY-----\n',
    ],
    negative: [
      `-----BEGIN RSA PRIVATE KEY-----\n${RSA_BODY}\n-----END RSA PRIVATE KEY-----\n`,
      `-----BEGIN PUBLIC KEY-----\n${RSA_BODY}\n-----END PUBLIC KEY-----\n`,
    ],
  },
};

const PGP_END = /-----END PGP PRIVATE KEY BLOCK-----/;

export const pgpPrivateKey: CredentialRule = {
  meta: {
    id: 'pgp-private-key',
    title: 'PGP private key block',
    severity: 'high',
    summary: 'OpenPGP secret key block (BEGIN PGP PRIVATE KEY BLOCK).',
    provider: 'pgp',
    credentialType: 'private-key',
    help: {
      ...keyHelp,
      why: 'A PGP secret key signs as its owner (commits, releases, packages, email) and decrypts everything sent to them. Keys exported without protection need no passphrase.',
      fix: 'Revoke the key (publish its revocation certificate to keyservers and wherever the public key is trusted — GitHub, package registries, apt repositories), create a new one, and keep it off the repository.',
      references: ['https://www.rfc-editor.org/rfc/rfc4880#section-6.2', 'https://www.gnupg.org/gph/en/manual/c14.html'],
    },
  },
  keywords: ['pgp private key block'],
  pattern: new RegExp(`(-----BEGIN PGP PRIVATE KEY BLOCK-----)${BODY}-----END PGP PRIVATE KEY BLOCK-----`),
  secretGroup: 1,
  validate: (h, ctx) => {
    const b = recoverBlock(ctx, h, PGP_END);
    return !!b && pemBody(b).length >= 64;
  },
  classify: (h, ctx) => {
    const b = recoverBlock(ctx, h, PGP_END);
    return b ? { value: normalise(b) } : undefined;
  },
  examples: {
    positive: [`-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\nlQOYBFmEbr9pNc+C3OgF8ql4bQ+pHZ3mvZYruZBG1GUzBG6w1fa7Dd6brIt/xWgF\nyl6OS0Of7GjkIGHy9gC3wDk06FYzFHJ4yaXjZUwo0EdfdloZp6WCp3QPlqOoGGDa\nzLpOk8NlBvmQoHRCLdzbMQL/kwAnRra4x9bL6znxbFPToAA0G7p7u+zkZRCAf10N\n=H5Mw\n-----END PGP PRIVATE KEY BLOCK-----\n`],
    negative: [
      `-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBFCxeZzgFgtc9ANVbATx/gr5JVObyBTdjgEEJFQFsonVhyksfZlrk5nRRdfZ\nP/P77pdgCtXL5JS2fsaKenV+enx7Cqwjl1Q6EySnjU+228b3JB3J80vx0bfvae46\n-----END PGP PUBLIC KEY BLOCK-----\n`,
      '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n-----END PGP PRIVATE KEY BLOCK-----',
    ],
  },
};

const PPK_END = /Private-MAC: [0-9a-f]{40,64}/;

export const puttyPrivateKey: CredentialRule = {
  meta: {
    id: 'putty-private-key',
    title: 'PuTTY private key',
    severity: 'critical',
    summary: 'PuTTY private key file (PuTTY-User-Key-File-2/3 with Private-Lines).',
    provider: 'putty',
    credentialType: 'private-key',
    help: { ...keyHelp, references: ['https://the.earth.li/~sgtatham/putty/0.80/htmldoc/AppendixC.html', ...keyHelp.references.slice(1)] },
  },
  keywords: ['putty-user-key-file-'],
  // Only the first two lines are matched (a pattern spanning the whole file is polynomial on repeated headers);
  // validate recovers the block through `Private-MAC:` and requires `Private-Lines:` in it.
  pattern: /(PuTTY-User-Key-File-[23]: [\w@.-]{1,60})\r?\nEncryption: [\w-]{1,40}/,
  secretGroup: 1,
  validate: (h, ctx) => /Private-Lines:[ \t]*[0-9]+/.test(recoverBlock(ctx, h, PPK_END) ?? ''),
  classify: (h, ctx) => {
    const b = recoverBlock(ctx, h, PPK_END) ?? '';
    const enc = /Encryption:\s*([\w-]+)/.exec(b)?.[1] ?? 'unknown';
    return { value: normalise(b), attributes: { keyType: /: ([\w@.-]+)/.exec(h)?.[1] ?? 'unknown', encrypted: enc === 'none' ? 'false' : 'true', format: 'ppk' } };
  },
  examples: {
    positive: [
      {
        text: 'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy@ci\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAIOF3egISIKNUOxGohACtV6uZj4byKwK00Qr1ca+hh\ndfcyKI4f\nPrivate-Lines: 1\nAAAAIJTJ5oKZYtNDIDuhiIM24vnZaeteElRaqvqKwUHpcaJQ=\nPrivate-MAC: 5f42d060e6fbabcfb639c67ac57959936b77884597159b79b22ba0a933f735ab\n',
        path: 'keys/deploy.ppk',
      },
    ],
    negative: ['PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy@ci\nPublic-Lines: 2\nPrivate-MAC: 5d2ab09035981b92f8f91a0a5de3a7701f7de542869edb06746beff930f4b674\n', 'PuTTY-User-Key-File-3: ssh-ed25519'],
  },
};

export const ageSecretKey: CredentialRule = {
  meta: {
    id: 'age-secret-key',
    title: 'age secret key',
    severity: 'high',
    summary: 'age identity (AGE-SECRET-KEY-1…, Bech32 checksum verified): decrypts every file encrypted to it.',
    provider: 'age',
    credentialType: 'secret-key',
    help: {
      ...keyHelp,
      why: 'An age identity decrypts everything encrypted to its recipient — often SOPS-encrypted secret files that sit in the same repository.',
      fix: 'Generate a new identity (`age-keygen`), re-encrypt the files to the new recipient (`sops updatekeys`), rotate every secret those files held, and keep identities out of the repository.',
      references: ['https://age-encryption.org/v1', 'https://github.com/getsops/sops#encrypting-using-age'],
    },
  },
  keywords: ['age-secret-key-1'],
  pattern: /(?<![\w-])(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})(?![\w-])/,
  secretGroup: 1,
  validate: (v) => bech32Valid(v),
  examples: {
    positive: ['# created: 2024-05-01T10:00:00Z\n# public key: age173ymmb4bz6pk00849khbn863sex8284i8a2eg1wclcwqh4rp9fnr8kdojz\nAGE-SECRET-KEY-1V9FLEVHSGVQFFU0S6A5XYT5KZVPQFX4VPRXEC59NT6PL097XQPEQWQ7WY2\n'],
    negative: ['AGE-SECRET-KEY-1V9FLEVHSGVQFFU0S6A5XYT5KZVPQFX4VPRXEC59NT6PL097XQPEQWQ7WY3', 'AGE-SECRET-KEY-1SWSGR0ZPGM4U32HH84VH36CYX59HTF'],
  },
};

export default [encryptedPrivateKey, pemPrivateKey, pgpPrivateKey, puttyPrivateKey, ageSecretKey];
