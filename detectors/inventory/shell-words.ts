// A small shell lexer: splits a script (a package.json script, a `run:` step, a .sh file) into simple commands with
// their words, quotes removed, comments dropped, `\`-continuations joined, `sh -c '…'` bodies expanded. It knows
// enough POSIX shell for command detection; it is not an interpreter.

export interface ShellCommand {
  /** Words with quotes removed; redirection operators (`>`, `>>`, `<`) are their own words. */
  words: string[];
  /** 1-based line of the command's first word within the script. */
  line: number;
  /** Commands joined by `|` share a pipeline number. */
  pipeline: number;
}

const SEPARATORS = new Set([';', '&', '|', '\n', '(', ')', '`']);

export function shellCommands(script: string, lineOffset = 0): ShellCommand[] {
  const out: ShellCommand[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let line = 1;
  let cmdLine = 1;
  let pipeline = 0;
  const endWord = () => {
    if (inWord) {
      if (!words.length) cmdLine = line;
      words.push(word);
    }
    word = '';
    inWord = false;
  };
  const endCommand = (pipe: boolean) => {
    endWord();
    if (words.length) out.push({ words, line: cmdLine + lineOffset, pipeline });
    words = [];
    if (!pipe) pipeline++;
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (c === '\\' && script[i + 1] === '\n') {
      i++;
      line++;
      continue;
    }
    if (c === '\\' && i + 1 < script.length) {
      word += script[i + 1];
      inWord = true;
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      const close = script.indexOf(c, i + 1);
      const end = close === -1 ? script.length : close;
      const body = script.slice(i + 1, end);
      word += c === '"' ? body.replace(/\\(["\\$`])/g, '$1') : body;
      for (const ch of body) if (ch === '\n') line++;
      inWord = true;
      i = end;
      continue;
    }
    if (c === '#' && !inWord) {
      const nl = script.indexOf('\n', i);
      i = (nl === -1 ? script.length : nl) - 1;
      continue;
    }
    if (c === '>' || c === '<') {
      if (inWord && !/^\d+$/.test(word)) endWord();
      else {
        word = '';
        inWord = false;
      }
      let op = c;
      if (script[i + 1] === c) op += script[++i];
      if (script[i + 1] === '&') {
        i++;
        while (/[\d-]/.test(script[i + 1] ?? '')) i++;
        continue; // 2>&1 — no target word
      }
      words.push(op);
      continue;
    }
    if (c === '$' && script[i + 1] === '(' && script[i + 2] !== '(') {
      endCommand(false);
      i++;
      continue;
    }
    if (SEPARATORS.has(c)) {
      const pipe = c === '|' && script[i + 1] !== '|';
      if ((c === '|' || c === '&') && script[i + 1] === c) i++;
      endCommand(pipe);
      if (c === '\n') line++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      continue;
    }
    if ((c === '{' || c === '}') && !inWord && /[\s;]/.test(script[i + 1] ?? ' ')) continue;
    word += c;
    inWord = true;
  }
  endCommand(false);
  // Expand `sh -c '…'` / `bash -c "…"` bodies into their own commands.
  const expanded: ShellCommand[] = [];
  for (const cmd of out) {
    expanded.push(cmd);
    const base = cmd.words[0]?.replace(/^.*\//, '');
    const ci = cmd.words.indexOf('-c');
    if (base && /^(?:sh|bash|zsh|dash)$/.test(base) && ci > 0 && cmd.words[ci + 1]) {
      expanded.push(...shellCommands(cmd.words[ci + 1]!, cmd.line - 1).map((c) => ({ ...c, pipeline: cmd.pipeline + 0.5 })));
    }
  }
  return expanded;
}

const WRAPPERS = new Set(['sudo', 'exec', 'time', 'nohup', 'env', 'command', 'npx', 'bunx', 'pnpx', 'xargs']);
const RUNNERS_WITH_DASHDASH = new Set(['doppler', 'op', 'infisical', 'dotenv', 'dotenvx', 'chamber', 'aws-vault', 'cross-env']);

export interface SimpleCommand {
  /** Words from the real command on, with wrappers and leading assignments removed. */
  args: string[];
  /** Leading `NAME=value` assignments (values kept for env hints; never reported). */
  assigns: Record<string, string>;
}

/** Strips `sudo`, `npx`, `pnpm exec`, `doppler run --`, `railway run`, `bundle exec`, leading assignments. */
export function simpleCommand(words: string[]): SimpleCommand {
  let w = [...words];
  const assigns: Record<string, string> = {};
  for (let guard = 0; guard < 10 && w.length; guard++) {
    const first = w[0]!;
    const eq = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(first);
    if (eq) {
      assigns[eq[1]!] = eq[2]!;
      w = w.slice(1);
    } else if (first === 'export' || first === 'local' || first === 'readonly') {
      w = w.slice(1);
    } else if (WRAPPERS.has(first)) {
      w = w.slice(1);
      while (w[0]?.startsWith('-')) w = w.slice(1);
    } else if (RUNNERS_WITH_DASHDASH.has(first) && w.includes('--')) {
      w = w.slice(w.indexOf('--') + 1);
    } else if ((first === 'pnpm' || first === 'yarn' || first === 'npm' || first === 'bun' || first === 'bundle') && /^(?:exec|dlx|x)$/.test(w[1] ?? '')) {
      w = w.slice(2);
      if (w[0] === '--') w = w.slice(1);
    } else if ((first === 'yarn' || first === 'pnpm') && /^(?:prisma|supabase|terraform|railway|fly|flyctl|heroku|rails|rake)$/.test(w[1] ?? '')) {
      w = w.slice(1);
    } else if (first === 'railway' && w[1] === 'run' && w.length > 2) {
      w = w.slice(2);
      while (w[0]?.startsWith('-')) {
        const takesValue = ['-e', '--environment', '-s', '--service'].includes(w[0]);
        if ((w[0] === '-e' || w[0] === '--environment') && w[1]) assigns.RAILWAY_ENVIRONMENT = w[1];
        w = w.slice(takesValue ? 2 : 1);
      }
    } else break;
  }
  if (w[0]) w[0] = w[0].replace(/^(?:\.\/)?(?:node_modules\/\.bin\/|bin\/)/, '');
  return { args: w, assigns };
}

/**
 * Hides secret-looking parts of free text (a command, an agent permission rule): auth header values, URL passwords,
 * secret-named assignments, `-pPASSWORD`, and long high-entropy runs.
 */
export function redactText(text: string): string {
  return text
    .replace(/\b(Bearer|Basic|Token)\s+[^\s"'`)]+/gi, '$1 …')
    .replace(/\b([\w-]*(?:api[-_]?key|token|secret|password|auth[\w-]*)\s*[:=]\s*)(?!\$)[^\s"'`)]+/gi, '$1…')
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1…@')
    .replace(/(^|\s)-p(?=[^\s]{3,})[^\s]+/g, '$1-p…')
    .replace(/[A-Za-z0-9+/_-]{24,}={0,2}/g, (run) => (/[0-9]/.test(run) && /[A-Za-z]/.test(run) && !run.includes('/') ? '…' : run));
}

/** Hides values that may be secrets in a command before it is reported: assignments, URL passwords, token flags. */
export function redactCommand(words: string[]): string {
  const secretFlag = /^--?[\w-]*(?:token|password|secret|key|auth)[\w-]*$/i;
  return words
    .map((w, i) => {
      if (i > 0 && secretFlag.test(words[i - 1]!)) return '…';
      if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) return w.replace(/=.*$/s, '=…');
      if (/^--?[\w-]*(?:token|password|secret|key|auth)[\w-]*=/i.test(w)) return w.replace(/=.*$/s, '=…');
      return w.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1…@');
    })
    .map((w) => redactText(w))
    .map((w) => (/[\s'"]/.test(w) || w === '' ? JSON.stringify(w) : w))
    .join(' ')
    .slice(0, 240);
}

/** Package scripts and Make targets a script runs by name: `npm run db:push`, `yarn db:push`, `make reset`. */
export function scriptsInvoked(script: string): string[] {
  const out = new Set<string>();
  for (const c of shellCommands(script)) {
    const { args } = simpleCommand(c.words);
    const [tool, sub, name] = args;
    if (!tool) continue;
    if (/^(?:npm|pnpm|yarn|bun)$/.test(tool) && (sub === 'run' || sub === 'run-script') && name && !name.startsWith('-')) out.add(name);
    else if (/^(?:yarn|pnpm)$/.test(tool) && sub && !sub.startsWith('-') && /[:-]/.test(sub)) out.add(sub);
    else if (tool === 'make') for (const t of args.slice(1).filter((a) => !a.startsWith('-') && !a.includes('='))) out.add(`make:${t}`);
  }
  return [...out];
}
