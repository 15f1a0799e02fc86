// The package's root under Node: the browser-safe surface and the Node-only parts together. A browser
// bundle resolves the root to client/index.ts instead (the `browser` condition in package.json).
// Everything else in the package is internal.
export * from './client/index.ts';
export * from './node.ts';
