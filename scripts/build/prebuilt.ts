// Builds dist/prebuilt/: the mock's engine with Prism's HTTP core in it, bundled once by esbuild for
// two users that share one chunk of it.
// - msw-browser.js, the browser bundle of `@ep-checkout/contract/msw` (the `browser` condition of the
//   export): the handlers and the spec inlined; `msw` stays external, so the consumer's own is used.
// - checkout-engine.js, `createCheckoutEngine` alone, which `ep-checkout mock` runs: a process of its
//   own whose startup is measured, so it loads one prebuilt file rather than Prism's hundreds of modules.
// What the engine never runs is replaced (./stand-ins/); `measurePrebuilt` says what it weighs.
import { build, type Metafile, type Plugin } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundledSpecPath, prebuiltDir, prebuiltEnginePath, repoRoot } from '../../src/lib/paths.ts';
import { thirdPartyLicenses } from './third-party-licenses.ts';

export const browserBundleName = 'msw-browser.js';
const engineBundleName = path.basename(prebuiltEnginePath);

const standIns = path.join(import.meta.dirname, 'stand-ins');
const nodeBuiltins = /^(node:)?(fs|url|path|os|util|https?)$/;
const unusedPackages = /^(@faker-js\/faker|postman-collection|node-fetch|https?-proxy-agent)$/;
const specModule = path.join(repoRoot, 'src', 'msw', 'spec.ts');

const prebuiltStandIns: Plugin = {
  name: 'prebuilt-stand-ins',
  setup(build) {
    build.onResolve({ filter: nodeBuiltins }, () => ({ path: path.join(standIns, 'node-builtins.ts') }));
    build.onResolve({ filter: unusedPackages }, () => ({ path: path.join(standIns, 'unused-packages.ts') }));
    // The spec, inlined where Node would read its file.
    build.onLoad({ filter: /[\\/]src[\\/]msw[\\/]spec\.ts$/ }, (args) =>
      args.path === specModule
        ? { contents: `const spec = ${fs.readFileSync(bundledSpecPath, 'utf8')};\nexport const bundledSpec = () => spec;\n`, loader: 'js' }
        : undefined,
    );
  },
};

/** Bytes of the minified output per package (or per folder of this project), over all files. */
export type BundleShares = [string, number][];

const sharesOf = (metafile: Metafile): BundleShares => {
  const shares = new Map<string, number>();
  for (const output of Object.values(metafile.outputs))
    for (const [file, input] of Object.entries(output.inputs)) {
      const owner = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? path.dirname(file);
      shares.set(owner, (shares.get(owner) ?? 0) + input.bytesInOutput);
    }
  return [...shares].sort((a, b) => b[1] - a[1]);
};

export const buildPrebuilt = async (outdir = prebuiltDir): Promise<BundleShares> => {
  fs.rmSync(outdir, { recursive: true, force: true });
  const { metafile } = await build({
    entryPoints: {
      [path.parse(browserBundleName).name]: path.join(repoRoot, 'src', 'msw', 'index.ts'),
      [path.parse(engineBundleName).name]: path.join(repoRoot, 'src', 'mock', 'engine.ts'),
    },
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'shared-[hash]',
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    external: ['msw'],
    // Its UMD build, which esbuild picks for a require(), loads its parts with a require it cannot follow.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    plugins: [prebuiltStandIns],
    inject: [path.join(standIns, 'browser-globals.ts')],
    define: { 'process.env.NODE_ENV': '"production"', 'process.browser': 'true', 'process.platform': '"browser"', global: 'globalThis', self: 'globalThis' },
    logLevel: 'error',
    metafile: true,
  });
  fs.writeFileSync(path.join(outdir, 'THIRD-PARTY-LICENSES.md'), thirdPartyLicenses(metafile));
  return sharesOf(metafile);
};

/** The bytes a browser loads for `./msw`: its entry and the chunks it imports. */
export const measurePrebuilt = (outdir = prebuiltDir): { minifiedBytes: number; gzippedBytes: number } => {
  const files = fs.readdirSync(outdir).filter((file) => file === browserBundleName || file.startsWith('shared-'));
  const contents = files.map((file) => fs.readFileSync(path.join(outdir, file)));
  const sum = (sizes: number[]) => sizes.reduce((total, size) => total + size, 0);
  return { minifiedBytes: sum(contents.map((bytes) => bytes.length)), gzippedBytes: sum(contents.map((bytes) => gzipSync(bytes, { level: 9 }).length)) };
};

if (import.meta.filename === process.argv[1]) {
  const shares = await buildPrebuilt();
  const { minifiedBytes, gzippedBytes } = measurePrebuilt();
  console.log(`${path.relative(repoRoot, prebuiltDir)}/${browserBundleName} with its chunks: ${(minifiedBytes / 1024).toFixed(0)} KiB minified, ${(gzippedBytes / 1024).toFixed(0)} KiB gzipped`);
  if (process.argv.includes('--shares')) for (const [owner, bytes] of shares.slice(0, 25)) console.log(`${(bytes / 1024).toFixed(0).padStart(6)} KiB  ${owner}`);
}
