// Runs at most `limit` tasks at a time; the rest wait in order. Used so that many pages arriving together
// do not all hold a decoded full-resolution page image (~9 MB raw, several copies while preparing) at once.

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function limitConcurrency(limit: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
