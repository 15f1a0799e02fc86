// The `source` notation the mock writes and a frontend reads back (src/lib/error-source.ts).
import { describe, expect, it } from 'vitest';
import { pathOfSource, sourceOfPath } from '../../src/lib/error-source.ts';

describe('error sources in Elastic Path notation', () => {
  it.each([
    [['data', 'billing_address', 'line_1'], 'data.billing_address.line_1'],
    [['data', 'items', 0, 'quantity'], 'data.items[0].quantity'],
    [[], 'request'],
    [['client_secret'], 'client_secret'],
    [['data', 'a.b', 2, 'c d'], 'data["a.b"][2]["c d"]'],
  ])('%j is written %s and read back', (path, source) => {
    expect(sourceOfPath(path)).toBe(source);
    expect(pathOfSource(source)).toEqual(path);
  });

  it.each(['EP-Account-Management-Authentication-Token', 'X-MOLTIN-CURRENCY', 'data..x', '.data', 'data[', 'data[x]', ''])(
    '%s is no body path',
    (source) => expect(pathOfSource(source)).toBeUndefined(),
  );
});
