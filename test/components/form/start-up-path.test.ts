/**
 * What a form given its compiled module (`provideCompiled`, the README's default embed) waits for
 * between the core's evaluation and its first page (issue 22 round 7, docs/performance.md): the
 * engine chunk and one look at the drafts database, nothing else. Each animation frame, timer or
 * idle callback on that path would cost a frame or a task at least, and each IndexedDB request a
 * round trip to the browser that waits for the main thread, so the test lists every one made by
 * the product's code until the form is ready.
 */
import { expect } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import { provideCompiled } from '../../../components/form/provide.js';
import { DRAFTS_PROBE_LIMIT_MS } from '../../../components/form/drafts.js';
import { DRAFT_DB_NAME } from '../../../components/drafts/db-name.js';
import { DRAFT_DB_VERSION, openDraftDatabase } from '../../../components/drafts/db.js';
import * as compiledBasic from './fixtures/compiled-basic.js';

/** True when the current stack passes through the product's code (not the test runner's). */
const fromProduct = () =>
  (new Error().stack ?? '')
    .split('\n')
    .some((line) => /\/(components|src)\//.test(line) && !/\/test\//.test(line));

describe('dvc-form start-up path: what it waits for before its first page', () => {
  const calls: string[] = [];
  const restore: (() => void)[] = [];
  const names: string[] = [];
  let box: HTMLElement;

  /** Replaces `obj[key]` by a function that records `label` (from the product only) first. */
  function spy<T extends object>(
    obj: T,
    key: keyof T & string,
    label: (args: unknown[]) => string,
  ) {
    const real = obj[key] as (...args: unknown[]) => unknown;
    (obj as Record<string, unknown>)[key] = function (this: unknown, ...args: unknown[]) {
      if (fromProduct()) calls.push(label(args));
      return real.apply(this, args);
    };
    restore.push(() => ((obj as Record<string, unknown>)[key] = real));
  }

  beforeEach(() => {
    calls.length = 0;
    // The drafts database of this case only (other test files share this origin's).
    const name = `dvc-forms-drafts-path-${Math.random().toString(36).slice(2)}`;
    names.push(name);
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, db: string, version?: number) {
      if (fromProduct()) calls.push(`open ${db}`);
      return open.call(this, db === DRAFT_DB_NAME ? name : db, version);
    };
    restore.push(() => (IDBFactory.prototype.open = open));
    spy(IDBFactory.prototype, 'databases', () => 'databases');
    spy(IDBObjectStore.prototype, 'count', () => 'count');
    spy(window, 'requestAnimationFrame', () => 'requestAnimationFrame');
    spy(window, 'setTimeout', (args) => `setTimeout ${String(args[1] ?? 0)}`);
    spy(window, 'clearTimeout', () => 'clearTimeout');
    if ('requestIdleCallback' in window) spy(window, 'requestIdleCallback', () => 'idle');
    spy(customElements, 'whenDefined', (args) => `whenDefined ${String(args[0])}`);
    box = document.createElement('div');
    document.body.append(box);
  });
  afterEach(() => {
    while (restore.length) restore.pop()!();
    box.remove();
  });
  after(async () => {
    for (const name of names)
      await new Promise((done) => {
        const q = indexedDB.deleteDatabase(name);
        q.onsuccess = q.onerror = q.onblocked = done;
      });
  });

  /** The calls made until the form's status became `ready` (its first page renders then). */
  async function untilReady(stuck = false): Promise<string[]> {
    box.innerHTML = `<dvc-form procedure="/khong-co/dang-ky-khai-sinh.json" today="2025-04-01"></dvc-form>`;
    const form = box.querySelector<DvcForm>('dvc-form')!;
    let atReady: string[] | undefined;
    let proto = Object.getPrototypeOf(form) as object;
    let status = Object.getOwnPropertyDescriptor(proto, 'status');
    while (!status) {
      proto = Object.getPrototypeOf(proto) as object;
      status = Object.getOwnPropertyDescriptor(proto, 'status');
    }
    Object.defineProperty(form, 'status', {
      configurable: true,
      get: status.get,
      set(this: DvcForm, value: DvcForm['status']) {
        if (value === 'ready' && !atReady) atReady = [...calls];
        status.set!.call(this, value);
      },
    });
    expect(provideCompiled(compiledBasic, 'dang-ky-khai-sinh.json', box)).to.equal(1);
    await form.settled();
    expect(form.status).to.equal('ready');
    // The drafts' own look-ups after ready (they open databases too: drafts, key, outbox) end
    // inside this case, or the next case would count what this form still does. ready() does
    // not wait for the outbox's; a second flush shares its open and waits for it.
    await form.updateComplete;
    // (Not when IndexedDB never answers: those wait too, and the form does not wait for them.)
    if (!stuck) {
      await form.draftLink.controller?.ready();
      await form.draftLink.controller?.flushOutbox();
    }
    return atReady!;
  }

  // The one timer is the bound on the browser's answer (DRAFTS_PROBE_LIMIT_MS): set and cleared
  // when the answer comes, it never runs, so it costs no task.
  it('a first visit (no drafts database): one open, no frame, timer run or list of databases', async () => {
    expect(await untilReady()).to.deep.equal([
      `setTimeout ${DRAFTS_PROBE_LIMIT_MS}`,
      `open ${DRAFT_DB_NAME}`,
      'clearTimeout',
    ]);
  });

  it('a returning visitor who kept nothing: one open and one count per store, nothing else', async () => {
    (await openDraftDatabase(indexedDB, names.at(-1)!)).close();
    calls.length = 0;
    expect(await untilReady()).to.deep.equal([
      `setTimeout ${DRAFTS_PROBE_LIMIT_MS}`,
      `open ${DRAFT_DB_NAME}`,
      // drafts, files, outbox (not the revision claims: nothing there to resume or send)
      'count',
      'count',
      'count',
      'clearTimeout',
    ]);
  });

  it('a browser whose IndexedDB never answers: ready once the bound has passed, drafts after', async () => {
    // A drafts database whose opens do not answer: a version change waits for a connection that
    // is never closed, and every later open waits behind it (the probe's and the drafts').
    const name = names.at(-1)!;
    const holder = await new Promise<IDBDatabase>((resolve) => {
      const q = indexedDB.open(name);
      q.onsuccess = () => resolve(q.result);
    });
    const upgrade = indexedDB.open(name, DRAFT_DB_VERSION + 1);
    upgrade.onsuccess = () => upgrade.result.close();
    try {
      const started = performance.now();
      expect(await untilReady(true)).to.deep.equal([
        `setTimeout ${DRAFTS_PROBE_LIMIT_MS}`,
        `open ${DRAFT_DB_NAME}`,
      ]);
      expect(performance.now() - started).to.be.at.least(DRAFTS_PROBE_LIMIT_MS);
      const form = box.querySelector<DvcForm>('dvc-form')!;
      // The drafts came after ready, as on a first visit: their notices go below the page.
      expect(form.draftLink.controller).to.not.equal(undefined);
      expect(form.draftLink.noticesBelow()).to.equal(true);
    } finally {
      holder.close();
    }
  });
});
