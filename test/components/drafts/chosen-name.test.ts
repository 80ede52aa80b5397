/**
 * A portrait chosen as anh.png is re-encoded and sent as anh.jpg on purpose (docs/uploads.md); the
 * person keeps seeing the name they chose. A resumed draft showed anh.jpg: the draft now keeps the
 * chosen name beside the name sent (nothing the page did not show the person already), and the
 * resumed upload and review page show it. Real <dvc-form>s on one database stand for two visits.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { DvcUpload } from '../../../components/upload/upload.js';
import { DraftCipher } from '../../../components/drafts/crypto.js';
import { DraftStore } from '../../../components/drafts/draft-store.js';
import simple from '../submission/fixtures/simple.json';
import { answerField, mountDraftForm } from '../../support/draft-form.js';

const KEY = { code: simple.code, version: simple.version };
const wait = (predicate: () => unknown, message: string) =>
  waitUntil(predicate as () => boolean, message, { timeout: 10_000 });

/** simple.json with a portrait on its one page, kept in the browser (no upload endpoint). */
const WITH_PORTRAIT = JSON.stringify({
  ...simple,
  data: {
    ...simple.data,
    properties: { ...simple.data.properties, anh: { type: 'array', items: { type: 'string' } } },
  },
  ui: {
    steps: [
      {
        ...simple.ui.steps[0],
        fields: [
          ...simple.ui.steps[0]!.fields,
          { field: 'anh', widget: 'file', label: { vi: 'Ảnh', en: 'Photo' }, document: 'anh' },
        ],
      },
    ],
  },
  documents: [
    {
      id: 'anh',
      title: { vi: 'Ảnh chân dung', en: 'Portrait' },
      form: 'electronic',
      copies: 1,
      required: false,
      accept: ['image/jpeg', 'image/png'],
      maxSizeBytes: 1048576,
      maxFiles: 1,
      photo: { width: 30, height: 40, mimeType: 'image/jpeg' },
    },
  ],
});

let dbName = '';
afterEach(() => {
  indexedDB.deleteDatabase(dbName);
  indexedDB.deleteDatabase(`${dbName}-keys`);
});

async function storedDocuments() {
  const cipher = await DraftCipher.open(undefined, `${dbName}-keys`);
  const store = await DraftStore.open({ name: dbName, cipher });
  const r = await store.get(KEY);
  store.close();
  return r?.documents.anh?.map(({ name, chosenName, type }) => ({ name, chosenName, type }));
}

const portrait = (el: DvcForm) => el.querySelector<DvcUpload>('dvc-upload[name="anh"]')!;
const shownNames = (up: DvcUpload) =>
  [...up.shadowRoot!.querySelectorAll('[part="file"] .name')].map((n) => n.textContent!.trim());

describe('drafts: the file name the person chose', () => {
  it('a resumed portrait shows as anh.png, the name chosen, and is still sent as anh.jpg', async () => {
    dbName = `dvc-chosen-name-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const first = await mountDraftForm({
      dbName,
      procedureData: WITH_PORTRAIT,
      draftConsent: 'granted',
      debounceMs: 50,
    });
    await answerField(first, 'hoTen', 'Nguyễn Văn An');
    await customElements.whenDefined('dvc-upload');
    const canvas = new OffscreenCanvas(60, 80);
    canvas.getContext('2d')!.fillRect(0, 0, 60, 80);
    const png = await canvas.convertToBlob({ type: 'image/png' });
    await portrait(first).addFiles([new File([png], 'anh.png', { type: 'image/png' })]);
    await wait(() => portrait(first).documents.length === 1, 'the portrait re-encoded and hashed');
    expect(portrait(first).documents.map((d) => d.name)).to.deep.equal(['anh.jpg']);
    await wait(async () => (await storedDocuments())?.length === 1, 'the portrait kept');
    // The name chosen is kept beside the name sent, nothing more.
    expect(await storedDocuments()).to.deep.equal([
      { name: 'anh.jpg', chosenName: 'anh.png', type: 'image/jpeg' },
    ]);
    first.remove();

    // The next visit: resumed, the person sees anh.png, as before.
    const again = await mountDraftForm({
      dbName,
      procedureData: WITH_PORTRAIT,
      draftConsent: 'granted',
      offered: true,
    });
    again.shadowRoot!.querySelector<HTMLButtonElement>('[data-draft="continue"]')!.click();
    await wait(() => portrait(again)?.documents.length === 1, 'the portrait put back');
    await portrait(again).updateComplete;
    expect(shownNames(portrait(again))).to.deep.equal(['anh.png']);
    expect(portrait(again).chosenNames).to.deep.equal(['anh.png']);
    // Sent as before: the payload's name is the re-encoded file's.
    expect(portrait(again).documents.map((d) => [d.name, d.type])).to.deep.equal([
      ['anh.jpg', 'image/jpeg'],
    ]);
    again.shadowRoot!.querySelector<HTMLButtonElement>('.buttons button.primary')!.click();
    await wait(
      () => again.shadowRoot!.querySelector('.review-documents .value li'),
      'the review page',
    );
    const size = portrait(again).documents[0]!.size;
    expect(
      [...again.shadowRoot!.querySelectorAll('.review-documents .value li')].map((li) =>
        li.textContent!.trim(),
      ),
    ).to.deep.equal([`anh.png (${size} byte)`]);
  });
});
