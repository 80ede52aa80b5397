import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  isCccdBirthProvinceCode,
  isCommuneCode2025,
  isMobilePrefix,
  isProvinceCode2025,
  loadCommuneCodes2025,
  communeCodesLoaded2025,
} from '../../../src/data/admin-codes-2025.js';
import { COMMUNE_CODES_2025 } from '../../../src/data/communes-2025.js';
import units from '../../../src/data/admin-units-2025.json' with { type: 'json' };

const script = new URL('../../../scripts/gen-admin-data.mjs', import.meta.url);
const vendored = new URL('../../../vendor/vn-admin/', import.meta.url);

function csv(name: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(new URL(name, vendored), 'utf8').trim().split(/\r?\n/);
  const keys = head.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((c, i) => [keys[i], c])));
}

test('the committed src/data files match vendor/vn-admin', () => {
  // Throws (exit 1) when a regenerated file would differ from the committed one.
  execFileSync(process.execPath, [script.pathname, '--check'], { stdio: 'pipe' });
});

test('the commune checks refuse to answer before the codes are loaded, not guess', async () => {
  // Runs first in this file: nothing has loaded the lazy module yet. A check that answered
  // "unknown code" here would turn every commune into an error on a form.
  assert.equal(communeCodesLoaded2025(), false);
  assert.throws(() => isCommuneCode2025('00004'), {
    message: 'dvc-forms: the 2025 commune codes are not loaded: await loadCommuneCodes2025() first',
  });
  await loadCommuneCodes2025();
  assert.equal(communeCodesLoaded2025(), true);
});

test('every commune and province of the 2025 lists is found, and only those', async () => {
  await loadCommuneCodes2025();
  const communes = csv('communes-2025.csv');
  assert.equal(communes.length, 3321);
  assert.equal(COMMUNE_CODES_2025.length, 3321 * 5);
  for (const c of communes) assert.ok(isCommuneCode2025(c.code), c.code);
  const provinces = csv('provinces-2025.csv');
  assert.equal(provinces.length, 34);
  for (const p of provinces) assert.ok(isProvinceCode2025(p.code), p.code);
  // 23938 is Xã Ia Mơ after the SOURCES.md correction; 23737 is its wrong transcription.
  assert.equal(isCommuneCode2025('23938'), true);
  assert.equal(isCommuneCode2025('23737'), false);
  assert.equal(isCommuneCode2025('00001'), false);
  assert.equal(isCommuneCode2025('0004'), false);
  assert.equal(isCommuneCode2025('0000x'), false);
  // 02 Hà Giang merged into 08 Tuyên Quang on 1/7/2025.
  assert.equal(isProvinceCode2025('02'), false);
  assert.equal(isProvinceCode2025('08'), true);
});

test('birth-registration codes are the 63 pre-2025 provinces; mobile prefixes come from the list', () => {
  for (const p of csv('provinces-pre2025.csv'))
    assert.ok(isCccdBirthProvinceCode(p.cccd_birth_code));
  assert.equal(isCccdBirthProvinceCode('002'), true);
  assert.equal(isCccdBirthProvinceCode('003'), false);
  assert.equal(isCccdBirthProvinceCode('097'), false);
  for (const m of csv('mobile-prefixes.csv')) assert.ok(isMobilePrefix(m.prefix));
  assert.equal(isMobilePrefix('095'), false);
  assert.equal(isMobilePrefix('031'), false);
});

test('admin-units-2025.json lists [code, name] provinces and [code, name, province] communes', () => {
  assert.equal(units.provinces.length, 34);
  assert.deepEqual(units.provinces[0], ['01', 'Thành phố Hà Nội']);
  assert.equal(units.communes.length, 3321);
  assert.deepEqual(units.communes[0], ['00004', 'Phường Ba Đình', '01']);
  const ia = units.communes.find((c) => c[0] === '23938');
  assert.deepEqual(ia, ['23938', 'Xã Ia Mơ', '52']);
});
