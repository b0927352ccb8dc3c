// What kind of file a credential candidate sits in (production code or config, a test, documentation, an example, a
// lockfile, generated or vendored code), from its path alone; and how that, with the value's shape, sets the
// candidate's confidence. Environment inference (production/staging/...) is src/pipeline/classify.ts's job, not this one's.
import { FILE_CONTEXTS, type Confidence, type FileContext, type FileKind } from '../core/types.js';
import { isWellKnownDefault } from '../core/well-known-passwords.js';
import { ciConfigFile } from './classify.js';

export interface ContextVerdict {
  context: FileContext;
  /** Why, in words a reviewer can check, e.g. "in a test fixture (path segment `fixtures/`)". */
  reason: string;
}

const LOCKFILE = /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.ya?ml|bun\.lockb?|Cargo\.lock|poetry\.lock|Pipfile\.lock|uv\.lock|composer\.lock|Gemfile\.lock|go\.sum|packages\.lock\.json|gradle\.lockfile|flake\.lock|mix\.lock|pubspec\.lock|Podfile\.lock|Package\.resolved|deno\.lock|[\w.-]+\.lock)$/;
const VENDORED = /(?:^|\/)(node_modules|vendor|third[_-]party|bower_components|site-packages|\.yarn|Pods|jspm_packages)\//;
const GENERATED = /(?:_gen\.(?:go|cue|py|ts)|\.min\.[cm]?js|\.map|\.tsbuildinfo|\.pb\.go|_pb2\.py|\.pb\.(?:cc|h)|\.generated\.\w+|\.g\.dart|\.designer\.cs)$|(?:^|\/)(__generated__|generated|dist)\//i;
const TEST_DIR = /(?:^|\/)(tests?|__tests__|specs?|testdata|test[_-]?data|fixtures?|__fixtures__|__mocks__|mocks?|e2e|testing|spec_helpers?|ReplayData|unittests?|integration[_-]?tests?)\//i;
const TEST_NAME = /(?:^|\/)(?:test_[^/]*|[^/]*(?:_test|_tests|_spec|\.test|\.spec|Tests?|Spec|IT)\.[a-z0-9]+|conftest\.py)$/;
const EXAMPLE_DIR = /(?:^|\/)(examples?|samples?|demos?|quickstarts?|tutorials?|playground|sandbox)\//i;
const EXAMPLE_NAME = /(?:\.(?:example|sample|dist|template|tpl|tmpl)(?:\.[\w]+)?|(?:^|\/|[._-])(?:example|sample|template)[._-][^/]*)$/i;
const DOCS_DIR = /(?:^|\/)(docs?|documentation|man|wiki|site|_site|website|old_docs)\//i;
const DOCS_EXT = /\.(?:md|mdx|markdown|rst|adoc|asciidoc|txt|ipynb|html?|tex|pod|rdoc)$/i;
const CONFIG_EXT = /\.(?:ya?ml|json5?|toml|ini|cfg|conf|config|properties|xml|plist|env|tfvars|hcl|tf|gradle|sbt|cnf|npmrc|pypirc|netrc|kube|service|creds)$/i;
const CONFIG_NAME = /(?:^|\/)(?:Dockerfile[^/]*|[^/]*\.dockerfile|Makefile|GNUmakefile|Vagrantfile|Procfile|Jenkinsfile|\.env[^/]*|\.[\w-]+rc|docker-compose[^/]*|compose\.ya?ml)$/i;
const CONFIG_KINDS = new Set<FileKind>(['env', 'terraform', 'workflow', 'compose', 'k8s', 'platform', 'credential-file', 'agent']);

/** The context of a file from its repository-relative path (and the walker's kind, when known). */
export function fileContextOf(path: string, kind?: FileKind): ContextVerdict {
  let m: RegExpExecArray | null;
  if ((m = LOCKFILE.exec(path))) return { context: 'lockfile', reason: `in a lockfile (\`${m[0].replace(/^\//, '')}\`)` };
  if ((m = VENDORED.exec(path))) return { context: 'vendored', reason: `in vendored third-party code (\`${m[1]}/\`)` };
  if ((m = GENERATED.exec(path))) return { context: 'generated', reason: m[1] ? `in generated output (\`${m[1]}/\`)` : 'in a generated or minified file' };
  if ((m = TEST_DIR.exec(path))) return { context: 'test', reason: `in a test fixture (\`${m[1]}/\`)` };
  if (TEST_NAME.test(path)) return { context: 'test', reason: 'in a test file' };
  if (ciConfigFile(path)) return { context: 'test', reason: 'in CI configuration (the stack tests run against)' };
  if ((m = EXAMPLE_DIR.exec(path))) return { context: 'example', reason: `in example code (\`${m[1]}/\`)` };
  if (EXAMPLE_NAME.test(path)) return { context: 'example', reason: 'in an example or template file' };
  if (DOCS_EXT.test(path)) return { context: 'docs', reason: 'in documentation' };
  if ((m = DOCS_DIR.exec(path))) return { context: 'docs', reason: `in documentation (\`${m[1]}/\`)` };
  if ((kind && CONFIG_KINDS.has(kind)) || CONFIG_EXT.test(path) || CONFIG_NAME.test(path)) return { context: 'config', reason: 'in a configuration file' };
  return { context: 'code', reason: 'in source code' };
}

/** Contexts where a credential is usually a sample, a fixture or someone else's: confidence drops one step. */
const SECONDARY: ReadonlySet<FileContext> = new Set(['test', 'docs', 'example', 'generated', 'vendored']);

export function isSecondaryContext(c: FileContext): boolean {
  return SECONDARY.has(c) || c === 'lockfile';
}

/** 0 for the place that matters most. */
export function contextRank(c: FileContext): number {
  return FILE_CONTEXTS.indexOf(c);
}

const STEP: Record<Confidence, Confidence> = { high: 'medium', medium: 'low', low: 'low' };

export interface Assessment {
  confidence: Confidence;
  context: FileContext;
  /** Why the confidence is what it is, most telling first. Never holds the value. */
  reasons: string[];
}

/**
 * The confidence of a candidate: what the rule could tell from the value (`base`), lowered one step outside
 * production code and config, and to low for a well-known default or a lockfile.
 */
export function assessCandidate(base: Confidence, path: string, kind: FileKind | undefined, value: string): Assessment {
  const { context, reason } = fileContextOf(path, kind);
  const reasons: string[] = [];
  let confidence = base;
  if (context === 'lockfile') {
    confidence = 'low';
    reasons.push(reason);
  } else if (SECONDARY.has(context)) {
    confidence = STEP[confidence];
    reasons.push(reason);
  }
  if (isWellKnownDefault(value)) {
    confidence = 'low';
    reasons.push('value is a well-known default password');
  }
  return { confidence, context, reasons };
}

/** "low: in a test fixture (`fixtures/`); value is a well-known default password". */
export function confidenceText(confidence: Confidence, reasons: readonly string[]): string {
  return reasons.length ? `${confidence}: ${reasons.join('; ')}` : confidence;
}
