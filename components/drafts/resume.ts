/**
 * The resume offer of the DraftController, apart from it so the controller stays within the
 * 700-line limit: after a (re)load, a draft for the same procedure code + version is offered back
 * ("Tiếp tục hồ sơ đang khai" / "Khai lại từ đầu"); a draft for another version is carried over
 * field by field and the questions to answer again are listed by label. A draft that holds
 * nothing (or was written by this very page load) is not offered; the next save replaces it.
 */
import type { UiLang } from '../base/i18n.js';
import { carryOver } from './carry-over.js';
import type { DraftController } from './controller.js';
import type { DraftRecord } from './draft-store.js';
import { DRAFT_PHASE, NOTICE_KIND, localize, sideAnswers } from './types.js';

export class DraftResume {
  constructor(private readonly ctl: DraftController) {}

  /** Looks the draft up after a (re)load: offers it back, or asks (or starts saving). */
  async check(): Promise<void> {
    const { ctl } = this;
    if (ctl.options.enabled?.() === false) {
      ctl.phase = DRAFT_PHASE.off;
      void ctl.outboxLink.flushOutbox();
      return;
    }
    const store = await ctl.openStore();
    const key = ctl.key!;
    const procedure = ctl.procedure!;
    if (!store) return;
    const loadedAt = ctl.options.loadedAt?.() ?? performance.timeOrigin;
    const offerable = (r: DraftRecord | undefined): r is DraftRecord =>
      !!r && r.savedAt < loadedAt && hasContent(r);
    ctl.replaceNext = false;
    try {
      await store.purgeExpired();
      const same = await store.get(key);
      if (same && !offerable(same)) ctl.replaceNext = true;
      if (offerable(same) && ctl.procedure === procedure) {
        ctl.offer = { record: same };
        ctl.phase = DRAFT_PHASE.offer;
      } else {
        const other = await store.findOtherVersion(key);
        if (offerable(other) && ctl.procedure === procedure) {
          ctl.offer = {
            record: other,
            carried: carryOver(other, procedure, ctl.options.checker?.()),
          };
          ctl.phase = DRAFT_PHASE.offer;
        } else if (ctl.procedure === procedure) {
          ctl.askOrSave();
        }
      }
    } catch (cause) {
      ctl.storageFailed(cause);
      ctl.phase = DRAFT_PHASE.active;
    }
    ctl.host.requestUpdate();
    // A submission left in the outbox by an earlier visit goes now (any procedure's).
    void ctl.outboxLink.flushOutbox();
  }

  /** See DraftController.resume. */
  async resume(): Promise<void> {
    const { ctl } = this;
    const offer = ctl.offer;
    const store = await ctl.openStore();
    if (!offer || !store || !ctl.key) return;
    if ((await ctl.elsewhere.offerGone()) || ctl.offer !== offer) return;
    const { record, carried } = offer;
    // Answers the form keeps beside the procedure's questions (`@…`, e.g. the delivery choice)
    // are no field of any version: they go over to the new version as they are.
    const answers = carried
      ? { ...sideAnswers(record.answers), ...carried.answers }
      : record.answers;
    ctl.offer = undefined;
    ctl.holds = true;
    ctl.expiresAt = record.expiresAt;
    ctl.baseline = structuredClone(answers);
    ctl.phase = DRAFT_PHASE.active;
    if (carried) {
      const reenter = carried.reenter;
      ctl.notify({
        kind: NOTICE_KIND.versionChanged,
        role: 'status',
        text: (m) =>
          `${m.versionChanged} ${reenter.length > 0 ? m.reenterFields : m.versionChangedNothingLost}`,
        ...(reenter.length > 0
          ? { list: (lang: UiLang) => reenter.map((r) => localize(r.label, lang)) }
          : {}),
      });
    }
    // Files come back to their upload elements once those are on screen.
    for (const [slot, docs] of Object.entries(record.documents ?? {})) {
      try {
        const files = await store.files(record, docs);
        if (files.length > 0) ctl.files.pendingFiles.set(slot, files);
      } catch (cause) {
        console.error('dvc-form: cannot read the draft files', cause);
      }
    }
    await ctl.options.restore(structuredClone(answers), carried ? undefined : record.page);
    const s = ctl.options.state();
    ctl.lastAnswers = s?.answers;
    ctl.lastPage = s?.page;
    ctl.savedPage = carried ? undefined : record.page;
    if (carried) {
      // The draft now belongs to this version; the old one goes.
      await store.delete(record).catch(() => undefined);
      ctl.baseline = {};
      ctl.schedule(0);
    }
    ctl.host.requestUpdate();
  }

  /** See DraftController.restart. */
  async restart(): Promise<void> {
    const { ctl } = this;
    const offer = ctl.offer;
    const store = await ctl.openStore();
    ctl.offer = undefined;
    if (offer && store) {
      await store.delete(offer.record).catch((cause: unknown) => ctl.storageFailed(cause));
      ctl.broadcast({ type: 'deleted', id: offer.record.id, writer: ctl.tabId, paths: [] });
    }
    // Maybe the next person at a shared computer: ask again before keeping their answers.
    ctl.askOrSave();
    ctl.host.requestUpdate();
  }
}

function hasContent(record: DraftRecord): boolean {
  return (
    Object.keys(record.answers ?? {}).length > 0 ||
    Object.values(record.documents ?? {}).some((d) => d.length > 0)
  );
}
