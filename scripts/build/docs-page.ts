// docs/index.html: the Redoc reference, with Redoc's scripts inlined so the page needs no network.
import fs from 'node:fs';
import { runBin } from './run-bin.ts';

// Redoc's "API docs by Redocly" footer loads its logo from Redocly's CDN even with the bundle inlined;
// a local SVG keeps the attribution and the page off the network.
const redoclyLogo = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
const localLogo = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12">Redocly</text></svg>',
)}`;

export const writeDocsPage = (specFile: string, pageFile: string): void => {
  runBin('redocly', ['build-docs', specFile, '--inlineBundle', '--output', pageFile]);
  fs.writeFileSync(pageFile, fs.readFileSync(pageFile, 'utf8').replace(redoclyLogo, localLogo));
};
