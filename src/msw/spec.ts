// The bundled spec the handlers answer from, read once from the package's file. The browser bundle
// has no file to read: its build (scripts/build/prebuilt.ts) puts a module with the spec inlined in
// this one's place.
import { loadBundledSpec } from '../lib/bundled-spec.ts';
import type { SpecDocument } from '../lib/schema-validator.ts';

let spec: SpecDocument | undefined;

export const bundledSpec = (): SpecDocument => (spec ??= loadBundledSpec());
