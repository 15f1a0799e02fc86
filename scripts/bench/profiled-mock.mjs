// The mock for `npm run bench:profile`: startMockServer from dist/ on $PORT, the engine's own modules
// with Prism's as installed, since a profile cannot split the one minified file of the prebuilt engine
// that `npm start` runs into Prism's and the mock's parts. Stops on SIGTERM, so V8 writes its profile.
import { startMockServer } from '../../dist/node.js';

const mock = await startMockServer({ port: Number(process.env.PORT) });
process.once('SIGTERM', () => void mock.close());
