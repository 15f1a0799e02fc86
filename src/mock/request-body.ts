// The body stage: the bytes a request sent, read as the operation's body. Refused in the API's
// shape when too large, in a content coding the mock does not decode, not UTF-8, of a media type
// the operation does not take, or not parseable; else judged against its schema (body-validation.ts).
import { sourceOfPath, wholeBody } from '../lib/error-source.ts';
import type { SchemaValidator } from '../lib/schema-validator.ts';
import { errorReply, specErrorReply, type ErrorReply } from './api-errors.ts';
import { judgeBody, type BodyVerdict } from './body-validation.ts';
import { placeOutOfBounds } from './json-width.ts';
import { bodyLimitBytes } from './body-limit.ts';
import type { SpecOperation } from '../lib/spec-operations.ts';

/** The answer to a body over the limit where the spec gives no example of its own (the validating proxy's too). */
export const payloadTooLarge: ErrorReply = errorReply(413, 'Payload Too Large', 'The request body is larger than 1 MiB');

/**
 * The most entries one object or array of a body may have, and the most levels of nesting, checked
 * on the text before it is parsed. The contract's widest object has a few dozen fields and its
 * bodies nest five deep; a body of 70,000 fields would otherwise cost parsing and the validator one
 * error per field per variant (seconds of a blocked event loop). Our judgement: the API's own
 * limits are not documented.
 */
export const bodyBounds = { width: 1000, depth: 64 };

export type BodyStage = { kind: 'judged'; verdict: BodyVerdict; value?: unknown } | { kind: 'refused'; reply: ErrorReply };

export interface SentBody {
  /** The body as sent: bytes, or text already decoded. */
  body?: Uint8Array | string;
  /** Set by a caller that stopped reading past the limit. */
  tooLarge?: boolean;
  /** Lower-case header names. */
  headers: Record<string, string>;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The body as text, or undefined when it is not valid UTF-8. */
export const decodeUtf8 = (bytes: Uint8Array): string | undefined => {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
};

const mediaTypeOf = (contentType: string | undefined): string => (contentType ?? '').split(';')[0].trim().toLowerCase();

const sizeOf = (body: Uint8Array | string | undefined): number =>
  body === undefined ? 0 : typeof body === 'string' ? new TextEncoder().encode(body).length : body.length;

/** Codings other than `identity`, in the order they were applied. */
const codingsOf = (header: string | undefined): string[] =>
  (header ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');

const outOfBounds = (path: (string | number)[], breaks: 'width' | 'depth'): { reply: ErrorReply } => {
  const source = sourceOfPath(path);
  const detail =
    breaks === 'width'
      ? `${source} has more than ${bodyBounds.width} entries, more than the mock reads in one object or array`
      : `${source} nests more than ${bodyBounds.depth} levels deep, deeper than the mock reads`;
  // No rule of the schema is broken, so no JSON Schema keyword titles it (decision 45).
  return { reply: errorReply(400, 'Bad Request', detail, source) };
};

const parse = (mediaType: string, text: string): { value: unknown } | { reply: ErrorReply } => {
  if (mediaType === 'application/x-www-form-urlencoded') {
    const fields = new URLSearchParams(text);
    return fields.size > bodyBounds.width ? outOfBounds([], 'width') : { value: Object.fromEntries(fields) };
  }
  const place = placeOutOfBounds(text, bodyBounds);
  if (place) return outOfBounds(place.path, place.breaks);
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { reply: errorReply(400, 'Malformed JSON', `The request body is not valid JSON: ${(error as Error).message}`) };
  }
};

export const readRequestBody = (validator: SchemaValidator, operation: SpecOperation, sent: SentBody): BodyStage => {
  const size = sizeOf(sent.body);
  if (sent.tooLarge || size > bodyLimitBytes) {
    return { kind: 'refused', reply: specErrorReply(operation, 413, payloadTooLarge) };
  }
  const codings = codingsOf(sent.headers['content-encoding']);
  if (codings.length > 0 && size > 0) {
    const detail = `The mock does not decode request bodies sent with Content-Encoding ${codings.join(', ')}; send the body unencoded`;
    return { kind: 'refused', reply: errorReply(415, 'Unsupported Media Type', detail, 'Content-Encoding') };
  }
  const text = typeof sent.body === 'string' ? sent.body : decodeUtf8(sent.body ?? new Uint8Array());
  if (text === undefined) return { kind: 'refused', reply: errorReply(400, 'Malformed body', 'The request body is not valid UTF-8') };
  if (text.length === 0) {
    const missing = { status: 400, title: 'required', detail: 'The request body is required', source: wholeBody };
    return { kind: 'judged', verdict: operation.bodySchemaRef ? { valid: false, errors: [missing] } : { valid: true } };
  }
  const mediaType = mediaTypeOf(sent.headers['content-type']);
  if (!operation.mediaTypes.includes(mediaType)) {
    const expected = operation.mediaTypes.join(' or ') || 'no body';
    const fallback = errorReply(415, 'Unsupported Media Type', `The request body must be sent as ${expected}`);
    return { kind: 'refused', reply: specErrorReply(operation, 415, fallback) };
  }
  const parsed = parse(mediaType, text);
  if ('reply' in parsed) return { kind: 'refused', reply: parsed.reply };
  return { kind: 'judged', verdict: judgeBody(validator, operation, parsed.value), value: parsed.value };
};
