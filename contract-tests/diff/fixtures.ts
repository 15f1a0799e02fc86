// A minimal OpenAPI 3.1 contract shaped like the checkout one (operation, `oneOf` request variants,
// responses and request body behind component $refs), and helpers to run the gate on a pair of specs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDiff } from '../../scripts/contract-diff/run-diff.ts';

export const operation = 'POST /v2/carts/{reference}/checkout';

export const minimalSpec = () => ({
  openapi: '3.1.0',
  info: { title: 'Mini checkout', version: '1.0.0' },
  paths: {
    '/v2/carts/{reference}/checkout': {
      post: {
        operationId: 'checkout',
        parameters: [
          { name: 'reference', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'X-MOLTIN-CURRENCY', in: 'header', required: false, schema: { type: 'string' } },
        ],
        requestBody: { $ref: '#/components/requestBodies/CheckoutRequest' },
        responses: { '201': { $ref: '#/components/responses/OrderCreated' } },
      },
    },
  },
  components: {
    requestBodies: {
      CheckoutRequest: {
        required: true,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/CheckoutRequest' } } },
      },
    },
    responses: {
      OrderCreated: {
        description: 'The order was created.',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } },
      },
    },
    schemas: {
      CheckoutRequest: {
        type: 'object',
        required: ['data'],
        properties: {
          data: {
            oneOf: [{ $ref: '#/components/schemas/AccountCheckout' }, { $ref: '#/components/schemas/CustomerCheckout' }],
          },
        },
      },
      AccountCheckout: {
        title: 'Account',
        type: 'object',
        required: ['account'],
        properties: { account: { type: 'string' }, channel: { type: 'string', enum: ['web', 'pos'] } },
      },
      CustomerCheckout: {
        title: 'Customer',
        type: 'object',
        required: ['customer'],
        properties: { customer: { type: ['string', 'integer'], description: 'The customer ID.' } },
      },
      Order: {
        type: 'object',
        required: ['id', 'status'],
        properties: {
          id: { type: 'string' },
          status: { type: 'string', enum: ['incomplete', 'complete'] },
          total: { type: 'integer' },
        },
      },
    },
  },
});

export type MiniSpec = ReturnType<typeof minimalSpec>;

/** The minimal spec after `change`. */
export const changed = (change: (spec: MiniSpec) => void): MiniSpec => {
  const spec = minimalSpec();
  change(spec);
  return spec;
};

export const checkoutOperation = (spec: MiniSpec) => spec.paths['/v2/carts/{reference}/checkout'].post;

export const tempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'contract-diff-'));

/** Release `released` into a temporary releases folder and run the gate on `current`. */
export const runGate = (released: object, current: object, args: string[] = []) => {
  const dir = tempDir();
  const releasesDir = path.join(dir, 'releases');
  fs.mkdirSync(releasesDir);
  const version = (released as { info: { version: string } }).info.version;
  fs.writeFileSync(path.join(releasesDir, `${version}.json`), JSON.stringify(released));
  const specPath = path.join(dir, 'openapi.json');
  fs.writeFileSync(specPath, JSON.stringify(current));
  const lines: string[] = [];
  const code = runDiff({ args, specPath, releasesDir, log: (line) => lines.push(line) });
  fs.rmSync(dir, { recursive: true, force: true });
  return { code, output: lines.join('\n') };
};
