// Lists every validation message the four sample procedures can show, field by field, in
// Vietnamese and English, so that a person can read them all (issue 15: "Chọn Bạn là" and
// "Nhập Thư điện tử (không bắt buộc) đúng dạng…" were found only by chance).
//
//   node --import tsx scripts/list-messages.mjs [--lang vi|en] [procedure.json…]
//
// For each field of each step it starts from the procedure's first complete case (the
// .cases.json beside it), breaks that one answer in every way its schema allows (missing when
// required, a value outside the list, a wrong format, too short, too long, too small, too large,
// wrong type) and prints the messages the real validator gives.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createValidator } from '../src/validation/index.ts';

const args = process.argv.slice(2);
const lang = args.includes('--lang') ? args[args.indexOf('--lang') + 1] : 'vi';
const files = args.filter((a, i) => a.endsWith('.json') && args[i - 1] !== '--lang');
const samples = files.length
  ? files
  : [
      'dang-ky-khai-sinh',
      'dang-ky-ket-hon',
      'dang-ky-thuong-tru',
      'cap-giay-phep-lai-xe-quoc-te',
    ].map((n) => new URL(`../schemas/procedures/${n}.json`, import.meta.url).pathname);

function resolve(root, schema) {
  while (schema && schema.$ref) {
    const path = schema.$ref.replace(/^#\//, '').split('/');
    schema = path.reduce((s, k) => s?.[k], root);
  }
  return schema ?? {};
}

/** The schema of `path` (dot-separated) in the procedure's data schema, and whether required. */
function schemaAt(root, path) {
  let schema = resolve(root, root);
  let required = false;
  for (const key of path.split('.')) {
    required = (schema.required ?? []).includes(key);
    schema = resolve(root, schema.properties?.[key]);
  }
  return { schema, required };
}

function setAt(obj, path, value) {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) o = o[k] ??= {};
  if (value === undefined) delete o[keys.at(-1)];
  else o[keys.at(-1)] = value;
}

/** Ways to break one answer, from its schema. */
function breakages(schema, required) {
  const out = [];
  if (required) out.push(['missing', undefined]);
  if (schema.enum) out.push(['not in list', '__not-in-list__']);
  if (schema.type === 'boolean') out.push(['wrong type', 'x']);
  if (schema.type === 'string') {
    if (schema.format) out.push(['wrong format', '12ab']);
    if (schema.pattern) out.push(['wrong pattern', '%%%']);
    if (schema.minLength > 1) out.push(['too short', 'a']);
    if (schema.maxLength) out.push(['too long', 'a'.repeat(schema.maxLength + 1)]);
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    if (schema.minimum !== undefined) out.push(['too small', schema.minimum - 1]);
    if (schema.maximum !== undefined) out.push(['too large', schema.maximum + 1]);
    out.push(['wrong type', 'x']);
  }
  if (schema.type === 'object') out.push(['empty group', {}]);
  return out;
}

for (const file of samples) {
  const procedure = JSON.parse(readFileSync(file, 'utf8'));
  const cases = JSON.parse(readFileSync(file.replace(/\.json$/, '.cases.json'), 'utf8'));
  const base =
    cases.cases.find((c) => (c.expect?.problems ?? []).length === 0 && c.answers)?.answers ?? {};
  const validator = await createValidator(procedure);
  console.log(`\n# ${basename(file)} (${lang})`);
  for (const step of procedure.ui.steps) {
    for (const field of step.fields) {
      if (field.widget === 'file' || field.widget === 'repeat') continue;
      const { schema, required } = schemaAt(procedure.data, field.field);
      const label = field.label?.[lang] ?? field.label?.vi ?? field.field;
      for (const [how, value] of breakages(schema, required)) {
        const answers = structuredClone(base);
        setAt(answers, field.field, value);
        const pointer = '/' + field.field.split('.').join('/');
        const found = validator
          .validate(answers, { lang, required: required ? [] : undefined })
          .problems.filter((p) => p.path === pointer || p.path.startsWith(pointer + '/'));
        for (const p of found) console.log(`${field.field} [${label}] ${how}: ${p.message}`);
      }
    }
  }
}
