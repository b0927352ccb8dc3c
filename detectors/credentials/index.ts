// Every credential rule, in priority order: provider-specific rules first, generic rules last (when two rules match
// the same characters, the earlier one wins). Adding a provider = adding its module and one line here.
import type { CredentialRule } from '../../src/types.js';
import github from './github.js';
import railway from './railway.js';
// group A: cloud, hosting, databases, source hosting, CI, registries
// (end group A imports)
// group B: payments, messaging, AI, observability, auth, keys, credential files
// (end group B imports)
// generic rules (always last)
// (end generic imports)

export const credentialRules: CredentialRule[] = [
  ...github,
  ...railway,
  // group A
  // (end group A)
  // group B
  // (end group B)
  // generic (always last)
  // (end generic)
];
