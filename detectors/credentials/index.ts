// Every credential rule, in priority order: provider-specific rules first, generic rules last (when two rules match
// the same characters, the earlier one wins). Adding a provider = adding its module here.
import type { CredentialRule } from '../../src/types.js';
import github from './github.js';
import railway from './railway.js';

export const credentialRules: CredentialRule[] = [
  ...github,
  ...railway,
];
