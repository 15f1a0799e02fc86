// The API's own error shape, used for every error the mock sends:
// {"errors":[{"status","title","detail","source"?}]}, `source` as src/lib/error-source.ts writes it.
import type { components } from '../../generated/schema.d.ts';

/** One entry of `errors`, as the contract declares it (the type the package exports). */
export type ApiError = components['schemas']['Error'];

export interface ErrorReply {
  status: number;
  body: { errors: ApiError[] };
  headers?: Record<string, string>;
}

export const errorReply = (
  status: number,
  title: string,
  detail: string,
  source?: ApiError['source'],
  headers?: Record<string, string>,
): ErrorReply => ({ status, body: { errors: [{ status, title, detail, ...(source && { source }) }] }, headers });

export const validationReply = (errors: ApiError[]): ErrorReply => ({ status: 400, body: { errors } });
