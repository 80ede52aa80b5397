import { expect, fixture, html, waitUntil as wait } from '@open-wc/testing';
import { LitElement } from 'lit';
import { DraftController } from '../../../components/drafts/controller.js';
import { DraftStore } from '../../../components/drafts/draft-store.js';
import { DraftCipher } from '../../../components/drafts/crypto.js';
import type { Procedure } from '../../../src/procedure/types.js';
import { oneQuestionProcedure } from '../../support/drafts-host.js';

/** IndexedDB can be slow on a loaded machine: wait up to 10 s. */
const waitUntil = (predicate: () => unknown) =>
  wait(predicate as () => boolean, undefined, { timeout: 10_000 });

let dbName = '';
let n = 0;
let capMb = 50;

interface Item {
  file: Blob;
  name: string;
  type: string;
  size: number;
  status: string;
  sha256?: string;
  url?: string;
}

/**
 * Stands in for <dvc-upload> (tus does not load under the test runner; the real element is
 * exercised in test/e2e/faults.test.ts): a lit element with the same `value` of finished
 * files, `unfinished` files and `addFiles`.
 */
class FakeUpload extends LitElement {
  spec = { id: 'giay-to' };
  name = '';
  items: Item[] = [];
  added: File[][] = [];
  get value() {
    return this.items
      .filter((i) => i.status === 'done' && i.sha256)
      .map((i) => ({
        slot: 'giay-to',
        name: i.name,
        type: i.type,
        size: i.size,
        sha256: i.sha256!,
        ...(i.url ? { url: i.url } : {}),
        file: i.file,
      }));
  }
  get unfinished() {
    return this.items
      .filter((i) => i.status !== 'done')
      .map((i) => ({
        name: i.name,
        type: i.type,
        size: i.size,
        ...(i.sha256 ? { sha256: i.sha256 } : {}),
        file: i.file,
      }));
  }
  set value(
    entries: {
      name: string;
      type: string;
      size: number;
      sha256: string;
      url?: string;
      file?: Blob;
    }[],
  ) {
    this.items = entries.map((e) => ({ ...e, file: e.file ?? new Blob([]), status: 'done' }));
    this.requestUpdate();
  }
  async addFiles(files: readonly File[]) {
    this.added.push([...files]);
    this.items = [
      ...this.items,
      ...files.map((f) => ({
        file: f,
        name: f.name,
        type: f.type,
        size: f.size,
        status: 'hashing',
      })),
    ];
    this.requestUpdate();
  }
  set(items: Item[]) {
    this.items = items;
    this.requestUpdate();
  }
  override render() {
    return html`${this.items.map((i) => html`<p class="name">${i.name}</p>`)}`;
  }
}
customElements.define('dvc-upload', FakeUpload);
type DvcUpload = FakeUpload;

const PROCEDURE = oneQuestionProcedure('1.000010');

class UploadDraftHost extends LitElement {
  procedure?: Procedure;
  answers: Record<string, unknown> = {};
  drafts = new DraftController(this, {
    state: () =>
      this.procedure
        ? { procedure: this.procedure, answers: this.answers, page: 'buoc-1' }
        : undefined,
    restore: (answers) => {
      this.answers = answers;
      this.requestUpdate();
    },
    lang: () => 'vi',
    debounceMs: 20,
    dbName,
    // Every draft in these tests counts as from an earlier visit.
    loadedAt: () => Infinity,
    // The host page "has asked": these tests are about files (consent: controller.test.ts).
    consent: () => 'granted',
    fileCapMb: () => capMb,
    send: async () => ({ status: 201, body: {}, replayed: false }),
    sign: async () => ({ jws: 'x' }),
  });

  override render() {
    return html`${this.drafts.renderNotices()}${this.drafts.renderOffer() ?? html`<slot></slot>`}`;
  }
}
customElements.define('upload-draft-host', UploadDraftHost);

/** A host with one <dvc-upload> in its light DOM, as <dvc-form> has (components/form/documents). */
async function mount(): Promise<{ host: UploadDraftHost; upload: DvcUpload }> {
  const host = await fixture<UploadDraftHost>(html`<upload-draft-host></upload-draft-host>`);
  const upload = document.createElement('dvc-upload') as unknown as FakeUpload;
  host.append(upload);
  await upload.updateComplete;
  host.procedure = PROCEDURE;
  host.requestUpdate();
  await host.updateComplete;
  await host.drafts.ready();
  await host.updateComplete;
  return { host, upload };
}

async function stored() {
  const cipher = await DraftCipher.open(undefined, `${dbName}-keys`);
  const store = await DraftStore.open({ name: dbName, cipher });
  const key = { code: '1.000010', version: '1.0.0' };
  const record = await store.get(key);
  const files = record ? await store.files(key, record.documents['giay-to'] ?? []) : [];
  store.close();
  return { record, files };
}

const pdf = (fill: number, size = 3000) =>
  new File(['%PDF-1.4\n', new Uint8Array(size).fill(fill), '\n%%EOF\n'], 'giay-to.pdf', {
    type: 'application/pdf',
  });

async function sha256(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const names = (upload: DvcUpload) =>
  [...upload.shadowRoot!.querySelectorAll('.name')].map((x) => x.textContent);

/** The element hashed the file and is uploading it. */
const uploading = (file: File, sha256: string, status = 'uploading'): Item => ({
  file,
  name: file.name,
  type: file.type,
  size: file.size,
  status,
  sha256,
});

describe('DraftController: files not on the server yet', () => {
  beforeEach(() => {
    dbName = `dvc-uploads-test-${Date.now()}-${n++}`;
    capMb = 50;
  });

  it('keeps a file still uploading as soon as it is hashed, and chooses it again on resume', async () => {
    const { host, upload } = await mount();
    const file = pdf(0x41);
    const hash = await sha256(file);
    // Chosen, not hashed yet: nothing to key it by, nothing kept.
    upload.set([{ ...uploading(file, hash, 'hashing'), sha256: undefined }]);
    await upload.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect((await stored()).record).to.equal(undefined);
    // Hashed and uploading: not in the value, yet kept with the draft.
    upload.set([uploading(file, hash)]);
    expect(upload.value).to.deep.equal([]);
    await waitUntil(async () => (await stored()).files.length === 1);
    const first = await stored();
    expect(first.record!.documents['giay-to']).to.deep.equal([
      {
        slot: 'giay-to',
        name: 'giay-to.pdf',
        type: 'application/pdf',
        size: file.size,
        sha256: hash,
        blobId: `1.000010@1.0.0|giay-to|0|${hash}`,
        pending: true,
      },
    ]);
    expect(await sha256(first.files[0].file!)).to.equal(hash);
    host.remove();

    // A reload: the offer, continue, and the file is chosen again for the person (addFiles:
    // the element checks, hashes and uploads it; tus continues from the server's offset).
    const again = await mount();
    again.host.shadowRoot!.querySelector<HTMLButtonElement>('[data-draft="continue"]')!.click();
    await waitUntil(() => again.upload.added.length === 1);
    const [[chosen]] = again.upload.added;
    expect([chosen.name, chosen.type, chosen.size, await sha256(chosen)]).to.deep.equal([
      'giay-to.pdf',
      'application/pdf',
      file.size,
      hash,
    ]);
    await again.upload.updateComplete;
    expect(names(again.upload)).to.deep.equal(['giay-to.pdf']);
    // While the element hashes it again, the draft keeps it (its hash is known).
    await new Promise((r) => setTimeout(r, 100));
    await again.host.drafts.flush();
    expect((await stored()).files.map((f) => [f.name, f.sha256, f.pending])).to.deep.equal([
      ['giay-to.pdf', hash, true],
    ]);
    // The upload finishes: the draft keeps its URL, and the bytes are no longer kept.
    again.upload.set([{ ...uploading(chosen, hash, 'done'), url: '/api/uploads/xyz' }]);
    again.upload.dispatchEvent(new Event('dvc-change', { bubbles: true, composed: true }));
    await waitUntil(async () => (await stored()).record!.documents['giay-to'][0]?.url);
    const done = await stored();
    expect(done.record!.documents['giay-to']).to.deep.equal([
      {
        slot: 'giay-to',
        name: 'giay-to.pdf',
        type: 'application/pdf',
        size: file.size,
        sha256: hash,
        url: '/api/uploads/xyz',
      },
    ]);
    expect(done.files.map((f) => f.file)).to.deep.equal([undefined]);
  });

  it('forgets a file still uploading when it is removed', async () => {
    const { upload } = await mount();
    const file = pdf(0x42);
    upload.set([uploading(file, await sha256(file), 'paused')]);
    await waitUntil(async () => (await stored()).files.length === 1);
    upload.set([]);
    await waitUntil(async () => (await stored()).record!.documents['giay-to'].length === 0);
    expect((await stored()).files).to.deep.equal([]);
  });

  it('names a file still uploading that is over the cap', async () => {
    capMb = 0.001; // 1048 bytes
    const { host, upload } = await mount();
    const file = pdf(0x43);
    upload.set([uploading(file, await sha256(file))]);
    await waitUntil(() => host.shadowRoot!.querySelector('.draft-notice[data-kind="files"]'));
    expect(
      host.shadowRoot!.querySelector('.draft-notice[data-kind="files"] p')!.textContent,
    ).to.equal(
      'Tệp giay-to.pdf quá lớn để lưu tạm; bạn sẽ cần chọn lại tệp này nếu tải lại trang.',
    );
    expect((await stored()).files).to.deep.equal([]);
  });
});
