/**
 * The form inside a CMS theme that shrinks the root font and sets the text size on `body`
 * (Bootstrap 3's `html{font-size:10px}`, the `html{font-size:62.5%}; body{font-size:1.6rem}`
 * idiom): the form's text is the page's (`font: inherit`), so its boxes, spacing and heading
 * must follow that text, not the root. With rem sizes the heading was 15 px over 16 px
 * questions, the radios 25 px and the form 400 px wide.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/form/form.js';
import '../../../components/upload/upload.js';
import type { DvcForm } from '../../../components/form/form.js';
import { FIRST_PAGE_CSS } from '../../../src/first-page/index.js';
import { button, heading, mount, root } from './form-harness.js';

const px = (el: Element, prop: string) => getComputedStyle(el).getPropertyValue(prop);

describe('dvc-form in a theme with a 10 px root and 16 px body text', () => {
  let style: HTMLStyleElement;
  let el: DvcForm;
  before(() => {
    style = document.createElement('style');
    style.textContent = 'html{font-size:10px}body{font-size:16px}';
    document.head.append(style);
  });
  after(() => style.remove());
  afterEach(() => el?.remove());

  it('sizes its heading, radios, spacing and width from the text, not the root', async () => {
    el = await mount();
    const radio = root(el)
      .querySelector('dvc-radio-group')!
      .shadowRoot!.querySelector('input[type="radio"]')!;
    const label = root(el).querySelector('dvc-radio-group')!.shadowRoot!.querySelector('legend')!;
    expect(px(label, 'font-size')).to.equal('16px');
    expect(px(heading(el), 'font-size')).to.equal('24px');
    expect(px(radio, 'width')).to.equal('40px');
    expect(px(radio, 'height')).to.equal('40px');
    expect(px(button(el, 'primary')!, 'padding-left')).to.equal('20px');
    expect(px(el, 'max-width')).to.equal('640px');
    expect(px(root(el).querySelector('dvc-radio-group')!, 'margin-bottom')).to.equal('24px');
  });

  it('and so does a document slot: its drop zone and the icon of a file', async () => {
    const upload = await fixture<HTMLElement & { spec: unknown }>(html`
      <dvc-upload
        .spec=${{
          id: 'giay',
          title: { vi: 'Giấy tờ' },
          form: 'original',
          copies: 1,
          accept: ['application/pdf'],
        }}
      ></dvc-upload>
    `);
    try {
      const drop = upload.shadowRoot!.querySelector('[part="drop-zone"]')!;
      expect(px(drop, 'padding-top')).to.equal('16px');
      // The file's icon, as wide as a thumbnail (64 px), though its own text is smaller.
      const icon = document.createElement('span');
      icon.className = 'icon';
      upload.shadowRoot!.append(icon);
      expect(px(icon, 'width')).to.equal('64px');
      expect(px(icon, 'font-size')).to.equal('14px');
    } finally {
      upload.remove();
    }
  });

  it('and so does the server-rendered first page', async () => {
    const sheet = document.createElement('style');
    sheet.textContent = FIRST_PAGE_CSS;
    document.head.append(sheet);
    try {
      el = await fixture<DvcForm>(html`
        <dvc-form
          ><div class="dvc-first-page">
            <h2 class="dvc-fp-heading">Điều kiện</h2>
            <div class="dvc-fp-field">
              <label class="dvc-fp-choice"
                ><input type="radio" name="x" /><span class="dvc-fp-choice-text">Có</span></label
              >
            </div>
          </div></dvc-form
        >
      `);
      const page = el.querySelector('.dvc-first-page')!;
      expect(px(page.querySelector('h2')!, 'font-size')).to.equal('24px');
      expect(px(page.querySelector('input')!, 'width')).to.equal('40px');
      expect(px(page.querySelector('.dvc-fp-field')!, 'margin-bottom')).to.equal('24px');
      expect(px(el, 'max-width')).to.equal('640px');
    } finally {
      sheet.remove();
    }
  });
});

describe('dvc-form in a theme that centres, spaces and capitalises its text', () => {
  const THEME =
    'body{text-align:justify;text-indent:2em;text-transform:uppercase;letter-spacing:3px;word-spacing:5px}';
  const TEXT = ['text-align', 'text-indent', 'text-transform', 'letter-spacing', 'word-spacing'];
  const plain = {
    'text-align': 'start',
    'text-indent': '0px',
    'text-transform': 'none',
    'letter-spacing': 'normal',
    'word-spacing': '0px',
  };
  const text = (el: Element) =>
    Object.fromEntries(TEXT.map((p) => [p, getComputedStyle(el).getPropertyValue(p)]));
  let style: HTMLStyleElement;
  let el: DvcForm;
  before(() => {
    style = document.createElement('style');
    style.textContent = THEME;
    document.head.append(style);
  });
  after(() => style.remove());
  afterEach(() => el?.remove());

  it("keeps the page's font but not its alignment, indent, capitals or spacing", async () => {
    el = await mount();
    const legend = root(el).querySelector('dvc-radio-group')!.shadowRoot!.querySelector('legend')!;
    expect(text(legend)).to.deep.equal(plain);
    expect(text(heading(el))).to.deep.equal(plain);
  });

  it('and so does the server-rendered first page', async () => {
    const sheet = document.createElement('style');
    sheet.textContent = FIRST_PAGE_CSS;
    document.head.append(sheet);
    try {
      el = await fixture<DvcForm>(html`
        <dvc-form
          ><div class="dvc-first-page"><h2 class="dvc-fp-heading">Điều kiện</h2></div></dvc-form
        >
      `);
      expect(text(el.querySelector('h2')!)).to.deep.equal(plain);
    } finally {
      sheet.remove();
    }
  });
});
