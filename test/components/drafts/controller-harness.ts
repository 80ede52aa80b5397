// What the DraftController tests share: a host element that drives the controller as <dvc-form>
// does, a stand-in for <dvc-upload>, a transport that can be "offline", and readers of what the
// browser stored. The tests are split by subject (controller, -outbox, -consent) and each file
// runs in its own page, so each gets its own copy of this module's state.
import { fixture, html, waitUntil as wait } from '@open-wc/testing';
import { LitElement } from 'lit';
import { DraftController } from '../../../components/drafts/controller.js';
import { DraftStore } from '../../../components/drafts/draft-store.js';
import { DraftCipher } from '../../../components/drafts/crypto.js';
import type { Procedure } from '../../../src/procedure/types.js';
import type { OutboxSend, OutboxSign } from '../../../components/drafts/outbox.js';
import {
  FAILURE_KIND,
  SubmissionTransportError,
} from '../../../components/submission/transport.js';

/** IndexedDB can be slow on a loaded machine: wait up to 5 s. */
export const waitUntil = (predicate: () => unknown) =>
  wait(predicate as () => boolean, undefined, { timeout: 5000 });

let n = 0;
/** A database name no earlier test used. */
export const nextDbName = () => `dvc-controller-test-${Date.now()}-${n++}`;

/** What a test may change about the host's world; `resetEnv()` puts it back before each test. */
export const env = {
  dbName: '',
  online: true,
  /** Drafts saved before this count as from an earlier visit (the tests run in one document). */
  loadedAt: Infinity,
  enabled: true,
  capMb: 50,
  /** Most tests are about saving, so the host page "has asked" already; the consent tests ask. */
  consent: 'granted' as 'ask' | 'granted',
  sentDocuments: [] as unknown[],
};

export function resetEnv(): void {
  env.dbName = nextDbName();
  env.loadedAt = Infinity;
  env.enabled = true;
  env.consent = 'granted';
}

interface Entry {
  slot: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  url?: string;
  file?: Blob;
}
/** Stands in for <dvc-upload>: a slot name and a value of payload entries. */
export class FakeUpload extends HTMLElement {
  spec = { id: 'giay-to' };
  value: Entry[] = [];
}
customElements.define('dvc-upload', FakeUpload);
export const sent: { jws: string; key: string }[] = [];
export const send: OutboxSend = async (jws, o) => {
  if (!env.online)
    throw new SubmissionTransportError('down', { kind: FAILURE_KIND.network, attempts: 1 });
  sent.push({ jws, key: o.idempotencyKey });
  if (o.documents) env.sentDocuments.push(o.documents);
  return { status: 201, body: { dossierCode: 'TN-261126-0001' }, replayed: false };
};
export const sign: OutboxSign = async () => ({ jws: 'resigned' });

export function procedure(version = '1.0.0', phoneType = 'string'): Procedure {
  return {
    code: '1.000009',
    version,
    data: {
      type: 'object',
      properties: {
        hoTen: { type: 'string' },
        soDienThoai: { type: phoneType },
      },
    },
    ui: {
      steps: [
        {
          id: 'buoc-1',
          title: { vi: 'Bước 1' },
          fields: [
            { field: 'hoTen', widget: 'text', label: { vi: 'Họ và tên' } },
            { field: 'soDienThoai', widget: 'phone', label: { vi: 'Số điện thoại' } },
          ],
        },
      ],
    },
  } as unknown as Procedure;
}

export class DraftTestHost extends LitElement {
  procedure?: Procedure;
  answers: Record<string, unknown> = {};
  page = 'buoc-1';
  restored: { answers: Record<string, unknown>; page: string | undefined }[] = [];
  drafts = new DraftController(this, {
    state: () =>
      this.procedure
        ? { procedure: this.procedure, answers: this.answers, page: this.page }
        : undefined,
    restore: (answers, page) => {
      this.restored.push({ answers, page });
      this.answers = answers;
      if (page) this.page = page;
      this.requestUpdate();
    },
    lang: () => 'vi',
    debounceMs: 20,
    dbName: env.dbName,
    loadedAt: () => env.loadedAt,
    enabled: () => env.enabled,
    consent: () => env.consent,
    fileCapMb: () => env.capMb,
    send,
    sign,
    onDelivered: (entry, response) => this.delivered.push({ key: entry.key, response }),
  });
  delivered: { key: string; response: unknown }[] = [];

  set(path: string, value: unknown) {
    this.answers = { ...this.answers, [path]: value };
    this.requestUpdate();
  }

  override render() {
    return html`${this.drafts.renderNotices()}${this.drafts.renderOffer() ?? html`<p id="page">${this.page}</p>`}`;
  }
}
customElements.define('draft-test-host', DraftTestHost);

export async function mount(p = procedure()): Promise<DraftTestHost> {
  const el = await fixture<DraftTestHost>(html`<draft-test-host></draft-test-host>`);
  el.procedure = p;
  el.requestUpdate();
  await el.updateComplete;
  await el.drafts.ready();
  await el.updateComplete;
  return el;
}

export async function stored() {
  // Drafts are encrypted: read them with the device's draft key, as the controller does.
  const cipher = await DraftCipher.open(undefined, `${env.dbName}-keys`);
  const store = await DraftStore.open({ name: env.dbName, cipher });
  const r = await store.get({ code: '1.000009', version: '1.0.0' });
  store.close();
  return r;
}

export const text = (el: HTMLElement, sel: string) =>
  [...el.shadowRoot!.querySelectorAll(sel)].map((x) => x.textContent!.replace(/\s+/g, ' ').trim());

/** The raw records of the drafts database, as a copy of the browser profile would show them. */
export async function rawDrafts(): Promise<unknown[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(env.dbName);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  try {
    return await new Promise((resolve, reject) => {
      const r = db.transaction('drafts').objectStore('drafts').getAll();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  } finally {
    db.close();
  }
}

export async function databases(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name!).filter((n) => n.startsWith(env.dbName));
}
