/**
 * A real `<dvc-form>` that keeps drafts in a database of the test's own (the test files share one
 * origin, hence one IndexedDB), mounted and ready: the drafts tests' two forms on one database
 * stand for two tabs (one BroadcastChannel, one IndexedDB).
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/form/form.js';
import type { DvcForm } from '../../components/form/form.js';
import type { DraftControllerOptions } from '../../components/drafts/controller.js';
import { DvcChangeEvent } from '../../components/base/events.js';

export async function mountDraftForm(options: {
  dbName: string;
  procedureData: string;
  draftConsent: 'ask' | 'granted';
  debounceMs?: number;
  /** As a page loaded after the draft was kept (one written by this page is not offered). */
  offered?: boolean;
}): Promise<DvcForm> {
  const el = document.createElement('dvc-form') as DvcForm;
  const drafts = (el.draftLink as unknown as { options: DraftControllerOptions }).options;
  drafts.dbName = options.dbName;
  if (options.debounceMs !== undefined) drafts.debounceMs = options.debounceMs;
  if (options.offered) drafts.loadedAt = () => Infinity;
  Object.assign(el, {
    procedureData: options.procedureData,
    today: '2026-11-26',
    drafts: 'on',
    draftConsent: options.draftConsent,
    submitter: async () => ({ dossierCode: 'KS-261126-7QF3' }),
  });
  await fixture(html`<div>${el}</div>`);
  await el.settled();
  await waitUntil(() => el.draftController, 'the drafts controller', { timeout: 10_000 });
  await el.draftController!.ready();
  await el.settled();
  return el;
}

/** Types an answer as a field commits it. */
export async function answerField(el: DvcForm, path: string, value: unknown): Promise<void> {
  const f = el.shadowRoot!.querySelector<HTMLElement & { value: unknown }>(
    `[data-path="${path}"]`,
  )!;
  f.value = value;
  f.dispatchEvent(new DvcChangeEvent({ name: path, value }));
  await el.settled();
}
