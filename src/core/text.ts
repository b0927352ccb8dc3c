// Small text utilities shared by extractors and parsers.

/** Maps string offsets to 1-based line/column. Built once per file. */
export class LineIndex {
  readonly #starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.#starts.push(i + 1);
  }

  get lineCount(): number {
    return this.#starts.length;
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.#starts[lo]! + 1 };
  }

  /** Offset of the start of a 1-based line. */
  offsetOf(line: number): number {
    return this.#starts[Math.min(Math.max(line, 1), this.#starts.length) - 1]!;
  }

  /** The text of a 1-based line, without its newline. */
  line(line: number): string {
    const start = this.offsetOf(line);
    const end = line < this.#starts.length ? this.#starts[line]! - 1 : this.text.length;
    return this.text.slice(start, end).replace(/\r$/, '');
  }

  /** Lines [line - before, line + after], joined. */
  window(line: number, before: number, after: number): string {
    const from = this.offsetOf(Math.max(1, line - before));
    const toLine = line + after + 1;
    const to = toLine <= this.#starts.length ? this.#starts[toLine - 1]! : this.text.length;
    return this.text.slice(from, to);
  }
}

const ASCII_COUNTS = new Uint32Array(128);

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (!value) return 0;
  // Hot (every candidate value and hint word): ASCII values are counted in a reused array.
  if (/^[\x00-\x7f]*$/.test(value)) {
    let h = 0;
    for (let i = 0; i < value.length; i++) ASCII_COUNTS[value.charCodeAt(i)]!++;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      const c = ASCII_COUNTS[code]!;
      if (c === 0) continue;
      ASCII_COUNTS[code] = 0;
      const p = c / value.length;
      h -= p * Math.log2(p);
    }
    return h;
  }
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / value.length;
    h -= p * Math.log2(p);
  }
  return h;
}

const PLACEHOLDER_WORDS =
  /(?:change[-_ ]?me|replace[-_ ]?me|your[-_ ]?(?:api[-_ ]?)?(?:key|token|secret|password)|example|placeholder|dummy|sample|redacted|insert[-_ ]|todo|fixme|<[^>]*>|\$\{[^}]*\}|\$\(|\{\{[^}]*\}\}|%\([a-z_]+\)s|x{6,}|\*{4,}|\.{3}|…)/i;

/**
 * True for values that are templates or obvious stand-ins: `changeme`, `${VAR}`, `<token>`, `xxxx`,
 * `your-api-key`, repeated characters, or sequential runs.
 */
export function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER_WORDS.test(value)) return true;
  if (/^(.)\1+$/.test(value)) return true;
  // Long runs of one character (0000000, aaaaaaa) inside an otherwise key-shaped value — but only when the run is a
  // large part of it: real macaroons and some PATs carry runs of 'A' from zero bytes in their binary encoding.
  const run = /(.)\1{7,}/.exec(value);
  if (run && run[0].length * 4 >= value.length) return true;
  if (/(?:0123456789|abcdefghij|1234567890|ABCDEFGHIJ)/.test(value)) return true;
  return false;
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Upper-snake, camel and kebab names normalised to lower words: `railwayApiToken` → `railway api token`. */
export function nameWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Appends a value to the list a map holds under a key, starting the list when there is none. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The last segment of a repository-relative, `/`-separated path. */
export const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
/** Everything before the last `/` of a repository-relative path; '' at the root. */
export const dirname = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
