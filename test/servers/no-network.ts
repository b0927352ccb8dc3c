// Traps for tests: count (and refuse) every outgoing connection, or only those leaving the machine.
import net from 'node:net';

export interface Trap {
  attempts: string[];
  restore(): void;
}

/**
 * Patches global fetch and net.Socket#connect (which every TCP client — undici, pg, the AWS SDK — goes through).
 * `allowLoopback` lets tests talk to their own 127.0.0.1 servers while refusing anything else.
 */
export function trapNetwork(opts: { allowLoopback: boolean }): Trap {
  const attempts: string[] = [];
  const originalFetch = globalThis.fetch;
  const originalConnect = net.Socket.prototype.connect;
  const loopback = (host: string) => /^(?:127\.|::1$|localhost$|\[::1\]$)/.test(host);
  globalThis.fetch = ((input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    attempts.push(`fetch ${url.host}`);
    if (opts.allowLoopback && loopback(url.hostname)) return originalFetch(input, init);
    return Promise.reject(new Error(`test trap: network request to ${url.host} refused`));
  }) as typeof fetch;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    // net.connect() passes its normalized arguments as one array.
    const raw = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
    const first = raw[0] as { host?: string; path?: string } | number | string;
    const host = typeof first === 'object' && first ? (first.host ?? first.path ?? 'localhost') : typeof raw[1] === 'string' ? raw[1] : 'localhost';
    attempts.push(`connect ${host}`);
    if (opts.allowLoopback && (loopback(host) || (typeof first === 'object' && first?.path))) return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
    throw new Error(`test trap: connection to ${host} refused`);
  } as typeof net.Socket.prototype.connect;
  return {
    attempts,
    restore() {
      globalThis.fetch = originalFetch;
      net.Socket.prototype.connect = originalConnect;
    },
  };
}
