import { expect } from '@open-wc/testing';
import { carryOver } from '../../../components/drafts/carry-over.js';
import type { Procedure } from '../../../src/procedure/types.js';
import { ProcedureModel } from '../../../src/session/index.js';
import branchCases from './fixtures/carry-over-branches.json';

const OLD_SCHEMA = {
  type: 'object',
  properties: {
    hoTen: { type: 'string', maxLength: 100 },
    soCon: { type: 'integer' },
    gioiTinh: { type: 'string', enum: ['nam', 'nu'] },
    diaChi: { $ref: '#/$defs/diaChi' },
    ghiChu: { type: 'string' },
    ngheNghiep: { type: 'string' },
  },
  $defs: { diaChi: { type: 'object', properties: { tinh: { type: 'string' } } } },
};

function procedure(): Procedure {
  return {
    formatVersion: 1,
    code: '1.000001',
    version: '2.0.0',
    title: { vi: 'Thử' },
    agency: { vi: 'UBND' },
    legalBasis: [{ title: { vi: 'Luật' } }],
    serviceKind: 'toan-trinh',
    processingDays: 1,
    resultDelivery: ['online'],
    data: {
      type: 'object',
      properties: {
        hoTen: { type: 'string', maxLength: 100, title: 'only a title changed' },
        // integer → string: the old number cannot stay.
        soCon: { type: 'string' },
        // one value removed from the enum: "nu" still fits, "khac" would not.
        gioiTinh: { type: 'string', enum: ['nam', 'nu'], description: 'x' },
        diaChi: {
          type: 'object',
          properties: { tinh: { type: 'string', pattern: '^[0-9]{2}$' } },
        },
        ngheNghiep: { type: 'string', enum: ['nong-dan', 'cong-nhan'] },
        moi: { type: 'string' },
      },
    },
    ui: {
      steps: [
        {
          id: 's1',
          title: { vi: 'Bước 1' },
          fields: [
            { field: 'hoTen', widget: 'text', label: { vi: 'Họ và tên', en: 'Full name' } },
            { field: 'soCon', widget: 'text', label: { vi: 'Số con', en: 'Children' } },
            { field: 'gioiTinh', widget: 'radio', label: { vi: 'Giới tính' } },
            { field: 'diaChi', widget: 'address', label: { vi: 'Địa chỉ', en: 'Address' } },
            { field: 'ngheNghiep', widget: 'select', label: { vi: 'Nghề nghiệp', en: 'Job' } },
            { field: 'moi', widget: 'text', label: { vi: 'Câu mới' } },
          ],
        },
      ],
    },
    documents: [],
    fees: { currency: 'VND', items: [] },
    rules: [],
    declaration: { text: { vi: 'Tôi cam đoan.' } },
  } as unknown as Procedure;
}

const OLD_ANSWERS = {
  hoTen: 'Nguyễn Văn An',
  soCon: 2,
  gioiTinh: 'nu',
  diaChi: { tinh: 'Hà Nội' },
  ghiChu: 'removed question',
  ngheNghiep: 'giáo viên',
};

describe('carryOver', () => {
  it('keeps unchanged and still-valid answers and lists the others by label', async () => {
    const p = procedure();
    const model = await ProcedureModel.create(p);
    const r = carryOver({ answers: OLD_ANSWERS, dataSchema: OLD_SCHEMA }, p, model);
    expect(r.answers).to.deep.equal({ hoTen: 'Nguyễn Văn An', gioiTinh: 'nu' });
    expect(r.kept).to.deep.equal(['hoTen', 'gioiTinh']);
    expect(r.reenter).to.deep.equal([
      { path: 'soCon', label: { vi: 'Số con', en: 'Children' } },
      { path: 'diaChi', label: { vi: 'Địa chỉ', en: 'Address' } },
      { path: 'ngheNghiep', label: { vi: 'Nghề nghiệp', en: 'Job' } },
    ]);
  });

  it('without a validator, keeps changed-schema answers whose JSON type still fits', () => {
    const r = carryOver({ answers: OLD_ANSWERS, dataSchema: OLD_SCHEMA }, procedure());
    expect(r.answers).to.deep.equal({
      hoTen: 'Nguyễn Văn An',
      gioiTinh: 'nu',
      diaChi: { tinh: 'Hà Nội' },
      ngheNghiep: 'giáo viên',
    });
    expect(r.reenter.map((x) => x.path)).to.deep.equal(['soCon']);
  });

  it('asks for nothing again when every answer still fits', () => {
    const r = carryOver(
      { answers: { hoTen: 'An', moiKhongCo: 1 }, dataSchema: OLD_SCHEMA },
      procedure(),
    );
    expect(r).to.deep.equal({ answers: { hoTen: 'An' }, reenter: [], kept: ['hoTen'] });
  });

  it('carries an emptied answer over as no answer: not asked again, and its group kept', async () => {
    // A draft saved before an emptied field became absent holds `null` (an emptied number box),
    // at a question and in a repeated item. The new version's session takes each question as
    // `set` takes it (src/session/answered-items.ts): the question is simply unanswered, the
    // group comes along without the empty member.
    const p = procedure();
    const data = p.data as unknown as { properties: Record<string, unknown> };
    data.properties.nguoi = {
      type: 'array',
      items: {
        type: 'object',
        properties: { ten: { type: 'string' }, soNam: { type: 'integer', minimum: 1 } },
        additionalProperties: false,
      },
    };
    p.ui.steps[0]!.fields.push({
      field: 'nguoi',
      widget: 'group',
      label: { vi: 'Người cùng ở', en: 'People' },
      itemLabel: { vi: 'Người thứ' },
      fields: [
        { field: 'ten', widget: 'text', label: { vi: 'Tên' } },
        { field: 'soNam', widget: 'number', label: { vi: 'Số năm' } },
      ],
    } as unknown as (typeof p.ui.steps)[number]['fields'][number]);
    const model = await ProcedureModel.create(p);
    const r = carryOver(
      {
        answers: { hoTen: 'An', soCon: null, nguoi: [{ ten: 'Bình', soNam: null }] },
        dataSchema: OLD_SCHEMA,
      },
      p,
      model,
    );
    expect(r).to.deep.equal({
      answers: { hoTen: 'An', nguoi: [{ ten: 'Bình' }] },
      reenter: [],
      kept: ['hoTen', 'nguoi'],
    });
  });

  // A question may be declared in an `allOf` or `anyOf` branch (the form asks it): its schema is
  // read as the form reads it (src/procedure `resolveFieldPath`). Following `properties` only,
  // such an answer was dropped without a word, and a format added in a second declaration was
  // not seen, so an answer the new version refuses was kept.
  for (const c of branchCases)
    it(c.name, async () => {
      const p = procedure();
      p.data = c.newData as unknown as Procedure['data'];
      p.ui.steps[0]!.fields = Object.keys(c.answers).map((field) => ({
        field,
        widget: 'text',
        label: { vi: field },
      })) as unknown as (typeof p.ui.steps)[number]['fields'];
      const model = await ProcedureModel.create(p);
      const r = carryOver({ answers: c.answers, dataSchema: c.oldData as never }, p, model);
      expect(r.answers).to.deep.equal(c.carried);
      expect(r.kept).to.deep.equal(c.kept);
      expect(r.reenter.map((x) => x.path)).to.deep.equal(c.reenter);
    });
});
