/**
 * The drafts' consent question and "kept on this device" bar in the real <dvc-form>, for a
 * keyboard or screen reader user: answering the question moves focus to what replaced it (never
 * to <body>), the bar gives its date as dd/mm/yyyy in both languages, and once the application
 * is sent the bar no longer says anything is kept.
 */
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import { focusPath } from '../focus-path.js';
import { watchFocusArrivals } from '../live-at-focus.js';
import simple from '../submission/fixtures/simple.json';
import { answerField, mountDraftForm } from '../../support/draft-form.js';

const TEXT = JSON.stringify(simple);
const shadow = (el: DvcForm) => el.shadowRoot!;
const text = (el: DvcForm, selector: string) =>
  [...shadow(el).querySelectorAll(selector)].map((x) => x.textContent!.replace(/\s+/g, ' ').trim());
const wait = (predicate: () => unknown, message: string) =>
  waitUntil(predicate as () => boolean, message, { timeout: 5000 });

/** The day a draft is kept until, in Vietnam (UTC+7, no daylight saving), as dd/mm/yyyy. */
function day(ms: number): string {
  const [y, m, d] = new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

const databases: string[] = [];
afterEach(() => {
  for (const name of databases.splice(0)) indexedDB.deleteDatabase(name);
});

function mount(consent: 'ask' | 'granted'): Promise<DvcForm> {
  // A database of this test's own: the test files share one origin, hence one IndexedDB.
  const dbName = `dvc-consent-focus-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  databases.push(dbName, `${dbName}-keys`);
  return mountDraftForm({ dbName, procedureData: TEXT, draftConsent: consent });
}

/** Types an answer as a field commits it, so there is something to keep. */
const answer = answerField;

/** Continues to the review page, ticks the declaration and sends: "Đã gửi hồ sơ". */
async function sendFromReview(el: DvcForm, onReview?: () => void): Promise<void> {
  const heading = () => shadow(el).querySelector('#page-heading')!.textContent!.trim();
  for (let i = 0; i < 4 && heading() !== 'Kiểm tra lại thông tin'; i++) {
    shadow(el).querySelector<HTMLButtonElement>('.buttons button.primary')!.click();
    await aTimeout(0);
    await el.settled();
  }
  expect(heading()).to.equal('Kiểm tra lại thông tin');
  onReview?.();
  shadow(el).querySelector<HTMLInputElement>('#declaration')!.click();
  await el.updateComplete;
  const sent = new Promise((resolve) => el.addEventListener('dvc-submitted', resolve));
  shadow(el).querySelector<HTMLButtonElement>('.buttons button.primary')!.click();
  await sent;
  await el.settled();
  expect(heading()).to.equal('Đã gửi hồ sơ');
}

async function pressConsent(el: DvcForm, which: 'yes' | 'no'): Promise<void> {
  await wait(() => shadow(el).querySelector(`[data-consent="${which}"]`), 'the question');
  shadow(el).querySelector<HTMLButtonElement>(`[data-consent="${which}"]`)!.focus();
  await sendKeys({ press: 'Enter' });
  await el.settled();
}

describe('drafts consent: focus and the kept bar', () => {
  it('“Không lưu”: focus goes to the notice that nothing will be kept', async () => {
    const el = await mount('ask');
    const arrivals = watchFocusArrivals(shadow(el));
    await pressConsent(el, 'no');
    await wait(() => focusPath() !== 'body', `focus stays at ${focusPath()}`);
    expect(text(el, '.draft-consent h2')).to.deep.equal([]);
    expect(focusPath()).to.equal('dvc-form > div.draft-notice[data-kind=consent]');
    // It is read once, as the focused element: no live region when focus moved there.
    expect(arrivals.filter((a) => a.element.startsWith('div.draft-notice'))).to.deep.equal([
      {
        element: 'div.draft-notice[data-kind=consent]',
        role: null,
        ariaLive: null,
        text: 'Hồ sơ sẽ không được lưu trên thiết bị này. Bạn vui lòng không đóng trang cho đến khi gửi xong hồ sơ.',
        liveWithText: [],
      },
    ]);
    expect(text(el, '.draft-notice[data-kind="consent"] p')).to.deep.equal([
      'Hồ sơ sẽ không được lưu trên thiết bị này. Bạn vui lòng không đóng trang cho đến khi gửi xong hồ sơ.',
    ]);
    await expect(el).to.be.accessible();
    // The next Tab goes on from there, not from the top of the page.
    await sendKeys({ press: 'Tab' });
    expect(focusPath()).to.equal('dvc-form > button.link');
    expect(text(el, '.draft-notice[data-kind="consent"] button')).to.deep.equal(['Đóng thông báo']);
  });

  it('“Lưu trên thiết bị này”: focus goes to “kept until dd/mm/yyyy”, in both languages', async () => {
    const el = await mount('ask');
    await answer(el, 'hoTen', 'Trần Thị Bình');
    await pressConsent(el, 'yes');
    await wait(() => focusPath() !== 'body', `focus stays at ${focusPath()}`);
    const expiresAt = el.draftController!.expiresAt!;
    expect(expiresAt).to.be.a('number');
    expect(day(expiresAt)).to.match(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(focusPath()).to.equal('dvc-form > p');
    expect(text(el, '.draft-kept p')).to.deep.equal([
      `Hồ sơ đang khai được mã hoá và lưu trên thiết bị này đến ${day(expiresAt)}.`,
    ]);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    expect(focusPath()).to.equal('dvc-form > button.link');
    expect(text(el, '.draft-kept button')).to.deep.equal(['Xoá dữ liệu trên máy này']);
    el.lang = 'en';
    await el.settled();
    expect(text(el, '.draft-kept p')).to.deep.equal([
      `Your application is encrypted and kept on this device until ${day(expiresAt)}.`,
    ]);
  });

  it('says until when as dd/mm/yyyy; once sent, no longer says it is kept on this device', async () => {
    const el = await mount('granted');
    await answer(el, 'hoTen', 'Lê Văn Cường');
    await wait(() => shadow(el).querySelector('.draft-kept p'), 'the kept bar');
    // Until when, as the form writes dates: dd/mm/yyyy, never a two-digit year.
    const expiresAt = el.draftController!.expiresAt!;
    expect(text(el, '.draft-kept p')).to.deep.equal([
      `Hồ sơ đang khai được mã hoá và lưu trên thiết bị này đến ${day(expiresAt)}.`,
    ]);
    el.lang = 'en';
    await el.settled();
    expect(text(el, '.draft-kept p')).to.deep.equal([
      `Your application is encrypted and kept on this device until ${day(expiresAt)}.`,
    ]);
    el.lang = 'vi';
    await el.settled();
    await sendFromReview(el);
    expect(text(el, '.draft-kept')).to.deep.equal([]);
    expect(shadow(el).textContent).to.not.include('lưu trên thiết bị này');
    expect(shadow(el).textContent).to.not.include('Xoá dữ liệu trên máy này');
    await expect(el).to.be.accessible();
  });

  it('“Không lưu”: once sent, no longer asks to keep the page open until it is sent', async () => {
    const el = await mount('ask');
    await pressConsent(el, 'no');
    const keepOpen =
      'Hồ sơ sẽ không được lưu trên thiết bị này. Bạn vui lòng không đóng trang cho đến khi gửi xong hồ sơ.';
    expect(text(el, '.draft-notice[data-kind="consent"] p')).to.deep.equal([keepOpen]);
    await answer(el, 'hoTen', 'Khách ở bưu điện');
    // Still said on the review page, just before sending.
    await sendFromReview(el, () =>
      expect(text(el, '.draft-notice[data-kind="consent"] p')).to.deep.equal([keepOpen]),
    );
    expect(text(el, '.draft-notice')).to.deep.equal([]);
    expect(shadow(el).textContent).to.not.include('không đóng trang');
    await expect(el).to.be.accessible();
  });
});
