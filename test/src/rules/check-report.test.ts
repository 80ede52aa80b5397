// The rules part of `dvc-forms check --format json` (src/cli/commands/check.ts, mergeRulesResult).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIo } from '../../../src/cli/main.js';
import { todayInVietnam } from '../../../src/rules/index.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

const dir = mkdtempSync(join(tmpdir(), 'dvc-check-rules-'));
const procedureFile = join(dir, 'family.json');
writeFileSync(
  procedureFile,
  readFileSync(new URL('./fixtures/family.json', import.meta.url), 'utf8'),
);
const answersFile = (answers: unknown): string => {
  const file = join(dir, `answers-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(answers));
  return file;
};

test('valid but ineligible answers: the report carries eligibility, visible, required and fee; exit 1', async () => {
  const io = capture();
  const file = answersFile({ applicant: { fullName: 'An', residesInVietnam: false }, copies: 1 });
  assert.equal(await main(['check', '--format', 'json', procedureFile, file], io), 1);
  const report = JSON.parse(io.stdout[0]!);
  assert.equal(report.valid, true);
  assert.deepEqual(report.problems, []);
  assert.deepEqual(report.eligibility, {
    status: 'ineligible',
    reasons: [
      {
        rule: 'resides-in-vietnam',
        message: {
          vi: 'Người nộp không cư trú tại Việt Nam.',
          en: 'The applicant does not live in Vietnam.',
        },
      },
    ],
  });
  assert.deepEqual(report.visible.documents, ['birthCertificate', 'povertyCertificate']);
  assert.equal(report.visible.fields.includes('spouse'), false);
  assert.deepEqual(report.required, { fields: [], documents: ['birthCertificate'] });
  assert.deepEqual(report.fee, {
    total: 8000,
    currency: 'VND',
    items: [
      {
        id: 'copy',
        label: { vi: 'Bản sao trích lục', en: 'Extract copies' },
        amount: 8000,
        quantity: 1,
        subtotal: 8000,
        reductions: [],
      },
    ],
  });
});

test('the text output names the failing rule in the chosen language', async () => {
  const io = capture();
  const file = answersFile({ applicant: { fullName: 'An', residesInVietnam: false } });
  assert.equal(await main(['check', '--lang', 'en', procedureFile, file], io), 1);
  assert.deepEqual(io.stdout, [
    'ineligible  resides-in-vietnam  The applicant does not live in Vietnam.',
  ]);
});

test('valid and eligible answers exit 0, with the fee for today', async () => {
  const io = capture();
  const [y, m, d] = todayInVietnam().split('-');
  const birthDate = `${Number(y) - 1}-${m}-${d === '29' && m === '02' ? '28' : d}`;
  const file = answersFile({
    applicant: { fullName: 'An', residesInVietnam: true },
    child: { birthDate },
  });
  assert.equal(await main(['check', '--format', 'json', procedureFile, file], io), 0);
  const report = JSON.parse(io.stdout[0]!);
  assert.deepEqual(report.eligibility, { status: 'eligible', reasons: [] });
  // Born a year ago: registration is late (more than 60 days), copies not asked.
  assert.deepEqual(
    report.fee.items.map((i: { id: string; subtotal: number }) => [i.id, i.subtotal]),
    [
      ['registration', 15001],
      ['copy', 0],
    ],
  );
});
