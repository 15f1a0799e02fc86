// The mock and `verify` run on the package's optional dependencies (Prism, Ajv, junit-report-builder),
// which a consumer of the client alone leaves out (`npm install --omit=optional`). Loading them waits
// for the first use, and their absence gets one sentence that says how to install them.

export class MissingOptionalDependency extends Error {}

/** `load()`, or a MissingOptionalDependency naming `what` when it needs a package that is not installed. */
export const loadWithOptionalDependencies = async <Loaded>(what: string, load: () => Promise<Loaded>): Promise<Loaded> => {
  try {
    return await load();
  } catch (error) {
    const missing = /^Cannot find package '([^']+)'/.exec((error as Error).message)?.[1];
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND' || missing === undefined) throw error;
    throw new MissingOptionalDependency(
      `${what} needs the optional dependencies of @ep-checkout/contract, and ${missing} is not installed (installed with --omit=optional?): install the package without --omit=optional`,
    );
  }
};
