/**
 * A question required by a `required` written beside a `$ref` (fixture:
 * fixtures/ref-beside-required.json: `applicant` is `{ "$ref": "#/$defs/person", "required":
 * ["phone"] }`, which 2020-12 and the meta-schema allow). ajv enforces both the target's
 * `required` (the name) and the one beside it (the phone); the form read only the target's, so the
 * phone was offered as optional, "(không bắt buộc)", and the page then refused it as missing.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { DvcTextField } from '../../../components/text-field/text-field.js';
import type { Procedure } from '../../../src/procedure/types.js';
import procedure from './fixtures/ref-beside-required.json';
import { field, headingText, next, summaryTexts } from './form-harness.js';

describe('dvc-form: a required beside a $ref', () => {
  it('marks required exactly the questions ajv requires', async () => {
    const el = await fixture<DvcForm>(
      html`<dvc-form
        lang="vi"
        .procedureData=${procedure as unknown as Procedure}
        today="2026-12-06"
      ></dvc-form>`,
    );
    await el.settled();
    expect(headingText(el)).to.equal('Người khai');
    const marks: string[] = [];
    for (const path of ['applicant.fullName', 'applicant.phone', 'applicant.email']) {
      const host = field(el, path) as unknown as DvcTextField;
      await host.updateComplete;
      const box = host.shadowRoot!.querySelector('input')!;
      marks.push(
        `${path} host=${host.hasAttribute('required')} box=${box.required} label=${box.labels?.[0]?.textContent?.trim().replace(/\s+/g, ' ') ?? ''}`,
      );
    }
    expect(marks).to.deep.equal([
      'applicant.fullName host=true box=true label=Họ và tên',
      'applicant.phone host=true box=true label=Số điện thoại',
      'applicant.email host=false box=false label=Thư điện tử',
    ]);
    // ajv's verdict on the empty page: the two marked questions, and only them, are missing.
    await next(el);
    expect(summaryTexts(el)).to.deep.equal(['Nhập họ và tên', 'Nhập số điện thoại']);
  });
});
