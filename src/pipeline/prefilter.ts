// The keyword prefilter of the credential rules: every rule declares the literals (`keywords`) that any text it can
// match contains; one pass of an Aho-Corasick automaton over a file finds which of them occur, and only the rules they
// select run their regular expressions there. The same pass records where the anchor keywords of anchored rules
// (CredentialRule.anchor) occur, so those rules try their pattern only there. Data-driven: new rules and keywords need
// no change here.

/**
 * A case-insensitive (ASCII folding, as a non-unicode `/i` RegExp does) multi-literal matcher: an Aho-Corasick
 * automaton compiled to a dense transition table, so finding every keyword in a file is one pass over its characters.
 */
export class KeywordMatcher {
  /** Per UTF-16 code unit: its character class (0 for every character in no keyword). */
  readonly #classOf = new Uint8Array(65536);
  readonly #delta: Int32Array;
  /** The keyword ids that end at a state (own and via failure links); #outOf maps a state to 1 + its index, or 0. */
  readonly #out: number[][];
  readonly #outOf: Int32Array;
  /** Per output index: the positional keyword ids among its keywords, whose every occurrence is reported. */
  readonly #positionalOut: Array<number[] | undefined> = [];
  readonly #stamp: Uint32Array;
  #generation = 0;

  constructor(
    readonly keywords: readonly string[],
    positional: ReadonlySet<number> = new Set(),
  ) {
    // Character classes: one per distinct (lower-cased) keyword character, 0 for everything else.
    let classes = 1;
    for (const k of keywords)
      for (let i = 0; i < k.length; i++) {
        const c = k.charCodeAt(i);
        if (c >= 128) throw new Error(`keyword ${JSON.stringify(k)} is not ASCII`);
        if (this.#classOf[c] === 0) {
          const cls = classes++;
          this.#classOf[c] = cls;
          const lower = String.fromCharCode(c).toLowerCase().charCodeAt(0);
          const upper = String.fromCharCode(c).toUpperCase().charCodeAt(0);
          if (lower < 128) this.#classOf[lower] = cls;
          if (upper < 128) this.#classOf[upper] = cls;
        }
      }
    if (classes > 255) throw new Error('too many keyword characters');
    // The trie.
    const next: Array<Map<number, number>> = [new Map()];
    const outs: Array<number[] | undefined> = [undefined];
    keywords.forEach((k, id) => {
      let s = 0;
      for (let i = 0; i < k.length; i++) {
        const cls = this.#classOf[k.charCodeAt(i)]!;
        let t = next[s]!.get(cls);
        if (t === undefined) {
          t = next.length;
          next.push(new Map());
          outs.push(undefined);
          next[s]!.set(cls, t);
        }
        s = t;
      }
      (outs[s] ??= []).push(id);
    });
    // Failure links breadth-first, folded into a full transition table.
    const n = next.length;
    const delta = new Int32Array(n * classes);
    const fail = new Int32Array(n);
    const queue: number[] = [];
    for (let cls = 1; cls < classes; cls++) {
      const t = next[0]!.get(cls);
      if (t !== undefined) {
        delta[cls] = t;
        queue.push(t);
      }
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      const f = fail[s]!;
      if (outs[f]) outs[s] = [...(outs[s] ?? []), ...outs[f]!];
      for (let cls = 0; cls < classes; cls++) {
        const t = next[s]!.get(cls);
        if (t !== undefined) {
          fail[t] = delta[f * classes + cls]!;
          delta[s * classes + cls] = t;
          queue.push(t);
        } else delta[s * classes + cls] = delta[f * classes + cls]!;
      }
    }
    // Premultiplied: a state is stored as its row offset, so a step is one load; complemented (negative) when keywords
    // end there, so a step that finds none costs no second load.
    for (let i = 0; i < delta.length; i++) delta[i] = outs[delta[i]!] ? ~(delta[i]! * classes) : delta[i]! * classes;
    this.#delta = delta;
    this.#out = [];
    this.#outOf = new Int32Array(n * classes);
    for (let st = 0; st < n; st++)
      if (outs[st]) {
        this.#out.push(outs[st]!);
        const pos = outs[st]!.filter((id) => positional.has(id));
        this.#positionalOut.push(pos.length ? pos : undefined);
        this.#outOf[st * classes] = this.#out.length;
      }
    this.#stamp = new Uint32Array(this.#out.length + 1);
  }

  /**
   * Calls `hit` once for each distinct keyword id found in the text, and `at` for every occurrence of a positional
   * keyword, with the offset of its last character.
   */
  scan(text: string, hit: (id: number) => void, at?: (id: number, end: number) => void): void {
    const gen = ++this.#generation;
    if (gen === 0xffffffff) {
      this.#stamp.fill(0);
      this.#generation = 0;
      return this.scan(text, hit, at);
    }
    const positionalOut = this.#positionalOut;
    const classOf = this.#classOf;
    const delta = this.#delta;
    const outOf = this.#outOf;
    const stamp = this.#stamp;
    let s = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const t = delta[s + classOf[text.charCodeAt(i)]!]!;
      if (t >= 0) {
        s = t;
        continue;
      }
      s = ~t;
      const o = outOf[s]!;
      if (stamp[o] !== gen) {
        stamp[o] = gen;
        for (const id of this.#out[o - 1]!) hit(id);
      }
      const pos = positionalOut[o - 1];
      if (pos !== undefined && at !== undefined) for (const id of pos) at(id, i);
    }
  }
}

export interface PrefilterScan {
  /** The selected rule indexes, ascending. */
  selected: number[];
  /** Per anchor group (in the order given to the constructor): the offsets where its keywords occur, by their ends. */
  anchors: number[][];
}

/**
 * Which rules (by index in the list given) a text selects: those with a keyword in it, and those with no keywords;
 * and where each anchor group's keywords occur.
 */
export class KeywordPrefilter {
  readonly #matcher: KeywordMatcher | undefined;
  /** Per keyword id: the indexes of the rules it selects, and of the anchor groups it belongs to. */
  readonly #rulesOfKeyword: number[][] = [];
  readonly #groupsOfKeyword: number[][] = [];
  readonly #lengthOf: number[] = [];
  readonly #always: number[] = [];
  readonly #size: number;
  readonly #groups: number;

  constructor(keywordLists: ReadonlyArray<readonly string[]>, anchorGroups: ReadonlyArray<readonly string[]> = []) {
    this.#size = keywordLists.length;
    this.#groups = anchorGroups.length;
    const ids = new Map<string, number>();
    const idOf = (kw: string): number => {
      const k = kw.toLowerCase();
      let id = ids.get(k);
      if (id === undefined) {
        id = ids.size;
        ids.set(k, id);
        this.#rulesOfKeyword.push([]);
        this.#groupsOfKeyword.push([]);
        this.#lengthOf.push(k.length);
      }
      return id;
    };
    keywordLists.forEach((keywords, index) => {
      if (keywords.length === 0) {
        this.#always.push(index);
        return;
      }
      for (const kw of keywords) {
        const list = this.#rulesOfKeyword[idOf(kw)]!;
        if (list[list.length - 1] !== index) list.push(index);
      }
    });
    const positional = new Set<number>();
    anchorGroups.forEach((keywords, group) => {
      for (const kw of keywords) {
        const id = idOf(kw);
        positional.add(id);
        const list = this.#groupsOfKeyword[id]!;
        if (list[list.length - 1] !== group) list.push(group);
      }
    });
    this.#matcher = ids.size ? new KeywordMatcher([...ids.keys()], positional) : undefined;
  }

  scan(text: string): PrefilterScan {
    const hit = new Uint8Array(this.#size);
    for (const i of this.#always) hit[i] = 1;
    const anchors: number[][] = Array.from({ length: this.#groups }, () => []);
    this.#matcher?.scan(
      text,
      (id) => {
        for (const i of this.#rulesOfKeyword[id]!) hit[i] = 1;
      },
      (id, end) => {
        const at = end - this.#lengthOf[id]! + 1;
        for (const g of this.#groupsOfKeyword[id]!) anchors[g]!.push(at);
      },
    );
    const selected: number[] = [];
    for (let i = 0; i < hit.length; i++) if (hit[i]) selected.push(i);
    return { selected, anchors };
  }

  /** The selected rule indexes, ascending. */
  selected(text: string): number[] {
    return this.scan(text).selected;
  }
}
