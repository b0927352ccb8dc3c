// A unified diff of two versions of a file (line-based LCS; files edited by `fix` are small configuration files).
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  const a = before.split('\n');
  const b = after.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: Array<{ t: ' ' | '-' | '+'; s: string; ai: number; bi: number }> = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ t: ' ', s: a[i]!, ai: i++, bi: j++ });
    else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ t: '-', s: a[i]!, ai: i++, bi: j });
    else ops.push({ t: '+', s: b[j]!, ai: i, bi: j++ });
  }
  const out = [`--- a/${path}`, `+++ b/${path}`];
  for (let k = 0; k < ops.length; ) {
    if (ops[k]!.t === ' ') {
      k++;
      continue;
    }
    const start = Math.max(0, k - context);
    let end = k;
    while (end < ops.length) {
      if (ops[end]!.t !== ' ') end++;
      else {
        let run = end;
        while (run < ops.length && ops[run]!.t === ' ') run++;
        if (run - end > 2 * context || run === ops.length) {
          end = Math.min(ops.length, end + context);
          break;
        }
        end = run;
      }
    }
    const hunk = ops.slice(start, end);
    const aLen = hunk.filter((o) => o.t !== '+').length;
    const bLen = hunk.filter((o) => o.t !== '-').length;
    out.push(`@@ -${hunk[0]!.ai + (aLen ? 1 : 0)},${aLen} +${hunk[0]!.bi + (bLen ? 1 : 0)},${bLen} @@`);
    for (const o of hunk) out.push(`${o.t}${o.s}`);
    k = end;
  }
  return `${out.join('\n')}\n`;
}
