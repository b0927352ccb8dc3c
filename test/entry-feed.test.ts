// The feed between the walk and the file pool: listeners hear every entry and the end, until they stop; `changed()`
// resolves once, at the next entry or the end.
import { describe, expect, it } from 'vitest';
import { EntryFeed } from '../src/parallel/pool.js';

const entry = (path: string, size: number) => ({ path, absPath: `/repo/${path}`, size, gitStatus: 'tracked' as const });

describe('EntryFeed', () => {
  it('keeps the entries and their bytes, and tells each listener of every entry and of the end until it stops', () => {
    const feed = new EntryFeed();
    const heard: string[] = [];
    const stopA = feed.watch(() => heard.push(`a${feed.entries.length}`));
    feed.watch(() => heard.push(`b${feed.entries.length}${feed.ended ? ' end' : ''}`));
    feed.push(entry('a.ts', 10));
    stopA();
    feed.push(entry('b.ts', 5));
    feed.end();
    expect(heard).toEqual(['a1', 'b1', 'b2', 'b2 end']);
    expect(feed.bytes).toBe(15);
    expect(feed.entries.map((e) => e.path)).toEqual(['a.ts', 'b.ts']);
  });

  it('resolves changed() at the next entry, once, and at the end with the walk error', async () => {
    const feed = new EntryFeed();
    const order: string[] = [];
    const first = feed.changed().then(() => order.push(`first ${feed.entries.length}`));
    feed.push(entry('a.ts', 1));
    feed.push(entry('b.ts', 1));
    await first;
    const last = feed.changed().then(() => order.push(`last ${feed.ended}`));
    const failure = new Error('EACCES');
    feed.end(failure);
    await last;
    expect(order).toEqual(['first 2', 'last true']);
    expect(feed.error).toBe(failure);
  });
});
