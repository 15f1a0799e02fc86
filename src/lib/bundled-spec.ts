// The bundled spec read from disk, without its validator: what a Node layer needs before any engine loads.
import fs from 'node:fs';
import { bundledSpecPath } from './paths.ts';
import type { SpecDocument } from './schema-validator.ts';

export const loadBundledSpec = (file: string = bundledSpecPath): SpecDocument => JSON.parse(fs.readFileSync(file, 'utf8')) as SpecDocument;
