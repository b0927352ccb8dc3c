// Copies of scan results that share no memory with the file text they were cut from. V8 represents a substring of 13
// or more characters as a view into its parent, so one variable name kept from a file keeps the whole file alive;
// results live until the end of the scan, and without copying, a large tree's texts all stay in memory.

/** Strings up to this length are shared between copies (environment names, hosts, paths); longer ones are unique. */
const POOLED_MAX = 256;

export class Detacher {
  readonly #pool = new Map<string, string>();

  /**
   * A deep copy of arrays and plain objects with every string copied; other objects are kept as they are. An object
   * reached twice (one `signals` list shared by every use in a file) is copied once and stays shared.
   */
  copy<T>(value: T, seen = new Map<object, unknown>()): T {
    if (typeof value === 'string') return this.string(value) as T;
    if (value === null || typeof value !== 'object') return value;
    const done = seen.get(value);
    if (done !== undefined) return done as T;
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      seen.set(value, out);
      for (const v of value) out.push(this.copy(v, seen));
      return out as T;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return value;
    const out: Record<string, unknown> = {};
    seen.set(value, out);
    for (const k in value) {
      if (!Object.hasOwn(value, k)) continue;
      const v = this.copy((value as Record<string, unknown>)[k], seen);
      // An own `__proto__` key (JSON.parse makes one) must stay a key: assigning it would set the copy's prototype.
      if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      else out[k] = v;
    }
    return out as T;
  }

  string(s: string): string {
    if (s.length < SLICE_MIN) return s;
    if (s.length > POOLED_MAX) return fresh(s);
    let copy = this.#pool.get(s);
    if (copy === undefined) {
      copy = fresh(s);
      // Keyed by the copy: a key is kept, and the original may be a view into a file.
      this.#pool.set(copy, copy);
    }
    return copy;
  }
}

/** V8 copies shorter substrings instead of pointing into the parent. */
const SLICE_MIN = 13;

/** A string with its own storage: the concatenation is flattened into a new string, which the slice points into. */
function fresh(s: string): string {
  return (' ' + s).slice(1);
}
