/**
 * IndexedDB database names of one test file's own (the test files of an engine share one origin,
 * so a shared name would let one file's records into another's cases), deleted after its suite.
 * Call inside a `describe`: `fresh()` gives a new name each time.
 */
export function freshDatabases(prefix: string): { fresh(): string } {
  const names: string[] = [];
  after(async () => {
    for (const name of names)
      await new Promise((done) => {
        const q = indexedDB.deleteDatabase(name);
        q.onsuccess = q.onerror = q.onblocked = done;
      });
  });
  return {
    fresh() {
      const name = `${prefix}-${Math.random().toString(36).slice(2)}`;
      names.push(name);
      return name;
    },
  };
}
