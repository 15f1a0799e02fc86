// What the token endpoint's schema cannot say: the token is for the grant asked, and `expires` (Unix
// seconds) is in the future and agrees with `expires_in` counted from when the answer came.
import { valueAt } from '../lib/json-pointer.ts';
import { grants, type TokenKind } from './tokens.ts';
import { shown, type Violation } from './violations.ts';

/** Clocks of the server and of the CI runner may differ by this much. */
export const clockToleranceSeconds = 5;

export const checkTokenAnswer = (body: unknown, receivedAt: number, kind: TokenKind): Violation[] => {
  const [expires, expiresIn, identifier] = ['/expires', '/expires_in', '/identifier'].map((pointer) => valueAt(body, pointer));
  const violations: Violation[] = [];
  if (identifier !== grants[kind]) violations.push({ where: '/identifier', expected: `"${grants[kind]}", the grant asked for`, actual: shown(identifier) });
  if (typeof expires !== 'number' || typeof expiresIn !== 'number') return violations;
  if (expires <= receivedAt) {
    violations.push({ where: '/expires', expected: `a time after the answer came (${Math.floor(receivedAt)}): the token has already expired`, actual: shown(expires) });
  } else if (Math.abs(expires - (receivedAt + expiresIn)) > clockToleranceSeconds) {
    const expected = `about ${Math.round(receivedAt + expiresIn)}, the answer's time plus expires_in ${expiresIn} (within ${clockToleranceSeconds} s)`;
    violations.push({ where: '/expires', expected, actual: shown(expires) });
  }
  return violations;
};
