// Globals that the browser builds of Prism's dependencies read, so that the prebuilt engine also runs
// under Node (`ep-checkout mock`). The spec's reference resolver takes `location.href` as the base of
// relative references; the spec has local ones (`#/...`) only, so under Node any base will do.
export const location: { href: string } = (globalThis as { location?: { href: string } }).location ?? { href: 'http://placeholder.invalid/' };
