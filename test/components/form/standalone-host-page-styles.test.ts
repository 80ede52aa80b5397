/**
 * The standalone elements (receipt, status look-up, dossier, supplement) pasted into a CMS theme
 * with a 10 px root and 16 px body text (Bootstrap 3's `html{font-size:10px}`): like the form,
 * they size everything from the page's text, not the root. In rem the receipt's heading was
 * 15 px, its dossier code 17.5 px and its width 400 px; the look-up's heading 15 px.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/receipt/receipt.js';
import '../../../components/status-lookup/status-lookup.js';
import '../../../components/dossier/dossier.js';
import '../../../components/supplement/supplement.js';
import type { SupplementRequestView } from '../../../components/supplement/supplement.js';

const px = (el: Element, prop: string) => getComputedStyle(el).getPropertyValue(prop);
const part = (host: Element, selector: string) => host.shadowRoot!.querySelector(selector)!;

describe('standalone elements in a theme with a 10 px root and 16 px body text', () => {
  let style: HTMLStyleElement;
  before(() => {
    style = document.createElement('style');
    style.textContent = 'html{font-size:10px}body{font-size:16px}';
    document.head.append(style);
  });
  after(() => style.remove());

  it('dvc-receipt: heading, code, spacing, QR code and width follow the text', async () => {
    const el = await fixture(
      html`<dvc-receipt
        dossier-code="KS-261126-7QF3"
        received-at="2026-11-26T03:05:00.000Z"
        procedure-title="Đăng ký khai sinh"
        signed-sha256="a3f1c2d4e5b6a7980123456789abcdef0123456789abcdef0123456789abcdef"
      ></dvc-receipt>`,
    );
    expect(px(part(el, 'h2'), 'font-size')).to.equal('24px');
    expect(px(part(el, 'h2'), 'margin-bottom')).to.equal('16px');
    expect(px(part(el, '.code'), 'font-size')).to.equal('28px');
    expect(px(part(el, '.receipt'), 'padding-top')).to.equal('20px');
    expect(px(part(el, 'svg'), 'width')).to.equal('160px');
    expect(px(part(el, 'details'), 'font-size')).to.equal('14px');
    expect(px(part(el, 'details'), 'margin-top')).to.equal('16px');
    expect(px(el, 'max-width')).to.equal('640px');
  });

  it('dvc-status-lookup: heading, button and width follow the text', async () => {
    const el = await fixture(html`<dvc-status-lookup></dvc-status-lookup>`);
    expect(px(part(el, 'h2'), 'font-size')).to.equal('24px');
    expect(px(part(el, 'h2'), 'margin-bottom')).to.equal('16px');
    expect(px(part(el, 'button'), 'padding-left')).to.equal('20px');
    expect(px(el, 'max-width')).to.equal('640px');
  });

  it('dvc-dossier: heading and width follow the text', async () => {
    const el = await fixture(html`<dvc-dossier></dvc-dossier>`);
    const h3 = part(el, 'h3');
    expect(px(h3, 'font-size')).to.equal('20px');
    expect(px(h3, 'margin-top')).to.equal('24px');
    expect(px(h3, 'margin-bottom')).to.equal('8px');
    expect(px(el, 'max-width')).to.equal('768px');
  });

  it('dvc-supplement: heading, the clerk note and width follow the text', async () => {
    const request: SupplementRequestView = {
      id: 'yeu-cau-0001',
      note: 'Giấy chứng sinh chụp mờ.',
      items: { fields: [], documents: [] },
      procedure: { code: '1.001193', version: '2025.1', url: '' },
    };
    const el = await fixture(html`<dvc-supplement .request=${request}></dvc-supplement>`);
    const h3 = part(el, 'h3');
    expect(px(h3, 'font-size')).to.equal('20px');
    expect(px(h3, 'margin-top')).to.equal('24px');
    expect(px(part(el, '.note'), 'padding-left')).to.equal('16px');
    expect(px(el, 'max-width')).to.equal('640px');
  });
});
