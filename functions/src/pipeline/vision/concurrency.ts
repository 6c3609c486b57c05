/**
 * At most `limit` calls in flight; the rest wait in arrival order. Model providers rate-limit
 * per organisation, so a 50-page document must not open 50 requests at once.
 */
export function createLimiter(limit: number): <T>(work: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`concurrency must be a positive integer, got ${limit}`);
  let running = 0;
  const waiting: Array<() => void> = [];
  // A finishing call hands its slot straight to the next waiter, so no newcomer can slip in
  // between and push the count over the limit.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await work();
    } finally {
      release();
    }
  };
}
