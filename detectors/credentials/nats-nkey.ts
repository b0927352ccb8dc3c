// NATS NKEY seeds: the private half of an Ed25519 (or curve) key pair NATS uses for users, accounts, operators,
// servers and clusters; also the seed inside a `.creds` file (`-----BEGIN USER NKEY SEED-----`).
// Format (https://github.com/nats-io/nkeys, "seed" encoding): base32 without padding of
// [0x90 | type>>5, (type & 31) << 3, 32 raw bytes, CRC-16/XMODEM little-endian], 58 characters, starting with `S` and
// the type letter (U user, A account, O operator, N server, C cluster, X curve, P private).
// A value whose checksum verifies is certain; one of the exact shape that does not verify (altered, truncated,
// an example) keeps its shape only and is reported at low confidence with that reason.
import type { CredentialRule, Match } from '../../src/core/types.js';

const TYPES: Record<string, string> = { U: 'user', A: 'account', O: 'operator', N: 'server', C: 'cluster', X: 'curve', P: 'private' };
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Decode(s: string): Uint8Array {
  const out: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const ch of s) {
    acc = (acc << 5) | B32.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >>> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** CRC-16/XMODEM (poly 0x1021, init 0), the checksum NKEYs carry. */
export function crc16Xmodem(data: Uint8Array): number {
  let crc = 0;
  for (const b of data) {
    crc ^= b << 8;
    for (let k = 0; k < 8; k++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** Whether a 58-character seed's CRC-16 matches its body. */
export function nkeySeedChecksumOk(seed: string): boolean {
  const bytes = base32Decode(seed);
  if (bytes.length !== 36) return false;
  const body = bytes.subarray(0, 34);
  return crc16Xmodem(body) === (bytes[34]! | (bytes[35]! << 8));
}

export const natsNkeySeed: CredentialRule = {
  meta: {
    id: 'nats-nkey-seed',
    title: 'NATS NKEY seed',
    severity: 'high',
    summary: 'NATS NKEY seed (`SU…`, `SA…`, `SO…`: user, account, operator…), CRC-16 verified.',
    provider: 'nats',
    credentialType: 'nkey-seed',
    help: {
      why: 'The seed is the private key: whoever holds it authenticates as that NATS user, or — for account and operator seeds — signs new user JWTs for every subject the account can reach.',
      fix: 'Generate a new key pair (`nsc generate nkey` / `nk -gen`), update the public key in the server or account JWT, revoke the old one, and load seeds and `.creds` files from a secret store, never from the repository.',
      references: ['https://docs.nats.io/running-a-nats-service/configuration/securing_nats/auth_intro/nkey_auth', 'https://github.com/nats-io/nkeys'],
    },
  },
  // A seed has no fixed literal of its own; files that hold one name NATS, nkeys, seeds or creds somewhere.
  keywords: ['nkey', 'seed', 'nats', 'nsc', 'creds'],
  pattern: /(?<![A-Za-z0-9])(S[UAONCXP][A-Z2-7]{56})(?![A-Za-z0-9])/,
  secretGroup: 1,
  // A run of one letter (`SAAAAA…`) is a placeholder, not a key.
  validate: (v) => new Set(v.slice(2)).size >= 12,
  classify: (v): Partial<Match> => {
    const kind = TYPES[v[1]!] ?? 'unknown';
    if (nkeySeedChecksumOk(v)) return { attributes: { kind, checksum: 'verified' } };
    return { confidence: 'low', attributes: { kind, checksum: 'CRC-16 does not verify (altered, truncated or an example)' } };
  },
  examples: {
    positive: [
      'seed: SUADSDEMPVZEONBM3AIA6L3PO4GWLVTQ4WHAGUOYV2HE63VMGQX4EMLSIA',
      '-----BEGIN USER NKEY SEED-----\nSAALPMEHC3VT7QJIS24WEIYXOSKCQ5ZTYKHOROSTXW2WXCBEK56VH3EKBQ\n------END USER NKEY SEED------',
      'const operatorSeed = "SOAMFCTQUYOHKEFBZWESC3FBNT74V2SJQ5DX5BW3ZS4XARX4FYMDQTT7GQ";',
    ],
    negative: [
      // a public user key (U…), not a seed
      'nkey: UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4',
      // placeholder
      'seed: SUAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      // one character short
      'seed: SUADSDEMPVZEONBM3AIA6L3PO4GWLVTQ4WHAGUOYV2HE63VMGQX4EMLSI',
    ],
  },
};

export default [natsNkeySeed];
