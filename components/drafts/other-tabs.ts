/**
 * What the DraftController does with another tab's message on the BroadcastChannel, apart from
 * it so the controller stays within the 700-line limit. Each tab writes only the answers it
 * changed and says which; the others take the newer answers (except those typed there and not
 * saved yet: that tab writes them next, last) and say so. Last writer wins per answer, never for
 * the whole draft. A deletion is handed on: of the whole device's data to DeviceData, of this
 * draft to DeletedElsewhere.
 */
import type { DraftController } from './controller.js';
import { draftId } from './draft-store.js';
import { changedPaths, patch } from './paths.js';
import { DRAFT_PHASE, NOTICE_KIND, localize, type ChannelMessage } from './types.js';

export class OtherTabs {
  constructor(private readonly ctl: DraftController) {}

  async onMessage(msg: ChannelMessage): Promise<void> {
    const { ctl } = this;
    if (msg.writer !== ctl.tabId) {
      // Another tab wrote: what was sealed ahead here must not be put over it; sealed again.
      void ctl.store?.then((store) => store?.touch());
      ctl.ahead.soon();
    }
    if (msg.type === 'deleted' && msg.id === '*' && msg.writer !== ctl.tabId) {
      return ctl.device.clearedElsewhere();
    }
    if (msg.type === 'deleted' && msg.writer !== ctl.tabId) void ctl.elsewhere.offerGone(msg.id);
    if (!ctl.key || msg.writer === ctl.tabId || msg.id !== draftId(ctl.key)) return;
    if (ctl.phase !== DRAFT_PHASE.active) return;
    if (msg.type === 'deleted') return ctl.elsewhere.onDeleted();
    const store = await ctl.openStore();
    const record = await store?.get(ctl.key).catch(() => undefined);
    const s = ctl.options.state();
    if (!record || !s) return;
    // Answers typed here and not saved yet stay: this tab will write them next, last.
    const mine = new Set(changedPaths(ctl.baseline, s.answers));
    const theirs = msg.paths.filter(
      (p) => !mine.has(p) && ![...mine].some((x) => x.startsWith(`${p}.`) || p.startsWith(`${x}.`)),
    );
    if (theirs.length === 0) return;
    const answers = patch(s.answers, record.answers, theirs);
    ctl.holds = true;
    ctl.baseline = patch(ctl.baseline, record.answers, theirs);
    await ctl.options.restore(answers, undefined);
    const after = ctl.options.state();
    ctl.lastAnswers = after?.answers;
    const labels = record.labels ?? {};
    const named = theirs.map((p) => labels[p] ?? labels[p.split('.').slice(0, -1).join('.')]);
    ctl.notify({
      kind: NOTICE_KIND.otherTab,
      role: 'status',
      text: (m, lang) => {
        const names = [...new Set(named.filter(Boolean).map((l) => localize(l!, lang)))];
        return names.length > 0 ? m.otherTab(names.join(', ')) : m.otherTabGeneric;
      },
    });
  }
}
