/**
 * `unknown-format` for a display pattern (`"format": "dd/mm/yyyy"`): the author meant how the date
 * looks, so the message says the form already shows and reads dd/mm/yyyy and the schema says
 * `"format": "date"`. Any other unknown format keeps the general message.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProcedure } from '../../../src/procedure/index.js';

const minimal = readFileSync(new URL('./fixtures/valid-minimal.json', import.meta.url), 'utf8');

function formatProblems(format: string) {
  const text = minimal.replace('"birthDate": { "type": "string", "format": "date" }', () =>
    JSON.stringify({ birthDate: { type: 'string', format } }).slice(1, -1),
  );
  assert.notEqual(text, minimal);
  const result = loadProcedure(text);
  return result.problems.filter((p) => p.code === 'unknown-format');
}

for (const format of ['dd/mm/yyyy', 'dd/mm/yyy', 'DD-MM-YYYY', 'd.m.yyyy']) {
  test(`"format": "${format}" is told the form shows dates itself and the schema says "date"`, () => {
    const problems = formatProblems(format);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.pointer, '/data/$defs/person/properties/birthDate/format');
    assert.deepEqual(problems[0]!.message, {
      vi: `Định dạng "${format}" không được hỗ trợ: "format" nói dữ liệu được lưu thế nào, không phải cách hiển thị. Biểu mẫu tự hiển thị và đọc ngày theo dạng dd/mm/yyyy; hãy viết "format": "date" (dữ liệu lưu ngày theo ISO, ví dụ 2025-03-15).`,
      en: `The format "${format}" is not supported: "format" says how the data is stored, not how it is shown. The form itself shows and reads dates as dd/mm/yyyy; write "format": "date" (the data holds the date in ISO form, e.g. 2025-03-15).`,
    });
  });
}

for (const format of ['dateTime', 'vn-phone', 'mm']) {
  test(`"format": "${format}" (no date pattern) keeps the general message`, () => {
    const problems = formatProblems(format);
    assert.equal(problems.length, 1);
    assert.deepEqual(problems[0]!.message, {
      vi: `Định dạng "${format}" không được hỗ trợ. Dùng một định dạng chuẩn (date, email…) hoặc định dạng Việt Nam (vn-personal-id, vn-mobile…).`,
      en: `The format "${format}" is not supported. Use a standard format (date, email…) or a Vietnamese one (vn-personal-id, vn-mobile…).`,
    });
  });
}
