// Custom credential rules from the config file (`customRules`). Each becomes a CredentialRule placed before the
// generic rules. The regex is compiled and checked for catastrophic backtracking (recheck) when the config is loaded:
// a config file can come from the repository being scanned, so an unsafe pattern is refused, not run.
import { recheckSync } from '../core/lazy-deps.js';
import type { CredentialRule, Severity } from '../core/types.js';
import { shannonEntropy } from '../core/text.js';

export interface CustomRuleConfig {
  id: string;
  regex: string;
  /** Lower-case literals; the rule runs only on files containing one of them. */
  keywords?: string[];
  /** Minimum Shannon entropy (bits per character) of the secret. */
  entropy?: number;
  severity?: Severity;
  description?: string;
  /** Capture group holding the secret; default: 1 when the pattern has a capture group, else the whole match. */
  secretGroup?: number;
  /** Provider name for reports (default "custom"). */
  provider?: string;
}

/** A problem with one custom rule: the key path (for the file:line message) and what is wrong. */
export interface CustomRuleError {
  key: Array<string | number>;
  message: string;
}

const FLAG_PREFIX = /^\(\?([ims]+)\)/;

/** Splits a Go/PCRE-style leading `(?i)` into JavaScript flags. */
export function toJsRegex(source: string): { source: string; flags: string } {
  const m = FLAG_PREFIX.exec(source);
  if (!m) return { source, flags: '' };
  return { source: source.slice(m[0].length), flags: [...new Set(m[1]!)].join('') };
}

const checkCache = new Map<string, CustomRuleError['message'] | undefined>();

/** Why a pattern cannot be used (invalid, or can backtrack catastrophically), or undefined when it is fine. */
export function regexProblem(regex: string): string | undefined {
  if (checkCache.has(regex)) return checkCache.get(regex);
  const result = computeRegexProblem(regex);
  checkCache.set(regex, result);
  return result;
}

function computeRegexProblem(regex: string): string | undefined {
  const { source, flags } = toJsRegex(regex);
  try {
    new RegExp(source, flags + 'gd');
  } catch (e) {
    const msg = (e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    return `invalid regular expression: ${msg}`;
  }
  if (source.length === 0) return 'invalid regular expression: empty pattern';
  if (new RegExp(source, flags).test('')) return 'the regular expression matches the empty string; it must match the secret';
  const diag = recheckSync()(source, flags, { timeout: 5000 });
  if (diag.status === 'vulnerable')
    return `unsafe regular expression: it can backtrack catastrophically (${diag.complexity.summary} time on crafted input); remove nested or overlapping repetition such as (a+)+ or (a|a)*`;
  if (diag.status === 'unknown')
    return `unsafe regular expression: cannot prove it free of catastrophic backtracking (${diag.error.kind}); simplify it`;
  return undefined;
}

/** Validates the `customRules` list: every problem, in order. `builtInIds` are rule ids a custom rule may not reuse. */
export function validateCustomRules(rules: readonly CustomRuleConfig[], builtInIds: ReadonlySet<string> = new Set()): CustomRuleError[] {
  const errors: CustomRuleError[] = [];
  const seen = new Set<string>();
  rules.forEach((r, i) => {
    if (builtInIds.has(r.id)) errors.push({ key: ['customRules', i, 'id'], message: `"${r.id}" is already a built-in rule id; choose another` });
    else if (seen.has(r.id)) errors.push({ key: ['customRules', i, 'id'], message: `"${r.id}" is used by an earlier custom rule` });
    seen.add(r.id);
    const problem = regexProblem(r.regex);
    if (problem) {
      errors.push({ key: ['customRules', i, 'regex'], message: problem });
      return;
    }
    if (r.secretGroup !== undefined) {
      const { source, flags } = toJsRegex(r.regex);
      const groups = new RegExp(`${source}|`, flags).exec('')!.length - 1;
      if (r.secretGroup > groups)
        errors.push({ key: ['customRules', i, 'secretGroup'], message: `the regex has ${groups} capture group${groups === 1 ? '' : 's'}; secretGroup ${r.secretGroup} does not exist` });
    }
  });
  return errors;
}

/** One custom rule as a CredentialRule. The config must have been validated. */
export function toCredentialRule(r: CustomRuleConfig): CredentialRule {
  const { source, flags } = toJsRegex(r.regex);
  const pattern = new RegExp(source, flags);
  const groups = new RegExp(`${source}|`, flags).exec('')!.length - 1;
  const minEntropy = r.entropy;
  const description = r.description ?? `Custom rule ${r.id} from the config file.`;
  return {
    meta: {
      id: r.id,
      title: r.description ?? r.id,
      severity: r.severity ?? 'high',
      summary: description,
      provider: r.provider ?? 'custom',
      credentialType: r.id,
      help: {
        why: `${description} Defined in the blastradius config file (customRules).`,
        fix: 'Rotate the credential and load it at run time from a secret manager instead of the repository.',
        references: ['schema/config.schema.json'],
      },
    },
    keywords: (r.keywords ?? []).map((k) => k.toLowerCase()),
    pattern,
    secretGroup: r.secretGroup ?? (groups > 0 ? 1 : 0),
    ...(minEntropy !== undefined ? { validate: (value: string) => shannonEntropy(value) >= minEntropy } : {}),
    examples: { positive: [], negative: [] },
  };
}

/** Whether a built-in rule is one of the generic (provider-less) rules that custom rules go before. */
function isGeneric(rule: CredentialRule): boolean {
  return rule.meta.provider === 'generic' || rule.meta.id.startsWith('generic-');
}

const merged = new WeakMap<readonly CredentialRule[], WeakMap<readonly CustomRuleConfig[], CredentialRule[]>>();

/** The rule set with custom rules inserted before the generic rules (cached, so the engine is compiled once). */
export function withCustomRules(rules: CredentialRule[], custom: readonly CustomRuleConfig[] | undefined): CredentialRule[] {
  if (!custom?.length) return rules;
  let byCustom = merged.get(rules);
  if (!byCustom) merged.set(rules, (byCustom = new WeakMap()));
  const hit = byCustom.get(custom);
  if (hit) return hit;
  const at = rules.findIndex(isGeneric);
  const extra = custom.map(toCredentialRule);
  const out = at === -1 ? [...rules, ...extra] : [...rules.slice(0, at), ...extra, ...rules.slice(at)];
  byCustom.set(custom, out);
  return out;
}
