/**
 * The progress line says "Bước x trên y" only when no answer can change y (ProcedureModel.stepTotal,
 * docs/form.md "Step count"). The marriage sample's documents page appears after an answer: its
 * line read "Bước 1 trên 5" and, once the page appeared, "Bước 3 trên 6"; now "Bước 1", "Bước 3".
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { Procedure } from '../../../src/procedure/types.js';
import ketHon from '../../../schemas/procedures/dang-ky-ket-hon.json';
import khaiSinh from '../../../schemas/procedures/dang-ky-khai-sinh.json';
import { progress } from './form-harness.js';

async function mount(procedure: unknown, lang = 'vi'): Promise<DvcForm> {
  const el = await fixture<DvcForm>(
    html`<dvc-form
      .procedureData=${procedure as Procedure}
      lang=${lang}
      today="2026-11-26"
    ></dvc-form>`,
  );
  await el.settled();
  return el;
}

describe('dvc-form step count', () => {
  it('says "Bước x" alone when a page may appear or go, in both languages', async () => {
    expect(progress(await mount(ketHon))).to.equal('Bước 1');
    expect(progress(await mount(ketHon, 'en'))).to.equal('Step 1');
  });

  it('says "Bước x trên y" when the pages are fixed', async () => {
    expect(progress(await mount(khaiSinh))).to.equal('Bước 1 trên 7');
  });
});
