// Routes the AWS SDK's signed requests through the guarded live client (allowlist, host pinning, timeout, evidence)
// instead of the SDK's own HTTP stack.
import { Readable } from 'node:stream';
import type { HttpHandlerOptions, RequestHandler } from '@smithy/types';
import type { ProviderClient } from '../../../src/live/types.js';

interface SdkRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

interface SdkResponse {
  statusCode: number;
  reason?: string;
  headers: Record<string, string>;
  body: Readable;
}

export function guardedHandler(client: ProviderClient, base: 'sts' | 'iam'): RequestHandler<unknown, unknown, HttpHandlerOptions> {
  return {
    handle: async (input: unknown) => {
      const req = input as SdkRequest;
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (!/^(?:host|content-length)$/i.test(k)) headers[k] = v;
      const body = typeof req.body === 'string' ? req.body : req.body instanceof Uint8Array ? Buffer.from(req.body).toString('utf8') : '';
      const res = await client.request({ method: req.method === 'GET' ? 'GET' : 'POST', base, path: req.path || '/', headers, body });
      const out: Record<string, string> = {};
      res.headers.forEach((v, k) => (out[k] = v));
      const response: SdkResponse = { statusCode: res.status, headers: out, body: Readable.from([Buffer.from(res.text)]) };
      return { response };
    },
  };
}
