/**
 * A lazy chunk (or any asynchronous load) started at most once at a time: every caller shares the
 * one promise while it is pending or fulfilled; after a rejection the next call starts again,
 * so a chunk that failed on a flaky network is fetched again when a person retries.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    if (!pending) {
      const started = load();
      pending = started;
      started.catch(() => {
        if (pending === started) pending = undefined;
      });
    }
    return pending;
  };
}
