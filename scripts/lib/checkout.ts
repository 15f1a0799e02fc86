// The path of the one operation this contract is about, as the spec spells it.
export const checkoutPath = '/v2/carts/{reference}/checkout';
