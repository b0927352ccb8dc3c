// NuGet.org API keys: oy2 + 43 lower-case base32-ish characters. https://learn.microsoft.com/en-us/nuget/nuget-org/scoped-api-keys
import type { CredentialRule } from '../../src/core/types.js';
import { highEntropy, lettersAndDigits } from './shared.js';

export const nugetApiKey: CredentialRule = {
  meta: {
    id: 'nuget-api-key',
    title: 'NuGet.org API key',
    severity: 'high',
    summary: 'NuGet.org API key (oy2 prefix) with push/unlist scopes over some or all of the owner\'s packages.',
    provider: 'nuget',
    credentialType: 'api-key',
    help: {
      why: 'A NuGet API key with push scope publishes new versions — malicious ones included — of the packages matching its glob; unlist scope can hide every version.',
      fix: 'Delete or regenerate the key (nuget.org → API Keys), scope replacements to specific packages with an expiry, and use trusted publishing from CI.',
      references: ['https://learn.microsoft.com/en-us/nuget/nuget-org/scoped-api-keys', 'https://learn.microsoft.com/en-us/nuget/nuget-org/publish-a-package'],
    },
  },
  keywords: ['oy2'],
  pattern: /\b(oy2[a-z0-9]{43})(?![A-Za-z0-9_-])/,
  secretGroup: 1,
  validate: (v) => lettersAndDigits(v.slice(3), 4) && highEntropy(v.slice(3), 4),
  examples: {
    positive: ['dotnet nuget push app.nupkg --api-key oy2dq85agtrmyxehpgnznw9c32hk1f353rlvovzz80bxtv --source https://api.nuget.org/v3/index.json'],
    negative: ['NUGET_API_KEY=oy2dq85agtrmyxehpgnznw9c32hk1f353rlvovzz80bxt', 'NUGET_API_KEY=oy2dq85agtrmyxehpgnznw9c32hk1f353rlvovzz80bxtvq'],
  },
};

export default [nugetApiKey];
