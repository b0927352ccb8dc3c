// Reading values out of @cdktf/hcl2json output: literals, `var.`/`local.` references resolved within the module folder
// (sibling files and `*.tfvars`, see terraform-vars.ts),
// references to other resources, nested blocks, and IAM policy documents (jsonencode, heredoc JSON,
// data.aws_iam_policy_document). Anything else is left undefined: unknown, not guessed.
import { parseHcl } from './hcl-guard.js';

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** hcl2json renders a nested block as an array of objects; this returns the first (or the object itself). */
export function block(body: unknown, key: string): Obj | undefined {
  const v = isObj(body) ? body[key] : undefined;
  if (Array.isArray(v)) return isObj(v[0]) ? v[0] : undefined;
  return isObj(v) ? v : undefined;
}

export function blocks(body: unknown, key: string): Obj[] {
  const v = isObj(body) ? body[key] : undefined;
  if (Array.isArray(v)) return v.filter(isObj);
  return isObj(v) ? [v] : [];
}

const WHOLE_EXPR = /^\$\{([^{}]*)\}$/;
const REF = /^\s*(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)(?:\[[^\]]*\])?(?:\.([a-z_]+))?/;

export interface Reference {
  /** `aws_s3_bucket` or `data.aws_iam_policy_document`. */
  type: string;
  name: string;
  attribute?: string;
}

/** `variable "x" { default = … }` values of one parsed file. */
export function variableDefaults(json: Obj): Obj {
  const out: Obj = {};
  for (const [name, defs] of Object.entries(isObj(json.variable) ? json.variable : {})) {
    const d = Array.isArray(defs) ? defs[0] : defs;
    if (isObj(d) && 'default' in d) out[name] = d.default;
  }
  return out;
}

/** `locals { … }` values of one parsed file. */
export function localsOf(json: Obj): Obj {
  const out: Obj = {};
  for (const l of Array.isArray(json.locals) ? json.locals : [json.locals]) if (isObj(l)) Object.assign(out, l);
  return out;
}

export class HclScope {
  readonly #vars: Obj = {};
  readonly #locals: Obj = {};
  readonly #docs = new Map<string, unknown>();

  /**
   * `inherited`: values from the rest of the module folder — variable defaults and locals declared in sibling files,
   * and `*.tfvars` values, which override defaults (Terraform's precedence).
   */
  constructor(
    readonly json: Obj,
    inherited: { vars?: Obj; locals?: Obj } = {},
  ) {
    Object.assign(this.#vars, variableDefaults(json), inherited.vars);
    Object.assign(this.#locals, inherited.locals, localsOf(json));
  }

  /** A literal value (string, number, boolean, list, map), with `var.x`/`local.x` resolved; undefined if not literal. */
  lit(v: unknown, depth = 0): unknown {
    if (depth > 5) return undefined;
    if (typeof v !== 'string') return v;
    const whole = WHOLE_EXPR.exec(v);
    if (whole) {
      const expr = whole[1]!.trim();
      const m = /^(var|local)\.([A-Za-z_][\w-]*)$/.exec(expr);
      if (!m) return undefined;
      const value = m[1] === 'var' ? this.#vars[m[2]!] : this.#locals[m[2]!];
      return value === undefined ? undefined : this.lit(value, depth + 1);
    }
    if (!v.includes('${')) return v;
    // Interpolated string: all parts must resolve.
    let unresolved = false;
    const out = v.replace(/\$\{([^{}]*)\}/g, (_all, expr: string) => {
      const r = this.lit(`\${${expr}}`, depth + 1);
      if (r === undefined || typeof r === 'object') {
        unresolved = true;
        return '';
      }
      return String(r);
    });
    return unresolved ? undefined : out;
  }

  str(v: unknown): string | undefined {
    const r = this.lit(v);
    return typeof r === 'string' ? r : typeof r === 'number' ? String(r) : undefined;
  }

  bool(v: unknown): boolean | undefined {
    const r = this.lit(v);
    if (typeof r === 'boolean') return r;
    if (r === 'true' || r === 'false') return r === 'true';
    return undefined;
  }

  num(v: unknown): number | undefined {
    const r = this.lit(v);
    if (typeof r === 'number') return r;
    if (typeof r === 'string' && /^\d+(?:\.\d+)?$/.test(r)) return Number(r);
    return undefined;
  }

  /** Text for names and environment hints: unresolved interpolations become their expression (`${var.env}` → `var.env`). */
  text(v: unknown, depth = 0): string | undefined {
    if (typeof v !== 'string') return typeof v === 'number' ? String(v) : undefined;
    const resolved = this.str(v);
    if (resolved !== undefined || depth > 5) return resolved;
    return v.replace(/\$\{([^{}]*)\}/g, (all, e: string) => {
      const lit = this.str(`\${${e}}`);
      if (lit !== undefined) return lit;
      const local = /^\s*local\.([A-Za-z_][\w-]*)\s*$/.exec(e);
      const raw = local ? this.#locals[local[1]!] : undefined;
      return typeof raw === 'string' ? (this.text(raw, depth + 1) ?? all) : all;
    });
  }

  /** `${aws_s3_bucket.x.id}` → { type: 'aws_s3_bucket', name: 'x', attribute: 'id' }. */
  ref(v: unknown): Reference | undefined {
    if (typeof v !== 'string') return undefined;
    const whole = WHOLE_EXPR.exec(v);
    const m = whole ? REF.exec(whole[1]!) : undefined;
    if (!m || m[2] === 'var' || m[2] === 'local' || m[2] === 'module' || m[2] === 'each' || m[2] === 'count') return undefined;
    return { type: m[1] ? `data.${m[2]}` : m[2]!, name: m[3]!, ...(m[4] ? { attribute: m[4] } : {}) };
  }

  /** Every resource reference inside a value (lists, interpolations). */
  refs(v: unknown): Reference[] {
    if (Array.isArray(v)) return v.flatMap((x) => this.refs(x));
    if (typeof v !== 'string') return [];
    const single = this.ref(v);
    if (single) return [single];
    const out: Reference[] = [];
    for (const m of v.matchAll(/\$\{([^{}]*)\}/g)) {
      const r = this.ref(`\${${m[1]}}`);
      if (r) out.push(r);
    }
    return out;
  }

  /** Registers `data "aws_iam_policy_document"` blocks so `policy = data.aws_iam_policy_document.x.json` resolves. */
  loadPolicyDocuments(): void {
    const data = isObj(this.json.data) ? this.json.data : {};
    const docs = isObj(data.aws_iam_policy_document) ? data.aws_iam_policy_document : {};
    for (const [name, defs] of Object.entries(docs)) {
      const body = Array.isArray(defs) ? defs[0] : defs;
      const statements = blocks(body, 'statement').map((s) => {
        const st: Obj = { Effect: this.str(s.effect) ?? 'Allow' };
        if (s.sid) st.Sid = this.text(s.sid);
        if (s.actions) st.Action = s.actions;
        if (s.not_actions) st.NotAction = s.not_actions;
        if (s.resources) st.Resource = s.resources;
        if (s.not_resources) st.NotResource = s.not_resources;
        const principals = blocks(s, 'principals');
        if (principals.length) st.Principal = Object.fromEntries(principals.map((p) => [String(p.type), p.identifiers]));
        const conditions = blocks(s, 'condition');
        if (conditions.length) {
          const c: Obj = {};
          for (const cond of conditions) c[String(cond.test)] = { ...(isObj(c[String(cond.test)]) ? (c[String(cond.test)] as Obj) : {}), [String(cond.variable)]: cond.values };
          st.Condition = c;
        }
        return st;
      });
      this.#docs.set(name, { Version: '2012-10-17', Statement: statements });
    }
  }

  /** A policy document from `jsonencode({...})`, heredoc/literal JSON or a policy-document data source. */
  async policy(v: unknown): Promise<unknown> {
    if (isObj(v)) return v;
    if (typeof v !== 'string') return undefined;
    const r = this.ref(v);
    if (r?.type === 'data.aws_iam_policy_document') return this.#docs.get(r.name);
    const enc = /^\$\{\s*jsonencode\(([\s\S]*)\)\s*\}$/.exec(v.trim());
    if (enc) {
      try {
        const parsed = await parseHcl('policy.tf', `policy = ${enc[1]}\n`);
        return isObj(parsed.policy) ? parsed.policy : undefined;
      } catch {
        return undefined;
      }
    }
    const literal = this.str(v) ?? (v.trim().startsWith('{') ? v : undefined);
    if (!literal) return undefined;
    try {
      return JSON.parse(literal) as unknown;
    } catch {
      return undefined;
    }
  }
}
