// `npm run bench -- --repeat N`: the whole bench N times in a row (each its own process, as a
// plain `npm run bench`), then every target judged on the median of its N readings. On a shared
// machine one run decides a row that sits near its line by the speed of those minutes: three
// idle full benches of the same code read the usable ratio at 200 fields 1.41×, 1.65× and 1.41×
// (docs/performance.md, round 17). Each run's table is printed as it ends; the last table is
// the medians, and bench/results-repeat.json keeps every reading.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { check, median, round, table } from './stats.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs bench/run.mjs `times` times with `args` (without --repeat); returns the exit code. */
export function repeat(times, args) {
  const runs = [];
  for (let i = 1; i <= times; i++) {
    console.log(`bench: run ${i} of ${times}…`);
    const child = spawnSync(process.execPath, [`${ROOT}bench/run.mjs`, ...args], {
      stdio: 'inherit',
    });
    if (child.status !== 0) {
      console.error(`bench: run ${i} of ${times} failed (exit ${child.status}); no medians`);
      return child.status ?? 1;
    }
    runs.push(JSON.parse(readFileSync(`${ROOT}bench/results.json`, 'utf8')));
  }
  // The runs measure the same sections in the same order, so their targets line up; a run that
  // printed a different list (a section that measured nothing) cannot be paired with the others.
  const first = runs[0].targets;
  for (const [i, run] of runs.entries())
    if (
      run.targets.length !== first.length ||
      run.targets.some((t, k) => t.target !== first[k].target)
    ) {
      console.error(`bench: run ${i + 1} measured other targets than run 1; no medians`);
      return 1;
    }
  const rows = [];
  const judged = first.map((t, k) => {
    const values = runs.map((run) => run.targets[k].value);
    const value = median(values);
    const c = check(value, t.limit, t);
    rows.push([
      t.metric.replace(/ \((median|\d).*$/, ''),
      values.map((v) => `${v}${t.unit ?? ''}`).join(', '),
      `${round(value, 2)}${t.unit ?? ''}`,
      t.target,
      c.pass ? 'pass' : `FAIL: ${c.note}`,
    ]);
    return { metric: t.metric, target: t.target, values, median: value, pass: c.pass };
  });
  writeFileSync(
    `${ROOT}bench/results-repeat.json`,
    JSON.stringify({ runs: runs.length, args, targets: judged, results: runs }, null, 2) + '\n',
  );
  console.log(`\nEach target on the median of ${times} runs:`);
  console.log(table(['metric', 'each run', 'median', 'target', 'result'], rows));
  const failed = judged.filter((t) => !t.pass).length;
  console.log(
    `${judged.length - failed} targets met on the medians, ${failed} missed; bench/results-repeat.json written`,
  );
  return 0;
}
