import { relative } from 'node:path';

// A node:test reporter that only counts leaf tests (suites are not tests) and writes the totals
// as JSON to its destination, for the closing "N passed, N failed" line of npm test.
export default async function* countReporter(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const names = [];
  const name = (data) => `${data.file ? relative(process.cwd(), data.file) : '?'} › ${data.name}`;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { details } = event.data;
    if (details?.type === 'suite') {
      // A suite that fails by itself (a hook or a throw at load) has no failing leaf to count.
      if (event.type === 'test:fail' && details.error?.failureType !== 'subtestsFailed') {
        failed++;
        names.push(name(event.data));
      }
      continue;
    }
    if (event.data.skip || event.data.todo) skipped++;
    else if (event.type === 'test:pass') passed++;
    else {
      failed++;
      names.push(name(event.data));
    }
  }
  yield JSON.stringify({ passed, failed, skipped, names });
}
