// Reads a request body up to a limit. Past the limit nothing more is kept in memory: the engine
// answers 413 and Node discards the rest of the upload.
import type { IncomingMessage } from 'node:http';
import { bodyLimitBytes } from './body-limit.ts';

export type BodyRead = { kind: 'read'; bytes: Uint8Array } | { kind: 'too-large' } | { kind: 'aborted' };

export const readBody = (request: IncomingMessage, limit = bodyLimitBytes): Promise<BodyRead> =>
  new Promise((resolve) => {
    if (Number(request.headers['content-length'] ?? 0) > limit) return resolve({ kind: 'too-large' });
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        request.resume();
        resolve({ kind: 'too-large' });
      } else chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => resolve({ kind: 'read', bytes: Buffer.concat(chunks) }));
    request.on('error', () => resolve({ kind: 'aborted' }));
    request.on('close', () => resolve({ kind: 'aborted' }));
  });
