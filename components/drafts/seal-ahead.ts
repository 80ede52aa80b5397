/**
 * Sealing ahead, so the last answers survive a reload or a navigation away (docs/reliability.md).
 *
 * Saving is sealing (Web Crypto, asynchronous) and then an IndexedDB write; a page being unloaded
 * runs no more tasks, so a save that starts at `pagehide` never finishes. So after each change
 * the draft is sealed at once (AES-GCM of a few KB: a millisecond or two, off the main thread)
 * and kept here; when the page goes, `writeNow` opens the transaction and puts that record
 * within the event handler itself, on the connection already open, and commits it: the browser
 * finishes a transaction committed before the page went. Tried in each engine: Chromium and
 * Firefox keep it from `pagehide` only with the explicit `commit()`; WebKit drops a transaction
 * opened in `pagehide` even then, and keeps one from `beforeunload` (fired before the next page
 * is asked for): so both, and `visibilitychange` to hidden (a phone switching apps). The
 * debounced write (500 ms: cheap phones do not write IndexedDB per keystroke) stays for the rest.
 *
 * Sealing needs no read while nothing else was written (DraftStore keeps the draft it last read
 * or wrote): one encryption. A change made while the page goes but not sealed yet is not in the
 * record put; the newest sealed one is. That window, measured from the change reaching the
 * controller to its record being sealed (demo page, 2 shared cores, test/e2e/
 * drafts-unload.engines.ts instrumented): Chromium 0.2–1.5 ms (once 8), Firefox 0–10 ms,
 * WebKit 1–17 ms; at most twice that when a change comes while the one before is being sealed.
 * A person's keys come 100 ms or more apart. What is not in it is lost only if the page is gone
 * before the regular save catches up (`flush`, started in the same handler). Nothing is ever
 * kept in clear meanwhile.
 *
 * Another tab's write (told over the BroadcastChannel: `touch`), this tab's own debounced save
 * and its kept files (their own path: DraftStore.keepFiles) all make the sealed record stale:
 * it is never put over them (DraftStore.putNow), and the latest answers are sealed again. So
 * while such a write is in flight (this tab's own: one transaction of a few ms after each pause
 * in typing) nothing is put at once either; the regular save is all there is then.
 *
 * Another tab's write whose message has not arrived yet (a few ms before the page goes) is not
 * known here: the record put then claims the revision that write already claimed, the `add` of
 * the claim fails and the whole transaction is undone by IndexedDB itself (DraftStore `claim`):
 * nothing older is put over it, with no read to wait for in a page that may run no more tasks.
 */
import type { DraftController } from './controller.js';
import { draftId, type DraftStore, type SaveChange, type SealedDraft } from './draft-store.js';

interface Ahead {
  store: DraftStore;
  sealed: SealedDraft;
  /** What it was sealed from: the tab's answers, the paths changed, the page. */
  change: SaveChange;
}

export class SealAhead {
  private latest?: Ahead;
  private running = false;
  private again = false;

  constructor(private readonly ctl: DraftController) {}

  /** The answers changed: seal them as soon as the sealing before (if any) is over. */
  soon(): void {
    this.again = true;
    if (!this.running) void this.run();
  }

  /** Nothing sealed so far may be written (the data on this device was deleted). */
  drop(): void {
    this.latest = undefined;
  }

  /** Within a `pagehide`, `beforeunload` or `visibilitychange` handler: no await before it. */
  writeNow(): void {
    const ahead = this.latest;
    this.latest = undefined;
    const done = ahead?.store.putNow(ahead.sealed);
    if (!ahead || !done || !this.ctl.key) return;
    const { ctl } = this;
    const { change } = ahead;
    // Other tabs read it after it is committed: IndexedDB runs their reads after this write.
    ctl.broadcast({
      type: 'saved',
      id: draftId(ctl.key!),
      writer: ctl.tabId,
      paths: [...change.paths],
    });
    ctl.saving = ctl.saving
      .then(() => done)
      .then(
        (put) => {
          // Another tab had written first: the regular save patches this tab's answers onto it.
          if (!put) return;
          ctl.baseline = change.answers;
          ctl.savedPage = change.page;
          ctl.replaceNext = false;
        },
        (cause: unknown) => ctl.storageFailed(cause),
      );
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.again) {
        this.again = false;
        this.latest = await this.sealNow().catch(() => undefined);
      }
    } finally {
      this.running = false;
    }
  }

  /** The draft as a save would write it now, sealed; undefined when there is nothing to write. */
  private async sealNow(): Promise<Ahead | undefined> {
    const store = await this.ctl.openStore();
    const next = this.ctl.pending();
    const sealed = next && (await store?.sealAhead(next.key, next.change, next.options));
    return sealed && store && { store, sealed, change: next.change };
  }
}
