// The generated half of the suite, per variant: valid bodies (fast-check, seeded, shrunk on failure)
// must get the 201 with their own data reflected; bodies with one field broken must get a 400 whose
// `source` names that field.
import fc from 'fast-check';
import { SlowAnswerError, type CheckoutCall } from './checkout-client.ts';
import type { ContractConfig } from './config.ts';
import { evidence, isJudgement } from './evidence.ts';
import { statusViolations } from './expectations.ts';
import type { BodyGenerator } from './generated-bodies.ts';
import { checkErrorNamesField, checkErrorSemantics, checkOrderSemantics } from './order-semantics.ts';
import type { ReceivedResponse, ResponseContract } from './response-contract.ts';
import type { CheckoutBody, Variant } from './variants.ts';
import { ContractViolationError, type Violation } from './violations.ts';

export type GenerationContext = {
  baseUrl: () => string;
  config: ContractConfig;
  contract: ResponseContract;
  generator: BodyGenerator;
  send: (call: CheckoutCall, label: string) => Promise<ReceivedResponse>;
};

/** The variant's own seed, derived from the run's: the same whichever variants run, so --variants replays one. */
export const variantSeed = (seed: number, variant: string): number =>
  [...variant].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619), seed ^ 2166136261) | 0;

export const replayCommand = (baseUrl: string, config: ContractConfig, variant: string): string =>
  `npx ep-checkout verify --base-url ${baseUrl} --seed ${config.seed} --examples ${config.examples} --variants ${variant}`;

const findings = (label: string, violations: Violation[], sent: CheckoutBody): ContractViolationError | undefined =>
  violations.length === 0 ? undefined : new ContractViolationError(label, violations, sent);

/** Sends generated valid bodies; throws the smallest failing body found, or the advisory findings of a passing run. */
export const checkGeneratedValidBodies = async (context: GenerationContext, variant: Variant, call: Omit<CheckoutCall, 'body'>): Promise<void> => {
  const { config, contract, generator, send } = context;
  const seed = variantSeed(config.seed, variant.name);
  const corner = (mode: 'full' | 'required') => fc.sample(generator.bodies(variant.schema, mode), { seed, numRuns: 1 })[0];
  let advisory: ContractViolationError | undefined;
  let slow: SlowAnswerError | undefined;
  // The findings of the last failing body, which is the one fast-check reports: it drops the error itself
  // when the time budget cuts shrinking short.
  let lastFailure: ContractViolationError | undefined;

  const judge = async (body: CheckoutBody): Promise<void> => {
    if (slow) return;
    const label = `${variant.name}, generated body`;
    let received: ReceivedResponse;
    try {
      received = await send({ ...call, body }, label);
    } catch (error) {
      // A slow server is reported once, not shrunk against.
      if (error instanceof SlowAnswerError) return void (slow ??= error);
      throw error;
    }
    const { violations, body: answer } = contract.check(received);
    const semantics = received.status === 201 && answer !== undefined ? checkOrderSemantics(variant, body, answer) : [];
    const all = [...statusViolations(received, 201, 'a body the contract allows', evidence.validBody), ...violations, ...semantics];
    const failing = config.strict ? all : all.filter((violation) => !violation.basis || !isJudgement(violation.basis));
    const error = findings(label, failing, body);
    if (error) {
      lastFailure = error;
      throw error;
    }
    advisory ??= findings(label, all, body);
  };

  // Random bodies first, so a failure among them is shrunk (each shrink is a request, so within a time
  // budget, from the failing body's path); then the two corners, kept whole.
  const property = fc.asyncProperty(generator.bodies(variant.schema, 'random'), judge);
  const found = await fc.check(property, { seed, numRuns: config.examples, endOnFailure: true });
  const shrunk = found.failed ? await fc.check(property, { seed, path: found.counterexamplePath ?? undefined, interruptAfterTimeLimit: config.shrinkMs }) : found;
  const random = shrunk.failed ? shrunk : found;
  const corners = { seed, numRuns: 2, examples: [[corner('full')], [corner('required')]] };
  const outcome = random.failed ? random : await fc.check(fc.asyncProperty(generator.bodies(variant.schema, 'required'), judge), corners);
  if (slow) throw slow;
  if (outcome.failed) {
    const error = outcome.errorInstance ?? lastFailure;
    if (!(error instanceof ContractViolationError)) throw error;
    const failing = new ContractViolationError(error.variant, error.violations, outcome.counterexample?.[0]);
    failing.message += random.failed
      ? `\n  [${variant.name}] the smallest failing body found in ${config.shrinkMs} ms of shrinking (${outcome.numShrinks} shrinks of generated body ${found.numRuns} of ${config.examples}, seed ${config.seed})`
      : `\n  [${variant.name}] a corner body: every optional field at its longest, or only what is required (seed ${config.seed})`;
    failing.message += `\n  replay: ${replayCommand(context.baseUrl(), config, variant.name)}`;
    throw failing;
  }
  if (advisory) throw advisory;
};

/** Sends the variant's body with one field broken at a time; every one must be a 400 naming that field. */
export const checkGeneratedInvalidBodies = async (context: GenerationContext, variant: Variant, call: Omit<CheckoutCall, 'body'>): Promise<void> => {
  const { config, contract, generator, send } = context;
  const valid = fc.sample(generator.bodies(variant.schema, 'full'), { seed: variantSeed(config.seed, variant.name), numRuns: 1 })[0];
  const errors: ContractViolationError[] = [];
  for (const broken of generator.breakages(variant.schema, valid, variant.name.startsWith('account'))) {
    const label = `${variant.name}, ${broken.field} ${broken.what}`;
    const received = await send({ ...call, body: broken.body }, label);
    const { violations, body } = contract.check(received);
    const errorChecks = received.status === 400 && body !== undefined ? [...checkErrorSemantics(400, body), ...checkErrorNamesField(broken.field, body)] : [];
    // Naming the field is no stronger than refusing the body at all.
    const named = errorChecks.map((violation) => (isJudgement(broken.basis) ? { ...violation, basis: broken.basis } : violation));
    const error = findings(label, [...statusViolations(received, 400, `${broken.field} ${broken.what}`, broken.basis), ...violations, ...named], broken.body);
    if (error) errors.push(error);
  }
  if (errors.length > 0) throw ContractViolationError.combine(variant.name, errors);
};
