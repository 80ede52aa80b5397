// The receiver loads its procedures as `dvc-forms lint` does (demo/server/procedures.js with the
// library's loadProcedure and the linear-time engine's pattern check): a procedure whose pattern
// the engine cannot read (`\p{Script=Latin}`, more than 1000 repetitions) would be accepted,
// then refuse every submission when its validator is compiled. It is skipped at start with the
// author's problem in the log, and the other procedures are served.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, type Running } from './helpers.js';

const GOOD = fileURLToPath(
  new URL('./fixtures/cross-origin/thu-nghiem-cors.json', import.meta.url),
);

describe('procedures the linear-time engine cannot read', () => {
  let s: Running;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dvc-procedures-'));
    const good = JSON.parse(readFileSync(GOOD, 'utf8'));
    writeFileSync(join(dir, 'thu-tuc-tot.json'), JSON.stringify(good, null, 2));
    for (const [name, code, pattern] of [
      ['chu-latin', '9.000101', '^\\p{Script=Latin}+$'],
      ['lap-qua-nhieu', '9.000102', '^a{1001}$'],
      ['nhin-truoc', '9.000103', '^(?!x).+$'],
    ]) {
      const bad = structuredClone(good);
      bad.code = code;
      bad.data.properties.applicant.properties.fullName.pattern = pattern;
      writeFileSync(join(dir, `${name}.json`), JSON.stringify(bad, null, 2));
    }
    s = await start({ proceduresDir: dir });
  });
  after(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('are skipped at start, said why in the log; the others are served', async () => {
    const list = (await (await fetch(`${s.base}/api/procedures`)).json()) as {
      procedures: { name: string }[];
    };
    assert.deepEqual(
      list.procedures.map((p) => p.name),
      ['thu-tuc-tot'],
    );
    for (const name of ['chu-latin', 'lap-qua-nhieu', 'nhin-truoc'])
      assert.equal((await fetch(`${s.base}/procedures/${name}.json`)).status, 404, name);
    const warnings = s.logs
      .map((l) => JSON.parse(l) as { level: number; msg: string })
      .filter((l) => l.msg.startsWith('skipped '))
      .map((l) => l.msg)
      .sort();
    const at = '/data/properties/applicant/properties/fullName/pattern';
    assert.deepEqual(warnings, [
      `skipped chu-latin.json: unsupported-pattern at ${at}`,
      `skipped lap-qua-nhieu.json: unsupported-pattern at ${at}`,
      `skipped nhin-truoc.json: non-linear-pattern at ${at}`,
    ]);
  });
});
