/**
 * Questions ajv requires through `anyOf`/`oneOf` branches or through a member split across
 * `allOf` branches (fixture: fixtures/ref-beside-required.json, its `applicant` rewritten here).
 * A member every branch requires is required whichever branch passes; the form showed it as
 * optional, and the page then refused it. A member only some branches require stays optional.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { DvcSubmitEvent } from '../../../components/form/events.js';
import type { DvcTextField } from '../../../components/text-field/text-field.js';
import type { JsonSchema, Procedure } from '../../../src/procedure/types.js';
import procedure from './fixtures/ref-beside-required.json';
import { answer, field, headingText, next, root, summary, summaryTexts } from './form-harness.js';

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

/**
 * ajv's `anyOf`, `oneOf` and `not` report on the object (`/applicant`), which no question owns.
 * A member every branch requires is that member's own "required" at its question; what still maps
 * to no question stops the page with a general sentence in the error summary, never silently: the
 * page went on and the review page submitted answers the agency's server then refused.
 */
const branches = (...sets: string[][]): JsonSchema[] =>
  sets.map((required) => ({ type: 'object', required }));

// No question can show the problem: the sentence says what to look at and where to turn.
const GENERAL =
  'Các câu trả lời chưa đáp ứng một yêu cầu của thủ tục, nhưng biểu mẫu không chỉ ra được câu cần sửa. Hãy xem lại các câu trả lời: điền câu còn để trống, sửa câu chưa đúng. Nếu vẫn không tiếp tục được, hãy liên hệ cơ quan giải quyết hoặc nộp hồ sơ trực tiếp tại Bộ phận Một cửa';
const GENERAL_EN =
  "Your answers do not meet one of the procedure's requirements, but the form cannot tell which question to change. Look over your answers: fill in any left empty, correct any that is wrong. If you still cannot continue, contact the agency or apply in person at the one-stop shop (Bộ phận Một cửa)";

/** The summary's lines as links (`→ target`) or plain text, and whether it has focus. */
function summaryState(el: DvcForm): { lines: string[]; focused: boolean } {
  const s = summary(el);
  const lines = s
    ? [...s.shadowRoot!.querySelectorAll('li')].map((li) => {
        const a = li.querySelector('a');
        return `${li.textContent!.trim()}${a ? ` → ${a.getAttribute('href')}` : ''}`;
      })
    : [];
  return { lines, focused: !!s && root(el).activeElement === s };
}

describe('dvc-form: problems of anyOf/oneOf/not on an object no question owns', () => {
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    it(`asks for a member every ${keyword} branch requires at its question`, async () => {
      const el = await formOver((data) => {
        data.properties['applicant'] = {
          $ref: '#/$defs/person',
          type: 'object',
          [keyword]: branches(['phone', 'email'], ['phone']),
        };
      });
      await answer(el, 'applicant.fullName', 'Nguyễn Văn A');
      await next(el);
      expect(headingText(el)).to.equal('Người khai');
      expect(summaryState(el)).to.deep.equal({
        lines: ['Nhập số điện thoại → #field-applicant-phone'],
        focused: true,
      });
      expect(field(el, 'applicant.phone')!.error).to.equal('Nhập số điện thoại');
      await answer(el, 'applicant.phone', '0912345678');
      await next(el);
      expect(headingText(el)).to.equal('Kiểm tra lại thông tin');
    });
  }

  const unowned: [string, JsonSchema][] = [
    [
      'an anyOf whose branches ask for different members',
      { anyOf: branches(['phone'], ['email']) },
    ],
    ['a not', { not: { type: 'object', required: ['phone', 'email'] } }],
  ];
  for (const [name, rule] of unowned) {
    it(`refuses the page with a sentence in the summary for ${name}`, async () => {
      const el = await formOver((data) => {
        data.properties['applicant'] = { $ref: '#/$defs/person', type: 'object', ...rule };
      });
      await answer(el, 'applicant.fullName', 'Nguyễn Văn A');
      if ('not' in rule) {
        await answer(el, 'applicant.phone', '0912345678');
        await answer(el, 'applicant.email', 'a@b.vn');
      }
      await next(el);
      expect(headingText(el)).to.equal('Người khai');
      expect(summaryState(el)).to.deep.equal({ lines: [GENERAL], focused: true });
      await answer(el, 'applicant.email', 'not' in rule ? '' : 'a@b.vn');
      await next(el);
      expect(headingText(el)).to.equal('Kiểm tra lại thông tin');
    });
  }

  it('words the sentence again when the language changes while it is shown', async () => {
    const el = await formOver((data) => {
      data.properties['applicant'] = {
        $ref: '#/$defs/person',
        type: 'object',
        anyOf: branches(['phone'], ['email']),
      };
    });
    await answer(el, 'applicant.fullName', 'Nguyễn Văn A');
    await next(el);
    expect(summaryState(el).lines).to.deep.equal([GENERAL]);
    el.lang = 'en';
    await el.settled();
    expect(summaryState(el).lines).to.deep.equal([GENERAL_EN]);
    el.lang = 'vi';
    await el.settled();
    expect(summaryState(el).lines).to.deep.equal([GENERAL]);
  });

  it('refuses to submit from the review page, saying why, answers a draft resumed there', async () => {
    const el = await formOver((data) => {
      data.properties['applicant'] = {
        $ref: '#/$defs/person',
        anyOf: branches(['phone'], ['email']),
      };
    });
    // A draft saved at the review page under an earlier version of the procedure.
    await el.navigation.restoreDraft({ applicant: { fullName: 'Nguyễn Văn A' } }, 'review');
    expect(headingText(el)).to.equal('Kiểm tra lại thông tin');
    root(el).querySelector<HTMLInputElement>('#declaration')!.click();
    let submitted = false;
    el.addEventListener('dvc-submit', () => (submitted = true));
    await next(el);
    expect(submitted).to.equal(false);
    expect(summaryState(el)).to.deep.equal({ lines: [GENERAL], focused: true });
    // Worded again in the other language, on the review page too.
    el.lang = 'en';
    await el.settled();
    expect(summaryState(el).lines).to.deep.equal([GENERAL_EN]);
    el.lang = 'vi';
    await el.settled();
    await el.navigation.restoreDraft(
      { applicant: { fullName: 'Nguyễn Văn A', email: 'a@b.vn' } },
      'review',
    );
    el.addEventListener('dvc-submit', (e) => e.preventDefault(), { once: true });
    const event = oneEvent(el, 'dvc-submit') as Promise<DvcSubmitEvent>;
    const box = root(el).querySelector<HTMLInputElement>('#declaration')!;
    if (!box.checked) box.click();
    await next(el);
    expect((await event).detail.answers).to.deep.equal({
      applicant: { fullName: 'Nguyễn Văn A', email: 'a@b.vn' },
    });
  });
});
