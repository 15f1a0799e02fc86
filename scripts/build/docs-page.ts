// docs/index.html: the Redoc reference, with Redoc's scripts inlined so the page needs no network, and
// what the page alone carries: request samples for each variant (code-samples.ts) and the mock's
// Prefer header and reserved cart references (mock-notes.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { repoRoot } from '../../src/lib/paths.ts';
import { codeSampleLanguages, withCodeSamples } from './code-samples.ts';
import { withMockNotes } from './mock-notes.ts';
import { runBin } from './run-bin.ts';

// Redoc's "API docs by Redocly" footer loads its logo from Redocly's CDN even with the bundle inlined;
// a local SVG keeps the attribution and the page off the network.
const redoclyLogo = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
const localLogo = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12">Redocly</text></svg>',
)}`;

// The page's options from redocly.yaml, with the samples' languages, which follow from the spec.
const pageConfig = (spec: Record<string, any>): string => {
  const { openapi, telemetry } = parseYaml(fs.readFileSync(path.join(repoRoot, 'redocly.yaml'), 'utf8')) as { openapi: Record<string, unknown>; telemetry: string };
  const htmlTemplate = path.resolve(repoRoot, openapi.htmlTemplate as string);
  return stringifyYaml({ telemetry, openapi: { ...openapi, htmlTemplate, codeSamples: { languages: codeSampleLanguages(spec) } } });
};

export const writeDocsPage = (specFile: string, pageFile: string): void => {
  const spec = JSON.parse(fs.readFileSync(specFile, 'utf8'));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-page-'));
  const pageSpec = path.join(scratch, path.basename(specFile));
  const config = path.join(scratch, 'redocly.yaml');
  fs.writeFileSync(pageSpec, JSON.stringify(withMockNotes(withCodeSamples(spec)), null, 2));
  fs.writeFileSync(config, pageConfig(spec));
  try {
    runBin('redocly', ['build-docs', pageSpec, '--config', config, '--inlineBundle', '--output', pageFile]);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  fs.writeFileSync(pageFile, fs.readFileSync(pageFile, 'utf8').replace(redoclyLogo, localLogo));
};
