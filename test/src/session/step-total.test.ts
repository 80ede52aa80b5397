/**
 * The progress line's total, "Bước x trên y" (ProcedureModel.stepTotal, docs/form.md "Step
 * count"): shown only when no answer can change how many pages there are. The marriage sample's
 * documents page appears after an answer (a divorce abroad), and its line read "Bước 1 trên 5",
 * then "Bước 3 trên 6": now it says "Bước 1", "Bước 3" throughout.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Procedure } from '../../../src/procedure/index.js';
import { ProcedureModel } from '../../../src/session/index.js';

const sample = (name: string) =>
  JSON.parse(readFileSync(`schemas/procedures/${name}.json`, 'utf8')) as Procedure;
const none = { hiddenFields: new Set<string>(), hiddenDocuments: new Set<string>() };

const text = (vi: string) => ({ vi, en: vi });
/** Two steps, `a` and `b` on the first and `c` alone on the second; `show` rules over them. */
function procedure(targets: { fields?: string[]; documents?: string[] }[]): Procedure {
  return {
    $schema: 'https://dvc.gov.vn/schemas/procedure/v1.json',
    formatVersion: '1.0',
    code: '9.000002',
    version: '1.0.0',
    title: text('Thử'),
    agency: { name: text('Cơ quan'), level: 'commune' },
    data: {
      type: 'object',
      properties: {
        a: { type: 'string' },
        b: { type: 'string' },
        c: { type: 'string' },
        d: { type: 'array', items: { type: 'string' } },
      },
    },
    ui: {
      steps: [
        {
          id: 'mot',
          title: text('Một'),
          fields: ['a', 'b'].map((f) => ({ field: f, widget: 'text', label: text(f) })),
        },
        {
          id: 'hai',
          title: text('Hai'),
          fields: [{ field: 'c', widget: 'text', label: text('c') }],
        },
        {
          id: 'ba',
          title: text('Ba'),
          fields: [{ field: 'd', widget: 'file', label: text('d'), document: 'giay' }],
        },
      ],
    },
    documents: [
      {
        id: 'giay',
        title: text('Giấy'),
        form: 'electronic',
        copies: 1,
        required: false,
        accept: ['application/pdf'],
        maxSizeBytes: 1024,
        maxFiles: 1,
      },
    ],
    rules: targets.map((t, i) => ({
      id: `show-${i}`,
      kind: 'show',
      conditions: { all: [{ fact: 'a', operator: 'equal', value: 'x' }] },
      targets: t,
    })),
    declaration: { text: text('Cam đoan') },
  } as unknown as Procedure;
}

test('a page that may appear: no total ("Bước x"), in the marriage sample and the residence one', async () => {
  const ketHon = await ProcedureModel.create(sample('dang-ky-ket-hon'));
  // Five pages and the review page when every question shows; four and the review page at first.
  assert.equal(ketHon.pages(none).length, 5);
  assert.equal(ketHon.stepTotal(), undefined);
  assert.equal(ketHon.stepTotal(true), undefined);
  assert.equal((await ProcedureModel.create(sample('dang-ky-thuong-tru'))).stepTotal(), undefined);
});

test('a fixed number of pages: the pages and the review page', async () => {
  const khaiSinh = await ProcedureModel.create(sample('dang-ky-khai-sinh'));
  assert.equal(khaiSinh.stepTotal(), khaiSinh.pages(none).length + 1);
  assert.equal(khaiSinh.stepTotal(), 7);
  // One question a page: a question that comes and goes is a page that comes and goes.
  assert.equal(khaiSinh.stepTotal(true), undefined);
  // No show rule at all: fixed in both modes.
  const nuocNgoai = await ProcedureModel.create(sample('dang-ky-ket-hon-nuoc-ngoai'));
  assert.deepEqual([nuocNgoai.stepTotal(), nuocNgoai.stepTotal(true)], [4, 22]);
});

test('only a page whose every question can hide makes the count vary', async () => {
  const fixed = async (targets: { fields?: string[]; documents?: string[] }[]) => {
    const model = await ProcedureModel.create(procedure(targets));
    return [model.stepTotal(), model.stepTotal(true)];
  };
  assert.deepEqual(await fixed([]), [4, 5]);
  // `b` hides, `a` stays on its page: the steps are fixed, the questions are not.
  assert.deepEqual(await fixed([{ fields: ['b'] }]), [4, undefined]);
  // `c` is its page's only question.
  assert.deepEqual(await fixed([{ fields: ['c'] }]), [undefined, undefined]);
  // A document hidden hides its file question, its page's only one.
  assert.deepEqual(await fixed([{ documents: ['giay'] }]), [undefined, undefined]);
});
