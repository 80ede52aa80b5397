/**
 * A question required by a `required` written beside a `$ref` (fixture:
 * fixtures/ref-beside-required.json: `applicant` is `{ "$ref": "#/$defs/person", "required":
 * ["phone"] }`, which 2020-12 and the meta-schema allow). ajv enforces both the target's
 * `required` (the name) and the one beside it (the phone); the form read only the target's, so the
 * phone was offered as optional and the page then refused it as missing. Likewise a repeat
 * group's item limits beside a `$ref` or in an `allOf` branch.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { DvcTextField } from '../../../components/text-field/text-field.js';
import type { JsonSchema, Procedure } from '../../../src/procedure/types.js';
import procedure from './fixtures/ref-beside-required.json';
import household from './fixtures/repeat-ref-items.json';
import type { DvcRepeatGroup } from '../../../components/repeat-group/repeat-group.js';
import { field, headingText, next, root, summaryTexts } from './form-harness.js';

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

  it("bounds a repeat group by the strictest item limits ajv applies, the $ref's and those beside it", async () => {
    // The household's list as a $ref (1 to 5 people) with at most 3 beside it and, in an allOf
    // branch, at least 2: ajv refuses 1 and 4 people.
    const data = structuredClone(household.data) as unknown as JsonSchema & {
      $defs: Record<string, JsonSchema>;
      properties: { household: { properties: Record<string, JsonSchema> } };
    };
    data.$defs['people'] = {
      type: 'array',
      minItems: 1,
      maxItems: 5,
      items: { $ref: '#/$defs/person' },
    };
    data.properties.household.properties['people'] = {
      $ref: '#/$defs/people',
      type: 'array',
      maxItems: 3,
      allOf: [{ type: 'array', minItems: 2 }],
    };
    const el = await fixture<DvcForm>(
      html`<dvc-form
        lang="vi"
        .procedureData=${{ ...household, data } as unknown as Procedure}
        today="2026-12-06"
      ></dvc-form>`,
    );
    await el.settled();
    const group = root(el).querySelector<DvcRepeatGroup>('dvc-repeat-group')!;
    expect([group.min, group.max]).to.deep.equal([2, 3]);
  });
});
