import { expect } from '@open-wc/testing';
import { loadOnce } from '../../../components/base/load-once.js';

// The lazy chunks (address field, repeat group, Submit) load through loadOnce: one fetch shared
// by every caller, and a fresh one after a failure (a flaky network must not break the form
// for good).
describe('loadOnce', () => {
  it('starts the load once and gives every caller the same promise', async () => {
    let calls = 0;
    const load = loadOnce(() => Promise.resolve(++calls));
    const [a, b] = [load(), load()];
    expect(a).to.equal(b);
    expect(await a).to.equal(1);
    expect(await load()).to.equal(1);
    expect(calls).to.equal(1);
  });

  it('starts again after a failure, and keeps the load that then succeeds', async () => {
    let calls = 0;
    const load = loadOnce(() =>
      ++calls === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(calls),
    );
    let failure: unknown;
    await load().catch((e: unknown) => (failure = e));
    expect((failure as Error).message).to.equal('offline');
    expect(await load()).to.equal(2);
    expect(await load()).to.equal(2);
    expect(calls).to.equal(2);
  });
});
