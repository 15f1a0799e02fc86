// The request log: lines are gathered and written together once per turn of the event loop, so
// under load the mock makes one write for many requests rather than one console.log each.
export const batchedLineWriter = (stream: NodeJS.WritableStream = process.stdout): ((line: string) => void) => {
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    stream.write(`${pending.join('\n')}\n`);
    pending = [];
  };
  // Writes to files, pipes and terminals are synchronous on Linux, so nothing gathered is lost on exit.
  process.on('exit', flush);
  return (line) => {
    if (pending.push(line) === 1) setImmediate(flush);
  };
};
