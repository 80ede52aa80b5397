// How the samples read to the citizen, beside the form's own words.
//
// The "cannot apply" page shows each remedy after the label "Bạn có thể: " (components/form
// messages.ts, or the procedure's own `ineligible.remedyLabel`). A sample remedy that begins with
// the same words read "Bạn có thể: Bạn có thể đăng ký thường trú…" to the citizen (found driving
// dang-ky-thuong-tru on the demo site): each remedy is checked against the label it is shown with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { Procedure } from '../../../src/procedure/types.js';
import { FORM_MESSAGES } from '../../../components/form/messages.js';

const DIR = new URL('../../../schemas/procedures/', import.meta.url);
const SAMPLES = readdirSync(DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.cases.json'));
/** The label's words, without the colon: "Bạn có thể", "What you can do". */
const words = (label: string) => label.replace(/[:\s]+$/, '').toLocaleLowerCase('vi');

const samples = () =>
  SAMPLES.map(
    (file) => [file, JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as Procedure] as const,
  );

test('no sample remedy repeats the words of the label it is shown after', () => {
  assert.ok(SAMPLES.length >= 7);
  const repeated: string[] = [];
  for (const [file, p] of samples()) {
    for (const rule of p.rules) {
      if (!('remedy' in rule) || !rule.remedy) continue;
      for (const lang of ['vi', 'en'] as const) {
        const label = words(p.ineligible?.remedyLabel?.[lang] ?? FORM_MESSAGES[lang].remedyLabel);
        const remedy = rule.remedy[lang];
        if (remedy?.toLocaleLowerCase('vi').startsWith(label)) {
          repeated.push(`${file} ${rule.id} (${lang}): ${remedy.slice(0, 40)}…`);
        }
      }
    }
  }
  assert.deepEqual(repeated, []);
});

// The tick box under the declaration says "Tôi đã đọc và đồng ý…" unless the procedure words it
// itself (`declaration.label`); under dang-ky-ket-hon's "Chúng tôi cam đoan…", signed by both
// partners, it read as one person's.
test('a declaration made by "Chúng tôi" has a tick box that speaks as "Chúng tôi" too', () => {
  const mismatched = samples()
    .filter(([, p]) => p.declaration.text.vi.startsWith('Chúng tôi'))
    .filter(([, p]) => !p.declaration.label?.vi.startsWith('Chúng tôi'))
    .map(([file, p]) => `${file}: ${p.declaration.label?.vi ?? FORM_MESSAGES.vi.declarationLabel}`);
  assert.deepEqual(mismatched, []);
});
