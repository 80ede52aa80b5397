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
 */
import type { DraftStore, SaveChange, SealedDraft } from './draft-store.js';

export interface Ahead {
  store: DraftStore;
  sealed: SealedDraft;
  /** What it was sealed from: the tab's answers, the paths changed, the page. */
  change: SaveChange;
}

export interface SealAheadHost {
  /** The draft as it would be saved now, sealed; undefined when there is nothing to write. */
  sealNow(): Promise<Ahead | undefined>;
  /** The record was put at once: `done` resolves once it is committed. */
  wrote(done: Promise<void>, ahead: Ahead): void;
}

export class SealAhead {
  private latest?: Ahead;
  private running = false;
  private again = false;

  constructor(private readonly host: SealAheadHost) {}

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
    const done = ahead && ahead.store.putNow(ahead.sealed);
    if (done) this.host.wrote(done, ahead);
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.again) {
        this.again = false;
        this.latest = await this.host.sealNow().catch(() => undefined);
      }
    } finally {
      this.running = false;
    }
  }
}
