// Facts about OpenAPI documents and this contract that several tools need.

/** The path of the one operation this contract is about, as the spec spells it. */
export const checkoutPath = '/v2/carts/{reference}/checkout';

/** The keys of a path item that are operations. */
export const httpMethods: readonly string[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
