/**
 * Questions ajv requires through `anyOf`/`oneOf` branches or through a member split across
 * `allOf` branches (fixture: fixtures/ref-beside-required.json, its `applicant` rewritten here).
 * A member every branch requires is required whichever branch passes; the form showed it as
 * optional, and the page then refused it. A member only some branches require stays optional.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { DvcTextField } from '../../../components/text-field/text-field.js';
import type { JsonSchema, Procedure } from '../../../src/procedure/types.js';
import procedure from './fixtures/ref-beside-required.json';
import { field, headingText, next, summaryTexts } from './form-harness.js';

type Data = JsonSchema & { properties: Record<string, JsonSchema> };

async function formOver(change: (data: Data) => void): Promise<DvcForm> {
  const data = structuredClone(procedure.data) as unknown as Data;
  change(data);
  const el = await fixture<DvcForm>(
    html`<dvc-form
      lang="vi"
      .procedureData=${{ ...procedure, data } as unknown as Procedure}
      today="2026-12-06"
    ></dvc-form>`,
  );
  await el.settled();
  expect(headingText(el)).to.equal('Người khai');
  return el;
}

/** Each question's required mark, on the host and on its input. */
async function marks(el: DvcForm): Promise<string[]> {
  const out: string[] = [];
  for (const path of ['applicant.fullName', 'applicant.phone', 'applicant.email']) {
    const host = field(el, path) as unknown as DvcTextField;
    await host.updateComplete;
    const box = host.shadowRoot!.querySelector('input')!;
    out.push(`${path} host=${host.hasAttribute('required')} box=${box.required}`);
  }
  return out;
}

const object = (required: string[]): JsonSchema => ({ type: 'object', required });

describe('dvc-form: required in every anyOf/oneOf branch, or in a split allOf member', () => {
  it('marks a member every anyOf branch requires, not one some branches require', async () => {
    const el = await formOver((data) => {
      data.properties['applicant'] = {
        $ref: '#/$defs/person',
        type: 'object',
        anyOf: [object(['phone', 'email']), object(['phone'])],
      };
    });
    expect(await marks(el)).to.deep.equal([
      'applicant.fullName host=true box=true',
      'applicant.phone host=true box=true',
      'applicant.email host=false box=false',
    ]);
  });

  it('marks a member required in an allOf branch that declares its object again', async () => {
    const el = await formOver((data) => {
      data.properties['applicant'] = { $ref: '#/$defs/person' };
      data.allOf = [{ type: 'object', properties: { applicant: object(['email']) } }];
    });
    expect(await marks(el)).to.deep.equal([
      'applicant.fullName host=true box=true',
      'applicant.phone host=false box=false',
      'applicant.email host=true box=true',
    ]);
    await next(el);
    expect(summaryTexts(el)).to.deep.equal(['Nhập họ và tên', 'Nhập thư điện tử']);
  });
});
