// One pair of specs per kind of change: the classification, where it is reported, and the gate's exit code.
import { describe, expect, it } from 'vitest';
import { classifyChanges, type Change, type Kind } from '../../scripts/contract-diff/classify.ts';
import { changed, checkoutOperation, minimalSpec, operation, runGate, type MiniSpec } from './fixtures.ts';

type Case = {
  name: string;
  change: (spec: MiniSpec) => void;
  kind: Kind;
  /** What the reported change must say about itself. */
  expected: Omit<Partial<Change>, 'description'> & { description: RegExp };
};

const cases: Case[] = [
  {
    name: 'removing a response property',
    change: ({ components: { schemas } }) => void delete (schemas.Order.properties as Partial<typeof schemas.Order.properties>).total,
    kind: 'breaking',
    expected: { operation, pointer: '/components/schemas/Order/properties/total', description: /Removed property `total`.*Response 201/ },
  },
  {
    name: 'removing a required entry in a response',
    change: ({ components: { schemas } }) => void (schemas.Order.required = ['id']),
    kind: 'breaking',
    expected: { operation, pointer: '/components/schemas/Order/required/1', description: /required.*`status`.*Response 201/ },
  },
  {
    name: 'adding a required request property',
    change: ({ components: { schemas } }) => {
      Object.assign(schemas.AccountCheckout.properties, { member: { type: 'string' } });
      schemas.AccountCheckout.required.push('member');
    },
    kind: 'breaking',
    expected: { operation, variant: 'Account', description: /Added required status to `data.member` in Request Body/ },
  },
  {
    name: 'narrowing a request type',
    change: ({ components: { schemas } }) => void (schemas.CustomerCheckout.properties.customer.type = ['string']),
    kind: 'breaking',
    expected: { variant: 'Customer', description: /^Narrowed type in the request from `string \| integer` to `string`$/ },
  },
  {
    name: 'removing an enum value from a request',
    change: ({ components: { schemas } }) => void (schemas.AccountCheckout.properties.channel.enum = ['web']),
    kind: 'breaking',
    expected: { variant: 'Account', pointer: '/components/schemas/AccountCheckout/properties/channel/enum/1', description: /possible values of `data.channel`/ },
  },
  {
    name: 'adding an enum value to a response',
    change: ({ components: { schemas } }) => void schemas.Order.properties.status.enum.push('cancelled'),
    kind: 'breaking',
    expected: { operation, pointer: '/components/schemas/Order/properties/status/enum/2', description: /possible values of `status` in Response 201/ },
  },
  {
    name: 'removing a oneOf variant',
    change: ({ components: { schemas } }) => void schemas.CheckoutRequest.properties.data.oneOf.pop(),
    kind: 'breaking',
    expected: { variant: 'Customer', pointer: '/components/schemas/CheckoutRequest/properties/data/oneOf/1', description: /Removed oneOf schema from `data`/ },
  },
  {
    name: 'adding an optional request property',
    change: ({ components: { schemas } }) => void Object.assign(schemas.AccountCheckout.properties, { note: { type: 'string' } }),
    kind: 'non-breaking',
    expected: { variant: 'Account', pointer: '/components/schemas/AccountCheckout/properties/note', description: /Added property `note` to `data`/ },
  },
  {
    name: 'adding an optional header',
    change: (spec) => void checkoutOperation(spec).parameters.push({ name: 'X-Trace', in: 'header', required: false, schema: { type: 'string' } }),
    kind: 'non-breaking',
    expected: { operation, description: /^Added optional header parameter `X-Trace`$/ },
  },
  {
    name: 'editing a description',
    change: ({ components: { schemas } }) => void (schemas.CustomerCheckout.properties.customer.description = 'Who checks out.'),
    kind: 'annotation',
    expected: { variant: 'Customer', pointer: '/components/schemas/CustomerCheckout/properties/customer/description', description: /description/ },
  },
];

describe('classification of each kind of change', () => {
  it('finds no change between a spec and itself', () => {
    expect(classifyChanges(minimalSpec(), minimalSpec())).toEqual([]);
  });

  for (const { name, change, kind, expected } of cases) {
    it(`${name}: ${kind}`, () => {
      const changes = classifyChanges(minimalSpec(), changed(change));
      expect(changes.length).toBeGreaterThan(0);
      expect(changes.map((c) => c.kind)).toEqual(changes.map(() => kind));
      expect(changes).toContainEqual(expect.objectContaining({ ...expected, kind, description: expect.stringMatching(expected.description) }));
    });

    it(`${name}: the gate exits ${kind === 'breaking' ? 1 : 0} without a major bump`, () => {
      const count = classifyChanges(minimalSpec(), changed(change)).length;
      const { code, output } = runGate(minimalSpec(), changed(change));
      expect(code).toBe(kind === 'breaking' ? 1 : 0);
      expect(output).toMatch(new RegExp(`: .*\\b${count} ${kind === 'annotation' ? 'annotation only' : kind}\\b`));
    });
  }
});

describe('reordering', () => {
  // The reference opens on the first variant, so docs may reorder them; clients and servers match by shape.
  const reverseVariants = (spec: MiniSpec) => void spec.components.schemas.CheckoutRequest.properties.data.oneOf.reverse();

  it('the oneOf variants is no change, and the gate passes', () => {
    expect(classifyChanges(minimalSpec(), changed(reverseVariants))).toEqual([]);
    expect(runGate(minimalSpec(), changed(reverseVariants)).code).toBe(0);
  });

  it('the variants while removing one still reports the removal as breaking', () => {
    const reorderAndRemove = changed((spec) => {
      reverseVariants(spec);
      spec.components.schemas.CheckoutRequest.properties.data.oneOf.pop();
    });
    expect(classifyChanges(minimalSpec(), reorderAndRemove).map((change) => change.kind)).toContain('breaking');
  });
});

describe('the gate and the major version', () => {
  const removeVariant = (spec: MiniSpec) => void spec.components.schemas.CheckoutRequest.properties.data.oneOf.pop();

  it('fails a breaking change without a major bump, naming the change and how to proceed', () => {
    const { code, output } = runGate(minimalSpec(), changed((spec) => {
      removeVariant(spec);
      spec.info.version = '1.1.0';
    }));
    expect(code).toBe(1);
    expect(output).toContain('✗ POST /v2/carts/{reference}/checkout, variant "Customer": Removed oneOf schema');
    expect(output).toContain('set info.version to 2.0.0');
    expect(output).toMatch(/revert/);
  });

  it('passes the same breaking change once the major version is bumped', () => {
    const { code, output } = runGate(minimalSpec(), changed((spec) => {
      removeVariant(spec);
      spec.info.version = '2.0.0';
    }));
    expect(code).toBe(0);
    expect(output).toMatch(/1 breaking change\(s\) accepted: the major version went from 1.0.0 to 2.0.0/);
  });

  it('prints only the summary with --quiet when the gate passes', () => {
    const { code, output } = runGate(minimalSpec(), changed(cases[7].change), ['--quiet']);
    expect(code).toBe(0);
    expect(output.split('\n')).toHaveLength(1);
  });
});
