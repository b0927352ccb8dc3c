// `.pypirc` upload credentials: `password = …` under a `[pypi]`/`[testpypi]`/custom repository section.
// PyPI API tokens (`pypi-…`) are normally reported by the PyPI rule first. https://packaging.python.org/en/latest/specifications/pypirc/
import type { CredentialRule, MatchContext } from '../../src/core/types.js';
import { isPlaceholderPassword } from './shared.js';

const isPypirc = (ctx: MatchContext) => /(?:^|\/)\.?pypirc$/i.test(ctx.file.path) || (/^\[(?:distutils|pypi|testpypi)\]/m.test(ctx.file.text) && /^\s*repository\s*[:=]|index-servers/m.test(ctx.file.text));

export const pypircPassword: CredentialRule = {
  meta: {
    id: 'pypirc-password',
    title: 'Package index password in .pypirc',
    severity: 'high',
    summary: '`password =` in a .pypirc repository section (PyPI, TestPyPI or a private index).',
    provider: 'package-index',
    credentialType: 'upload-password',
    help: {
      why: 'The password or API token in .pypirc uploads new releases of the owner\'s projects — a poisoned release reaches everyone who installs them.',
      fix: 'Revoke the token on the index (pypi.org → Account settings → API tokens), use trusted publishing from CI or a keyring instead of .pypirc, and keep .pypirc out of repositories.',
      references: ['https://packaging.python.org/en/latest/specifications/pypirc/', 'https://docs.pypi.org/trusted-publishers/'],
    },
  },
  keywords: ['password'],
  pattern: /^[ \t]*password[ \t]*[:=][ \t]*(\S{4,1000})[ \t]*$/m,
  secretGroup: 1,
  validate: (v, ctx) => isPypirc(ctx) && !isPlaceholderPassword(v),
  classify: (_v, ctx) => {
    const before = ctx.file.text.slice(0, ctx.file.text.indexOf(ctx.line));
    const sections = [...before.matchAll(/^\[([^\]]+)\]/gm)];
    return { attributes: { repository: sections.length ? sections[sections.length - 1]![1]! : 'unknown' } };
  },
  examples: {
    positive: [{ text: '[distutils]\nindex-servers = internal\n\n[internal]\nrepository = https://pypi.acme-corp.io/\nusername = ci-bot\npassword = 3SEbjflnEr4pCOik56CouhzS\n', path: '.pypirc' }],
    negative: [{ text: '[pypi]\nusername = __token__\npassword = <your token>\n', path: '.pypirc' }, 'password = ZBXGDVd1FnPxpUQDLocf3urR'],
  },
};

export default [pypircPassword];
