// Loaded before mocha in an engine with gaps (web-test-runner.config.mjs, test/engine-gaps.json):
// a test whose title is listed is declared pending, so it is reported as skipped in this engine
// (mocha's grep would report it as failed). It wraps the global `it` mocha defines.
const gaps = new Set(globalThis.__DVC_GAPS__ ?? []);
let original;
function it(title, fn) {
  // `it.skip(title)` calls `it(title)` with no function: that is the pending test itself.
  if (fn && gaps.has(title)) return original(title);
  return fn ? original(title, fn) : original(title);
}
Object.defineProperty(globalThis, 'it', {
  configurable: true,
  get: () => (original ? it : undefined),
  set: (f) => {
    original = f;
  },
});
