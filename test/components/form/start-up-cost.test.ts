import { expect } from '@open-wc/testing';
import basic from './fixtures/basic.json';

/**
 * What the core evaluates at import and before a form's first page is usable (issue 22 round 6,
 * docs/performance.md): a page's first `Intl.NumberFormat` loads the locale's ICU data, 60–140 ms
 * at 4x CPU, and an empty first page formats no number, so none is made until one is shown. The
 * same for the Vietnamese `Intl.Collator` of the address lists (≈ 50 ms at 4x): the chunks a form
 * loads once it is usable (review, delivery) import its module, and a collator made there was a
 * long task just as the person started typing, on a page that has no address at all. Everything
 * is imported here, after the count starts (no static import of the elements).
 */
describe('dvc-form start-up: no Intl.NumberFormat or Intl.Collator before one is needed', () => {
  const made = { NumberFormat: 0, Collator: 0 };
  const originals = { NumberFormat: Intl.NumberFormat, Collator: Intl.Collator };
  before(() => {
    for (const name of ['NumberFormat', 'Collator'] as const) {
      const counting = new Proxy(originals[name], {
        construct(target, args: unknown[]) {
          made[name]++;
          return new (target as new (...a: unknown[]) => object)(...args);
        },
        apply(target, _this, args: unknown[]) {
          made[name]++;
          return (target as (...a: unknown[]) => object)(...args);
        },
      });
      (Intl as Record<string, unknown>)[name] = counting;
    }
  });
  after(() => {
    Object.assign(Intl, originals);
  });

  it('importing the form and rendering its first page makes none; formatting a number or sorting the address lists makes one, once', async () => {
    await import('../../../components/form/form.js');
    expect(made, 'at import').to.deep.equal({ NumberFormat: 0, Collator: 0 });
    const el = document.createElement('dvc-form');
    el.procedure = URL.createObjectURL(
      new Blob([JSON.stringify(basic)], { type: 'application/json' }),
    );
    el.today = '2025-04-01';
    el.drafts = 'off';
    document.body.append(el);
    // settled() waits for the chunks loaded once the first page is usable, too.
    await el.settled();
    expect(el.status).to.equal('ready');
    expect(made, 'for the first page, and the chunks after it').to.deep.equal({
      NumberFormat: 0,
      Collator: 0,
    });
    const { formatNumber } = await import('../../../components/form/format.js');
    expect(formatNumber(1500)).to.equal('1.500');
    expect(formatNumber(2500000)).to.equal('2.500.000');
    expect(made.NumberFormat).to.equal(1);
    const { loadAdminUnits } = await import('../../../components/address-field/admin-units.js');
    const units = await loadAdminUnits();
    expect(units.provinces[0].label).to.equal('An Giang (Tỉnh)');
    expect(made.Collator).to.equal(1);
    el.remove();
  });
});
