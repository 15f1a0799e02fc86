// `npm start`: the mock as the package runs it (compiled JavaScript in dist/, no TypeScript loader,
// so it starts fast), compiled again first when src/ changed since the last compile.
import { cliPath, ensureCompiled } from './compiled.mjs';

ensureCompiled();
process.argv.splice(2, 0, 'mock');
await import(cliPath);
