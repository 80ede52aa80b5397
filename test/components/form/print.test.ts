/**
 * Printing: the citizen prints the receipt to bring to the office, and may print the review
 * page. What paper cannot use (buttons, "Change" links, a folded section) must not print, and
 * nothing essential may be left off. Each engine prints with the elements' own `@media print`
 * rules: the test turns those rules on for the screen (every engine, no print emulation needed),
 * measures, and turns them off again. Before, the review page printed its Submit, Back and
 * "Change" controls, and the receipt printed a "technical information" heading whose content
 * (the signed hash a clerk matches) stayed folded away.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/receipt/receipt.js';
import type { DvcForm } from '../../../components/form/form.js';
import { jsonUrl, mount, root, toReview } from './form-harness.js';
import basic from './fixtures/basic.json';

const SHA = 'a3f1c2d4e5b6a7980123456789abcdef0123456789abcdef0123456789abcdef';

/** Runs `measure` with the print rules of `shadow`'s sheets applied on screen. */
async function asPrinted<T>(shadow: ShadowRoot, measure: () => T): Promise<T> {
  const rules = shadow.adoptedStyleSheets
    .flatMap((sheet) => [...sheet.cssRules])
    .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule)
    .filter((rule) => rule.media.mediaText === 'print');
  expect(rules.length).to.be.greaterThan(0);
  for (const rule of rules) rule.media.mediaText = 'all';
  try {
    await new Promise(requestAnimationFrame);
    return measure();
  } finally {
    for (const rule of rules) rule.media.mediaText = 'print';
  }
}

const shown = (el: Element) => getComputedStyle(el).display !== 'none';
const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('printing', function () {
  this.timeout(40_000);

  it('the receipt prints its code, times, QR code and the signed hash, and no button', async () => {
    const el = await fixture(
      html`<dvc-receipt
        dossier-code="KS-261126-7QF3"
        received-at="2026-11-26T03:05:00.000Z"
        expected-result-date="2026-12-01"
        procedure-title="Đăng ký khai sinh"
        signed-sha256=${SHA}
      ></dvc-receipt>`,
    );
    const shadow = el.shadowRoot!;
    // On screen the hash stays folded away, and is not said twice.
    expect(shadow.querySelector('details')!.open).to.equal(false);
    expect(
      [...shadow.querySelectorAll('p')]
        .filter((p) => text(p).startsWith('Mã kiểm tra'))
        .filter(shown).length,
    ).to.equal(1);
    const printed = await asPrinted(shadow, () => ({
      visible: [...shadow.querySelectorAll('h2, dl, svg, p, details, button')]
        .filter((node) => shown(node) && node.getBoundingClientRect().height > 0)
        .map((node) => node.tagName.toLowerCase()),
      hash: [...shadow.querySelectorAll('p')].filter(shown).map(text).pop(),
      keep: [...shadow.querySelectorAll('.note')].filter(shown).map(text)[0],
    }));
    // Why to keep the code is printed once, under the code, not again in a paragraph of its own.
    expect(printed.visible).to.deep.equal(['h2', 'dl', 'svg', 'p']);
    expect(printed.keep).to.equal(
      'Hãy giữ mã này để tra cứu tình trạng giải quyết và đưa cho cán bộ khi cần hỏi về hồ sơ.',
    );
    expect(printed.hash).to.equal(`Mã kiểm tra (SHA-256): ${SHA}`);
  });

  it('the review page prints the answers and the declaration, no button or Change link', async () => {
    const el: DvcForm = await mount();
    await toReview(el);
    const shadow = root(el);
    expect(shadow.querySelectorAll('button').length).to.be.greaterThan(0);
    expect(shadow.querySelectorAll('[part~="change-link"]').length).to.be.greaterThan(0);
    const printed = await asPrinted(shadow, () => ({
      buttons: [...shadow.querySelectorAll('button, [part~="change-link"]')].filter(
        (node) => node.getBoundingClientRect().height > 0,
      ).length,
      answers: [...shadow.querySelectorAll('dl.review dd.value')].filter(
        (node) => node.getBoundingClientRect().height > 0,
      ).length,
      all: shadow.querySelectorAll('dl.review dd.value').length,
      declaration: shown(shadow.querySelector('.declaration')!),
      heading: text(shadow.querySelector('#page-heading')!),
    }));
    expect(printed.buttons).to.equal(0);
    expect(printed.answers).to.equal(printed.all);
    expect(printed.all).to.be.greaterThan(4);
    expect(printed.declaration).to.equal(true);
    expect(printed.heading).to.equal('Kiểm tra lại thông tin');
    el.remove();
  });

  it("the review page does not print the drafts' question or notices (they are about this screen)", async () => {
    // A procedure no other test keeps drafts for (the test files share one IndexedDB origin).
    const own = jsonUrl({ ...basic, code: '1.918019', version: '1.0.0' });
    const el: DvcForm = await mount(
      html`<dvc-form procedure=${own} drafts="on" today="2025-04-01"></dvc-form>`,
    );
    await toReview(el);
    const shadow = root(el);
    // Not answered yet, the question whether to keep the application on this device is up.
    await waitUntil(() => shadow.querySelector('.draft-consent'));
    const drafts = () =>
      [...shadow.querySelectorAll('.draft-notices, .draft-notice, .draft-consent, .draft-kept')]
        .filter((node) => node.getBoundingClientRect().height > 0)
        .map((node) => node.className);
    expect(drafts()).to.include('draft-notice draft-consent');
    expect(await asPrinted(shadow, drafts)).to.deep.equal([]);
    el.remove();
  });
});
