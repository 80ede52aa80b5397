// Waiting for a condition instead of sleeping a fixed time: on a loaded CI machine anything can
// take longer, and a test that sleeps then asserts fails for the machine, not for the product.
import assert from 'node:assert/strict';

/** What a wait says when it gives up: text, or built then (to show the state it last saw). */
type What = string | (() => string);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `check` every `every` ms until it holds; after `ms` fails with "timed out waiting for
 * `what`".
 */
export async function until(
  what: What,
  check: () => boolean | Promise<boolean>,
  ms = 30_000,
  every = 50,
): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) {
      assert.fail(
        `timed out after ${ms} ms waiting for ${typeof what === 'function' ? what() : what}`,
      );
    }
    await pause(every);
  }
}

/**
 * Reads `read` until `done` holds of what it read, or `ms` pass, and returns the last value read
 * either way: the assertion that follows then shows what was seen, not only that time ran out.
 */
export async function lastRead<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  ms = 10_000,
  every = 100,
): Promise<T> {
  const end = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() <= end) {
    await pause(every);
    value = await read();
  }
  return value;
}
