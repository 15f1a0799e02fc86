// Each correction on top of api-smart-diff: first the library's own (wrong) answer, so the test shows the
// bug is real, then the corrected classification.
import { apiCompare } from 'api-smart-diff';
import { inlineOperationRefs } from '../../scripts/contract-diff/inline-refs.ts';
import { defaultReleasesDir, readRelease } from '../../scripts/contract-diff/releases.ts';
import { describe, expect, it } from 'vitest';
import { classifyChanges } from '../../scripts/contract-diff/classify.ts';
import { changed, checkoutOperation, minimalSpec, type MiniSpec } from './fixtures.ts';

const libraryTypes = (after: MiniSpec) =>
  apiCompare(minimalSpec(), after).diffs.filter((diff) => diff.path[0] === 'paths').map((diff) => diff.type);
// Distinct kinds: one edit may surface as several diffs (e.g. a `type` array item and the array).
const ourKinds = (after: MiniSpec) => [...new Set(classifyChanges(minimalSpec(), after).map((change) => change.kind))];

// A frozen release, walked by key.
const releasedSchemas = (version: string) => readRelease(defaultReleasesDir, version) as unknown as { components: { schemas: Record<string, any> } };

const removeRequiredResponseProperty = (spec: MiniSpec) => {
  delete (spec.components.schemas.Order.properties as { id?: unknown }).id;
  spec.components.schemas.Order.required = ['status'];
};

describe('corrections to api-smart-diff', () => {
  it('does not report the $refs of an allOf as swapped when only the descriptions of its items changed', () => {
    // Release 2.0.0's Address is allOf [AddressFields, RegionOrCounty]; a description edited in each.
    const released = releasedSchemas('2.0.0');
    const reworded = structuredClone(released);
    reworded.components.schemas.AddressFields.properties.country.description = 'Country of the address.';
    reworded.components.schemas.RegionOrCounty.description = 'At least one of region and county.';
    const crossed = apiCompare(inlineOperationRefs(released), inlineOperationRefs(reworded)).diffs.filter((d) => d.path.at(-1) === '$ref');
    expect(crossed.map((d) => d.type)).toContain('unclassified');
    const changes = classifyChanges(released, reworded);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.filter((change) => change.kind !== 'annotation')).toEqual([]);
  });

  it('keeps those reports when the items really changed: they are the only sign of a change inside a variant', () => {
    const changes = classifyChanges(readRelease(defaultReleasesDir, '1.0.0'), readRelease(defaultReleasesDir, '2.0.0'));
    const variantsReported = changes.filter((change) => change.pointer.endsWith('/$ref') && change.variant).map((change) => change.variant);
    expect(new Set(variantsReported).size).toBe(4);
  });

  it('still reports a $ref that really changed', () => {
    const released = releasedSchemas('2.0.0');
    const swapped = structuredClone(released);
    swapped.components.schemas.Address.allOf[1] = { $ref: '#/components/schemas/AddressFields' };
    expect(classifyChanges(released, swapped).map((change) => change.kind)).toContain('breaking');
  });

  it('keeps the response direction of a response reached through components/responses', () => {
    // The same removal seen through a $ref'd response is judged with request rules by the library.
    expect(libraryTypes(changed(removeRequiredResponseProperty))).toContain('non-breaking');
    expect(ourKinds(changed(removeRequiredResponseProperty))).toEqual(['breaking']);
  });

  it('holds the removal of an optional response property as breaking', () => {
    const inlineResponse = (spec: MiniSpec) =>
      void (checkoutOperation(spec).responses['201'] = spec.components.responses.OrderCreated as never);
    const removeOptional = changed((spec) => {
      inlineResponse(spec);
      delete (spec.components.schemas.Order.properties as { total?: unknown }).total;
    });
    expect(apiCompare(changed(inlineResponse), removeOptional).diffs.find((d) => d.path[0] === 'paths')?.type).toBe('non-breaking');
    expect(classifyChanges(changed(inlineResponse), removeOptional).map((c) => c.kind)).toEqual(['breaking']);
  });

  it('judges a type change by its direction', () => {
    const widenResponse = changed((spec) => void (spec.components.schemas.Order.properties.total.type = ['integer', 'string'] as never));
    const narrowResponse = changed((spec) => void (spec.components.schemas.Order.properties.total.type = 'number'));
    const widenRequest = changed((spec) => void (spec.components.schemas.AccountCheckout.properties.account.type = ['string', 'null'] as never));
    const narrowRequest = changed((spec) => void (spec.components.schemas.CustomerCheckout.properties.customer.type = ['integer']));

    expect(ourKinds(widenResponse)).toEqual(['breaking']);
    expect(ourKinds(narrowRequest)).toEqual(['breaking']);
    expect(ourKinds(widenRequest)).toEqual(['non-breaking']);
    expect(libraryTypes(widenRequest)).toEqual(['breaking']);
    // integer -> number is a widening: a response may now carry 1.5.
    expect(ourKinds(narrowResponse)).toEqual(['breaking']);
    const narrowed = changed((spec) => void (spec.components.schemas.Order.properties.total.type = 'number'));
    expect([...new Set(classifyChanges(narrowed, minimalSpec()).map((c) => c.kind))]).toEqual(['non-breaking']);
  });

  it('says whether an added header is optional', () => {
    const addHeader = changed((spec) =>
      void checkoutOperation(spec).parameters.push({ name: 'X-Trace', in: 'header', required: false, schema: { type: 'string' } }),
    );
    expect(apiCompare(minimalSpec(), addHeader).diffs[0]?.description).toMatch(/required header parameter/);
    expect(classifyChanges(minimalSpec(), addHeader)[0]?.description).toBe('Added optional header parameter `X-Trace`');
  });
});
