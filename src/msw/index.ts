// `@ep-checkout/contract/msw`: MSW handlers with the mock's answers, for tests and Storybook
// (docs/mock.md). Under Node this module is used as compiled; browsers get a prebuilt bundle of it.
export {
  checkoutHandlers,
  checkoutNetworkError,
  checkoutOrder,
  checkoutScenario,
  checkoutTokenRejected,
  type CheckoutHandlerOptions,
} from './handlers.ts';
