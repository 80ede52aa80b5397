/**
 * A draft deleted in another tab (its dossier sent there, or "Khai lại từ đầu" chosen there)
 * while this tab still has the application open (docs/reliability.md, "A draft deleted in one
 * tab stays deleted"). This tab then keeps nothing more of it, as after sending: written, the
 * draft would come back to be sent twice. The person is told so, where they are, and offered
 * "Giữ bản khai ở đây": this tab's answers kept as a new draft, counted on from the tombstone
 * (DraftStore `afresh`), never written over a draft another tab has started since.
 *
 * The notice is polite and takes no focus: it comes while the person may be typing in a field
 * (the 'deleted' message, or their own next save being refused), and focus moved then would
 * send their next keys elsewhere. Its answer to "Giữ bản khai ở đây" does take focus (the
 * button goes with the notice it was in): as the answer to "Lưu tạm…?" (notices.ts).
 */
import type { DraftController } from './controller.js';
import { DraftTakenError, draftId } from './draft-store.js';
import { DRAFT_PHASE, NOTICE_KIND } from './types.js';

export class DeletedElsewhere {
  constructor(private readonly ctl: DraftController) {}

  /** Another tab said it deleted this draft: told now, before the person types on. */
  async onDeleted(): Promise<void> {
    const { ctl } = this;
    const key = ctl.key;
    const store = await ctl.openStore();
    if (!key || !store) return;
    // Nothing of it on this page (never resumed, saved into or taken from): the answers here
    // are this tab's own, typed or not yet, and its next save keeps them as a new draft.
    if (!ctl.holds) return void store.forget(key);
    const gone = await store.deletedSinceSeen(key).catch(() => false);
    if (gone && ctl.phase === DRAFT_PHASE.active && ctl.key === key) this.stop();
  }

  /**
   * The draft on the resume page was deleted in another tab (its 'deleted' message, or found so
   * as "Tiếp tục" is pressed): continued, a dossier sent there would come back to be sent twice.
   * The offer goes, the person is told (focus there: the page they were on goes), and this tab
   * starts a new application. Resolves with whether it was gone.
   */
  async offerGone(id?: string): Promise<boolean> {
    const { ctl } = this;
    const record = ctl.offer?.record;
    if (ctl.phase !== DRAFT_PHASE.offer || !record || (id && id !== record.id)) return false;
    // A draft of another version is deleted as one tab carries it over (no tombstone, no
    // message): continued here too, it merges into that tab's, as before.
    if (!id && ctl.offer?.carried) return false;
    if (!id) {
      const store = await ctl.openStore();
      const key = { code: record.code, version: record.version };
      const gone =
        !!store &&
        ((await store.deletedSinceSeen(key).catch(() => false)) ||
          !(await store.get(key).catch(() => record)));
      if (!gone || ctl.offer?.record !== record) return false;
    }
    ctl.offer = undefined;
    ctl.notify({
      kind: NOTICE_KIND.deleted,
      role: 'status',
      text: (m) => m.offerGone,
      focus: true,
    });
    ctl.askOrSave();
    return true;
  }

  /** This application is over here (DraftDeletedError): nothing more is kept, and they are told. */
  stop(): void {
    const { ctl } = this;
    clearTimeout(ctl.timer);
    ctl.timer = undefined;
    ctl.ahead.drop();
    ctl.phase = DRAFT_PHASE.done;
    ctl.notify({
      kind: NOTICE_KIND.deleted,
      role: 'status',
      text: (m) => m.deletedElsewhere,
      action: { label: (m) => m.keepHere, run: () => void this.keepHere() },
    });
  }

  /** "Giữ bản khai ở đây": the answers on this page, written as a new draft. */
  async keepHere(): Promise<void> {
    const { ctl } = this;
    if (ctl.phase !== DRAFT_PHASE.done) return;
    ctl.phase = DRAFT_PHASE.active;
    const run = ctl.saving.then(async () => {
      const store = await ctl.openStore();
      const next = ctl.pending(true);
      if (!store || !next) {
        ctl.phase = DRAFT_PHASE.done;
        return;
      }
      try {
        const saved = await store.save(next.key, next.change, { ...next.options, afresh: true });
        ctl.holds = true;
        ctl.baseline = next.change.answers;
        ctl.savedPage = next.change.page;
        ctl.replaceNext = false;
        ctl.expiresAt = saved.expiresAt;
        ctl.notify({
          kind: NOTICE_KIND.deleted,
          role: 'status',
          text: (m) => m.keptHere,
          focus: true,
        });
        ctl.broadcast({
          type: 'saved',
          id: draftId(next.key),
          writer: ctl.tabId,
          paths: [...next.change.paths],
        });
      } catch (cause) {
        ctl.phase = DRAFT_PHASE.done;
        if (!(cause instanceof DraftTakenError)) return ctl.storageFailed(cause);
        ctl.notify({
          kind: NOTICE_KIND.deleted,
          role: 'status',
          text: (m) => m.keepHereTaken,
          focus: true,
        });
      }
    });
    ctl.saving = run.catch(() => undefined);
    await ctl.saving;
    // The files chosen here go with the new draft too (the deleted draft's went with it).
    if (ctl.phase === DRAFT_PHASE.active) await ctl.files.keepAll();
  }
}
