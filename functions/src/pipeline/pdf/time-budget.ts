/**
 * Races `work` against a deadline so no single PDF, page or OCR job can hang the process. On
 * time-out `onTimeout` runs (cancel the render task, kill the worker ...) and the promise rejects
 * with what `timeoutError` builds; the late result of `work` is dropped.
 */
export async function withTimeBudget<T>(
  work: Promise<T>,
  ms: number,
  timeoutError: () => Error,
  onTimeout?: () => void,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      try {
        onTimeout?.();
      } finally {
        reject(timeoutError());
      }
    }, ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    // The losing promise may still reject later; swallow it so it never becomes unhandled.
    work.catch(() => {});
  }
}
