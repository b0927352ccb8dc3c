// One-time-password seeds (TOTP/HOTP, RFC 6238/4226): the shared secret an authenticator app holds.
// Found in provisioning URIs (`otpauth://totp/Label?secret=BASE32…`, the Key URI Format of Google Authenticator) and
// as base32 strings handed to OTP libraries (pyotp, ROTP, otplib, speakeasy, Go's otp) or held under a secret-ish key
// in a file about OTP. Whoever has the seed generates every second-factor code for that account.
// https://github.com/google/google-authenticator/wiki/Key-Uri-Format  https://www.rfc-editor.org/rfc/rfc6238
import type { CredentialRule, MatchContext } from '../../src/core/types.js';

const OTP_CONTEXT = /\b(?:t|h)?otp\b|totp|hotp|authenticator|2fa|mfa|two[-_ ]?factor|one[-_ ]?time/i;
// At least four distinct symbols: `AAAAAAAAAAAAAAAA` and `ABABABAB…` are placeholders, and so are the words that
// libraries' documentation spells seeds with (pyotp's `base32secret3232`, `JBSWY3DPEHPK3PXP` = base32("Hello!")).
const PLACEHOLDER = /SECRET|BASE32|EXAMPLE|^JBSWY3DPEHPK3PXP/i;
const varied = (v: string): boolean => new Set(v.split('=')[0]).size >= 4 && !PLACEHOLDER.test(v);

export const otpauthUri: CredentialRule = {
  meta: {
    id: 'otpauth-uri-secret',
    title: 'TOTP/HOTP seed in an otpauth:// URI',
    severity: 'high',
    summary: '`otpauth://totp|hotp/…?secret=BASE32` provisioning URI (the second factor itself).',
    provider: 'otp',
    credentialType: 'otp-seed',
    help: {
      why: 'The seed generates every one-time code for the account: with it, a second factor is no factor. A provisioning URI in a repository, a test or a QR-code fixture hands it to everyone who can read the file.',
      fix: 'Reset the account\'s second factor (which issues a new seed), keep seeds in the authenticator or a secret store, and use generated seeds in tests.',
      references: ['https://github.com/google/google-authenticator/wiki/Key-Uri-Format', 'https://www.rfc-editor.org/rfc/rfc6238'],
    },
  },
  keywords: ['otpauth'],
  // The `secret` parameter, in a line holding a provisioning URI (plain or percent-encoded in a QR-code URL).
  pattern: /(?<=[?&;])secret=([A-Za-z2-7]{16,128}={0,6})(?![A-Za-z0-9])/i,
  secretGroup: 1,
  validate: (v, ctx) => varied(v) && /otpauth(?::|%3a)/i.test(ctx.line),
  examples: {
    positive: [
      "uri = 'otpauth://totp/Acme:ops%40acme.dev?secret=K7QZ3MWX2LPT6VNA&issuer=Acme'",
      'otpauth://hotp/build-bot?counter=0&secret=MZXW6YTBOI2TQ4RTKL',
    ],
    negative: ['otpauth://totp/Acme:ops?secret=AAAAAAAAAAAAAAAA', 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP', 'otpauth://totp/Acme:ops?secret=${OTP_SECRET}', 'otpauth://totp/Acme:ops?issuer=Acme'],
  },
};

function otpCall(ctx: MatchContext): boolean {
  return OTP_CONTEXT.test(ctx.line) || OTP_CONTEXT.test(ctx.file.path) || OTP_CONTEXT.test(ctx.window);
}

export const otpSeedLiteral: CredentialRule = {
  meta: {
    id: 'otp-seed-literal',
    title: 'TOTP/HOTP seed passed to an OTP library',
    severity: 'medium',
    summary: 'A base32 seed given to an OTP library (`pyotp.TOTP("…")`, `ROTP::TOTP.new("…")`) or held under a secret key beside OTP code.',
    provider: 'otp',
    credentialType: 'otp-seed',
    help: otpauthUri.meta.help,
  },
  // `secret` too: a test file about OTP may hold the seed under a plain `secret:` key (the path says OTP).
  keywords: ['otp', 'authenticator', '2fa', 'mfa', 'secret'],
  // A quoted upper-case base32 string of an authenticator's length (80+ bits), after a call or a key.
  pattern: /(?:(?:[th]otp|authenticator)\w{0,20}(?:\.new|\.generate|\.check|\.verify|\.totp|\.hotp)?\s{0,2}\(\s{0,2}|\bsecret\w{0,12}["']?\s{0,2}[:=]>?\s{0,2})["']([A-Z2-7]{16,128}={0,6})["']/i,
  secretGroup: 1,
  // Base32 seeds are upper-case and almost always carry a digit 2–7 at these lengths; an English word in capitals does not.
  validate: (v, ctx) => /^[A-Z2-7]+=*$/.test(v) && /[2-7]/.test(v) && varied(v) && otpCall(ctx),
  examples: {
    positive: [
      "totp = pyotp.TOTP('K7QZ3MWX2LPT6VNA')",
      "otp = ROTP::TOTP.new('MFRGG43FMZQW4ZLO3T', issuer: 'Acme')",
      { text: "export const fixture = {\n  secret: 'NB2W45DFOIZA4QDX2LJ7FQ3K',\n};", path: 'test/authenticator.test.ts' },
    ],
    negative: [
      "totp = pyotp.TOTP(os.environ['OTP_SECRET'])",
      // a base32 constant in a file with nothing about one-time passwords
      { text: "secret: 'NB2W45DFOIZA4QDX2LJ7FQ3K'", path: 'config/app.yml' },
      "totp = pyotp.TOTP('base32secret3232')",
    ],
  },
};

export default [otpauthUri, otpSeedLiteral];
