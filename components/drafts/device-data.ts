/**
 * "Xoá dữ liệu trên máy này" for the DraftController, apart from it so the controller stays
 * within the 700-line limit: every draft, kept file, waiting application and the draft key of
 * this site on this device are deleted, here (`clear`) or in another tab (`clearedElsewhere`,
 * on its 'deleted' message for '*'); either way nothing more is kept for this page.
 */
import type { DraftController } from './controller.js';
import { clearDeviceData } from './crypto.js';
import { consentMessages } from './consent.js';
import { DRAFT_DB_NAME } from './db.js';
import { DRAFT_PHASE, NOTICE_KIND } from './types.js';

/** How long a deletion may wait on a closing connection before the person is told why. */
const CLEAR_BLOCKED_NOTICE_MS = 500;

export class DeviceData {
  constructor(private readonly ctl: DraftController) {}

  /** See DraftController.clearDevice. */
  async clear(): Promise<void> {
    const { ctl } = this;
    clearTimeout(ctl.timer);
    ctl.timer = undefined;
    ctl.ahead.drop();
    ctl.phase = DRAFT_PHASE.declined;
    ctl.offer = undefined;
    ctl.expiresAt = undefined;
    const open = [ctl.store, ctl.outboxLink.outbox];
    ctl.store = undefined;
    ctl.outboxLink.outbox = undefined;
    ctl.cipherOpening = undefined;
    await ctl.saving;
    for (const p of open) (await p?.catch(() => undefined))?.close();
    // A connection of this page that is closing as asked blocks the deletion for a moment too:
    // "another tab holds the data" is said only when the wait lasts.
    let blocked: ReturnType<typeof setTimeout> | undefined;
    try {
      await clearDeviceData(
        ctl.options.factory ?? globalThis.indexedDB,
        [ctl.options.dbName ?? DRAFT_DB_NAME, ctl.keyDbName],
        () => {
          blocked ??= setTimeout(
            () =>
              ctl.notify({
                kind: NOTICE_KIND.consent,
                role: 'status',
                text: (_m, lang) => consentMessages(lang).clearBlocked,
              }),
            CLEAR_BLOCKED_NOTICE_MS,
          );
        },
      );
      clearTimeout(blocked);
      ctl.broadcast({ type: 'deleted', id: '*', writer: ctl.tabId, paths: [] });
      ctl.notify({
        kind: NOTICE_KIND.consent,
        role: 'status',
        text: (_m, lang) => consentMessages(lang).cleared,
      });
    } catch (cause) {
      clearTimeout(blocked);
      console.error('dvc-form: the data on this device cannot be deleted', cause);
      ctl.notify({
        kind: NOTICE_KIND.consent,
        role: 'alert',
        text: (_m, lang) => consentMessages(lang).clearFailed,
      });
    }
    ctl.host.requestUpdate();
  }

  /** Another tab deleted the data on this device: this one must not write it back. */
  clearedElsewhere(): void {
    const { ctl } = this;
    clearTimeout(ctl.timer);
    ctl.timer = undefined;
    ctl.phase = DRAFT_PHASE.declined;
    ctl.offer = undefined;
    ctl.ahead.drop();
    ctl.store = undefined;
    ctl.outboxLink.outbox = undefined;
    ctl.cipherOpening = undefined;
    ctl.notify({
      kind: NOTICE_KIND.consent,
      role: 'status',
      text: (_m, lang) => consentMessages(lang).cleared,
    });
  }
}
