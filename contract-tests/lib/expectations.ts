// The status a contract test expects, as a violation when the server answered otherwise.
import { RESPONSE_STATUS, shown, type Violation } from './violations.ts';
import type { ReceivedResponse } from './response-contract.ts';

export type ExpectedStatus = number | '4xx';

export const statusViolations = (received: ReceivedResponse, expected: ExpectedStatus, why: string): Violation[] => {
  const matches = expected === '4xx' ? received.status >= 400 && received.status < 500 : received.status === expected;
  return matches ? [] : [{ where: RESPONSE_STATUS, expected: `${expected} (${why})`, actual: `${received.status} with body ${shown(received.bodyText)}` }];
};
