// Is anything answering HTTP at the base URL? Any status counts: the suite judges answers, this
// only tells a server that is not there (or not yet) from one that is.
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const retryEveryMs = 200;

const answers = async (baseUrl: string, timeoutMs: number): Promise<string | undefined> => {
  try {
    const response = await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return undefined;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? (error as Error).message;
  }
};

export const waitForServer = async (baseUrl: string, waitMs: number, timeoutMs: number): Promise<{ ok: true } | { ok: false; reason: string }> => {
  const deadline = performance.now() + waitMs;
  for (;;) {
    const failure = await answers(baseUrl, timeoutMs);
    if (failure === undefined) return { ok: true };
    if (performance.now() + retryEveryMs > deadline) {
      const waited = waitMs > 0 ? ` within ${waitMs} ms (--wait-ms)` : ' (use --wait-ms to wait for it)';
      return { ok: false, reason: `No server answers at ${baseUrl}${waited}: ${failure}` };
    }
    await pause(retryEveryMs);
  }
};
