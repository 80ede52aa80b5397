/**
 * One engine: for every sample procedure, in Vietnamese and English, the first page the server
 * renders (src/first-page) shows what `<dvc-form>` shows when it opens: the same progress line
 * and heading, and the same questions in the same order with the same labels, hints, required
 * marks and choices, up to the first question the server cannot render plainly.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import { messages as fieldMessages } from '../../../components/base/messages.js';
import { loadProcedure, type Procedure } from '../../../src/procedure/index.js';
import { ProcedureModel } from '../../../src/session/index.js';
import { FIRST_PAGE_MESSAGES, firstPageOf } from '../../../src/first-page/index.js';
import laiXe from '../../../schemas/procedures/cap-giay-phep-lai-xe-quoc-te.json';
import lyLich from '../../../schemas/procedures/cap-phieu-ly-lich-tu-phap.json';
import ketHonNn from '../../../schemas/procedures/dang-ky-ket-hon-nuoc-ngoai.json';
import ketHon from '../../../schemas/procedures/dang-ky-ket-hon.json';
import khaiSinh from '../../../schemas/procedures/dang-ky-khai-sinh.json';
import tamTru from '../../../schemas/procedures/dang-ky-tam-tru.json';
import thuongTru from '../../../schemas/procedures/dang-ky-thuong-tru.json';
import everyWidget from '../../src/first-page/fixtures/every-widget.json';

const SAMPLES: Record<string, unknown> = {
  'cap-giay-phep-lai-xe-quoc-te': laiXe,
  'cap-phieu-ly-lich-tu-phap': lyLich,
  'dang-ky-ket-hon-nuoc-ngoai': ketHonNn,
  'dang-ky-ket-hon': ketHon,
  'dang-ky-khai-sinh': khaiSinh,
  'dang-ky-tam-tru': tamTru,
  'dang-ky-thuong-tru': thuongTru,
  'every-widget (test fixture)': everyWidget,
};
const TODAY = '2026-12-05';

function load(json: unknown): Procedure {
  const r = loadProcedure(JSON.stringify(json));
  if (!r.ok) throw new Error('invalid sample');
  return r.procedure;
}

interface Shown {
  path: string;
  label: string;
  hint: string;
  required: boolean;
  options?: { value: string; label: string }[];
}

/** What the element shows on its first page, read from its field elements. */
function shownByForm(el: DvcForm): { progress: string; heading: string; fields: Shown[] } {
  const root = el.shadowRoot!;
  const fields = [...root.querySelectorAll<HTMLElement>('.fields > [data-path]')].map((f) => {
    const p = f as HTMLElement & Shown & { options?: { value: string; label: string }[] };
    return {
      path: f.dataset.path!,
      label: p.label,
      hint: p.hint,
      required: p.required,
      ...(p.options?.length ? { options: p.options.map((o) => ({ ...o })) } : {}),
    };
  });
  return {
    progress: root.querySelector('.progress')!.textContent!.trim(),
    heading: root.querySelector('h2')!.textContent!.trim(),
    fields,
  };
}

describe('the server-rendered first page agrees with <dvc-form>', () => {
  for (const [name, json] of Object.entries(SAMPLES)) {
    for (const lang of ['vi', 'en'] as const) {
      it(`${name} (${lang})`, async () => {
        const procedure = load(json);
        const page = await firstPageOf(await ProcedureModel.create(procedure), {
          lang,
          today: TODAY,
        });
        const el = await fixture<DvcForm>(
          html`<dvc-form .procedureData=${procedure} today=${TODAY} lang=${lang}></dvc-form>`,
        );
        await el.settled();
        const shown = shownByForm(el);
        if (!page) {
          // Not rendered only when the form's first question is one it cannot render plainly.
          expect(['date', 'address', 'group', 'file']).to.include(
            el.fieldAt(shown.fields[0]!.path)!.widget,
          );
          return;
        }
        expect(page.pageId).to.equal(el.pageId);
        expect(FIRST_PAGE_MESSAGES[lang].progress(1, page.total)).to.equal(shown.progress);
        expect(page.heading).to.equal(shown.heading);
        const server: Shown[] = page.questions.map((q) => ({
          path: q.path,
          label: q.label,
          hint: q.hint,
          required: q.required,
          ...(q.options ? { options: q.options } : {}),
        }));
        const stop = page.stoppedAt
          ? shown.fields.findIndex((f) => f.path === page.stoppedAt)
          : shown.fields.length;
        expect(stop).to.equal(server.length);
        expect(server).to.deep.equal(shown.fields.slice(0, stop));
      });
    }
  }

  it("a list's empty choice is the select element's own words", () => {
    for (const lang of ['vi', 'en'] as const)
      expect(FIRST_PAGE_MESSAGES[lang].choose).to.equal(fieldMessages[lang].choose);
  });
});
