// The status a contract test expects, as a violation when the server answered otherwise.
import type { Basis } from './evidence.ts';
import { RESPONSE_STATUS, shown, type Violation } from './violations.ts';
import type { ReceivedResponse } from './response-contract.ts';

export const statusViolations = (received: ReceivedResponse, expected: number, why: string, basis?: Basis): Violation[] =>
  received.status === expected
    ? []
    : [{ where: RESPONSE_STATUS, expected: `${expected} (${why})`, actual: `${received.status} with body ${shown(received.bodyText)}`, basis }];
