import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodingProblem } from '../../../src/json/encoding.js';
import { loadProcedure } from '../../../src/procedure/load.js';

// Files are read the way the CLI, the form's loader (Response.text()) and the receiver read them:
// as UTF-8, with U+FFFD for every byte that is not. These are the bytes editors really write.
const asRead = (bytes: Buffer) => new TextDecoder('utf-8').decode(bytes);
const json = (s: string) => Buffer.from(s, 'utf8');

test('a UTF-8 file, with or without a byte order mark, has no encoding problem', () => {
  assert.equal(encodingProblem(asRead(json('{\n  "title": "Đăng ký khai sinh"\n}'))), undefined);
  assert.equal(encodingProblem('\ufeff{"a": "Nữ"}'), undefined);
  // Written as an escape, the character is the author's choice.
  assert.equal(encodingProblem('{"a": "\\ufffd"}'), undefined);
});

test('Windows-1258 or 1252 bytes: the first unreadable letter, at its line and column', () => {
  // "đăng ký" in Windows-1258: đ = 0xF0, ă = 0xE3, ý = 0xFD; each is one byte, not UTF-8.
  const bytes = Buffer.concat([
    json('{\n  "title": "'),
    Buffer.from([0xf0, 0xe3]),
    json('ng k'),
    Buffer.from([0xfd]),
    json('"\n}'),
  ]);
  assert.deepEqual(encodingProblem(asRead(bytes)), {
    code: 'not-utf8',
    pointer: '',
    line: 2,
    column: 13,
    message: {
      vi: 'Có ký tự không đọc được (\ufffd) ở đây: tệp có lẽ không được lưu bằng mã UTF-8 (ví dụ ANSI, Windows-1258). Hãy lưu lại tệp với mã hoá UTF-8 rồi xem lại chữ có dấu quanh chỗ này.',
      en: 'Unreadable character (\ufffd) here: the file was probably not saved as UTF-8 (e.g. ANSI, Windows-1252 or 1258). Save it again as UTF-8, then check the accented letters around this place.',
    },
  });
});

test('UTF-16 (Notepad\'s "Unicode"), with or without its byte order mark, is named as such', () => {
  const utf16le = Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from('{\n "a": 1\n}', 'utf16le'),
  ]);
  const utf16be = Buffer.from('{"a": 1}', 'utf16le').swap16();
  for (const bytes of [utf16le, utf16be, Buffer.from('{"a": 1}', 'utf16le')]) {
    const p = encodingProblem(asRead(bytes));
    assert.deepEqual(
      [p?.code, p?.line, p?.column, p?.message.en],
      [
        'not-utf8',
        1,
        1,
        'The file is saved as UTF-16 (Notepad\'s "Unicode"), not UTF-8. Open it and save it again as UTF-8.',
      ],
    );
  }
});

test('one stray NUL in a UTF-8 file is not UTF-16: the parser names it at its place', () => {
  const text = asRead(json('{\n  "title": { "vi": "Đăng ký\u0000 khai sinh" }\n}'));
  assert.equal(encodingProblem(text), undefined);
  const r = loadProcedure(text);
  assert.equal(r.ok, false);
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.line, p.column, p.message.vi]),
    [
      [
        'json-syntax',
        '/title/vi',
        2,
        28,
        'Chuỗi chứa ký tự điều khiển U+0000, không nhìn thấy được (thường do dán từ tệp khác): hãy xoá ký tự ở đúng chỗ này.',
      ],
    ],
  );
});

test('the loader reports the encoding, and nothing else, before reading the JSON', () => {
  const bytes = Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from('{"code": "1.1"}', 'utf16le'),
  ]);
  const r = loadProcedure(asRead(bytes));
  assert.equal(r.ok, false);
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.severity, p.line, p.column]),
    [['not-utf8', 'error', 1, 1]],
  );
  // One Windows-1252 letter in a title: found at its column, before the meta-schema would
  // complain about anything else.
  const cp1252 = Buffer.concat([
    json('{"code": "1.1", "title": {"vi": "Đăng k'),
    Buffer.from([0xfd]),
    json('"}}'),
  ]);
  assert.deepEqual(
    loadProcedure(asRead(cp1252)).problems.map((p) => [p.code, p.line, p.column]),
    [['not-utf8', 1, 40]],
  );
});
