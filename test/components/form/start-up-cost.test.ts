import { expect } from '@open-wc/testing';
import basic from './fixtures/basic.json';

/**
 * What the core evaluates at import and before a form's first page is usable (issue 22 round 6,
 * docs/performance.md): a page's first `Intl.NumberFormat` loads the locale's ICU data, 60–140 ms
 * at 4x CPU, and an empty first page formats no number, so none is made until one is shown.
 * Everything is imported here, after the count starts (no static import of the elements).
 */
describe('dvc-form start-up: no Intl.NumberFormat before a number is shown', () => {
  const Original = Intl.NumberFormat;
  let made = 0;
  before(() => {
    Intl.NumberFormat = new Proxy(Original, {
      construct(target, args: ConstructorParameters<typeof Intl.NumberFormat>) {
        made++;
        return new target(...args);
      },
      apply(target, _this, args: ConstructorParameters<typeof Intl.NumberFormat>) {
        made++;
        return target(...args);
      },
    });
  });
  after(() => {
    Intl.NumberFormat = Original;
  });

  it('importing the form and rendering its first page makes none; formatting a number makes one, once', async () => {
    await import('../../../components/form/form.js');
    expect(made, 'at import').to.equal(0);
    const el = document.createElement('dvc-form');
    el.procedure = URL.createObjectURL(
      new Blob([JSON.stringify(basic)], { type: 'application/json' }),
    );
    el.today = '2025-04-01';
    el.drafts = 'off';
    document.body.append(el);
    await el.settled();
    expect(el.status).to.equal('ready');
    expect(made, 'for the empty first page').to.equal(0);
    const { formatNumber } = await import('../../../components/form/format.js');
    expect(formatNumber(1500)).to.equal('1.500');
    expect(formatNumber(2500000)).to.equal('2.500.000');
    expect(made).to.equal(1);
    el.remove();
  });
});
