// Stands in for packages Prism loads but the mock's engine never uses: faker (dynamic mocking, never asked
// for), postman-collection (Postman input, never given), node-fetch and the proxy agents (forwarding,
// never done). About 3 MB of the bundle; any call throws.
const unused = (): never => {
  throw new Error('not available in the prebuilt engine of @ep-checkout/contract');
};
const standIn: any = new Proxy(unused, { get: (_, key) => (key === '__esModule' ? false : standIn), apply: unused, construct: unused });
module.exports = standIn;
