// `ep-checkout mock --workers N`: N copies of the mock, one process each, share one port through
// Node's cluster module (it deals connections out among them), for load tests that need more than
// one core. Each copy has its own Prism engine and cache, so the answers are those of one process.
import cluster from 'node:cluster';

export const isWorker = (): boolean => cluster.isWorker;

/** In a worker whose mock has closed: let go of the primary, or the open channel keeps the process alive. */
export const leavePool = (): void => {
  cluster.worker?.disconnect();
};

export interface WorkerPool {
  url: string;
  close(): Promise<void>;
}

/** Starts `count` workers running `entry` with `args`; resolves once every one listens. */
export const startWorkers = (count: number, entry: string, args: string[]): Promise<WorkerPool> => {
  cluster.setupPrimary({ exec: entry, args });
  const workers = Array.from({ length: count }, () => cluster.fork());
  const stop = async (): Promise<void> => {
    await Promise.all(
      // Each worker stops as on Ctrl-C: it closes its server, then leaves the pool.
      workers.filter((worker) => !worker.isDead()).map((worker) => new Promise((resolve) => worker.once('exit', resolve).process.kill('SIGTERM'))),
    );
  };
  return new Promise((resolve, reject) => {
    let listening = 0;
    for (const worker of workers) {
      worker.once('listening', ({ address, port }) => {
        listening += 1;
        if (listening === count) resolve({ url: `http://${address}:${port}`, close: stop });
      });
      worker.once('exit', (code) => {
        if (listening < count) void stop().then(() => reject(new Error(`a worker exited with code ${code} before it listened`)));
      });
    }
  });
};
