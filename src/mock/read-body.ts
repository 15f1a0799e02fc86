// Reads a request body up to a limit. Past the limit nothing more is kept in memory: the caller
// answers 413 and Node discards the rest of the upload.
import type { IncomingMessage } from 'node:http';

export const bodyLimitBytes = 1024 * 1024;

export type BodyRead = { kind: 'read'; bytes: Buffer } | { kind: 'too-large' } | { kind: 'aborted' };

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

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The body as text, or undefined when it is not valid UTF-8. */
export const decodeUtf8 = (bytes: Uint8Array): string | undefined => {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
};
