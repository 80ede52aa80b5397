// `npm test`: every check the project has, in one run, ending with one plain line
// "N passed, N failed" that counts every suite. Exits non-zero on any failure.
//
//   node scripts/test.mjs                 all stages
//   node scripts/test.mjs --only node     one stage (typecheck, lint, build, node, browser, e2e,
//                                         firefox, webkit, postgres, storybook)
//
// browser (Chromium), firefox and webkit run side by side (DVC_ENGINES_AT_ONCE, 2 by default
// on 2 cores or more), each its component/browser tests in its engine then the end-to-end
// journeys of test/e2e/*.engines.ts (one script per journey, driven in every engine through
// test/e2e/engines.ts); they share the one built bundle.
//                                         (lint includes the import boundary)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './chromium.mjs';
import { ensureFirefox, ensureWebKit } from './engines.mjs';
import { ensurePostgres, startPostgres } from './postgres.mjs';
import { spawnS3Server } from './s3-server.mjs';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]?.split(',') : undefined;
const wanted = (stage) => !only || only.includes(stage);
const tmp = mkdtempSync(join(tmpdir(), 'dvc-test-'));
const bin = (name) => join('node_modules', '.bin', name);
/**
 * End-to-end files run on PostgreSQL with uploads in S3: the receiver suite a second time, and
 * the several-processes tests (PostgreSQL only, hence not named *.test.ts).
 */
const POSTGRES_SUITES = [
  'test/e2e/receiver.test.ts',
  'test/e2e/receiver-uploads.test.ts',
  'test/e2e/receiver-upload-integrity.test.ts',
  'test/e2e/receiver-submission-work.test.ts',
  'test/e2e/forwarding.test.ts',
  'test/e2e/processes.postgres.ts',
  'test/e2e/supplement-receiver.test.ts',
  'test/e2e/notify-sms.test.ts',
  'test/e2e/clerk-desk.test.ts',
  'test/e2e/clerk-scope.test.ts',
  // People and personal data at rest: look-up secrets, sessions, API keys, deletion, rewrap.
  'test/e2e/privacy.test.ts',
  // The S3 store itself (also in the e2e stage, on SQLite), against its own S3 server.
  'test/e2e/s3-storage.test.ts',
  // The set-up of `npm run start:scaled`: balancer, two processes, forwarding (docs/scaling.md).
  'test/e2e/scaled.postgres.ts',
];

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
/** Each failing test by file and name, repeated at the end where a log's tail shows it. */
const failedTests = [];

function run(label, cmd, cmdArgs, env = {}) {
  console.log(`\n▶ ${label}: ${cmd} ${cmdArgs.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  console.log(
    `◀ ${label}: ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return ok;
}

/** A stage that is one check (type-check, lint, build) counts as one test. */
function check(label, cmd, cmdArgs) {
  if (run(label, cmd, cmdArgs)) passed++;
  else {
    failed++;
    failures.push(label);
  }
}

/** A stage whose runner reports its own counts through a JSON file. */
function suite(label, cmd, cmdArgs, countFile, env = {}) {
  const ok = run(label, cmd, cmdArgs, env);
  let counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(countFile)) counts = JSON.parse(readFileSync(countFile, 'utf8'));
  passed += counts.passed;
  skipped += counts.skipped;
  failed += counts.failed;
  failedTests.push(...(counts.names ?? []));
  if (!ok && counts.failed === 0) failed++; // the runner failed without a failing test
  if (!ok) failures.push(label);
}

/** Like run(), without blocking: the output is kept and printed whole when it ends. */
function runAside(label, cmd, cmdArgs, env = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const out = [];
    const child = spawn(cmd, cmdArgs, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('close', (code) => {
      const ok = code === 0;
      console.log(`\n▶ ${label}: ${cmd} ${cmdArgs.join(' ')}`);
      process.stdout.write(Buffer.concat(out));
      console.log(
        `◀ ${label}: ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      resolve(ok);
    });
  });
}

/** A suite run aside, counted like suite(). */
async function suiteAside(label, cmd, cmdArgs, countFile, env = {}) {
  const ok = await runAside(label, cmd, cmdArgs, env);
  let counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(countFile)) counts = JSON.parse(readFileSync(countFile, 'utf8'));
  passed += counts.passed;
  skipped += counts.skipped;
  failed += counts.failed;
  failedTests.push(...(counts.names ?? []));
  if (!ok && counts.failed === 0) failed++;
  if (!ok) failures.push(label);
}

function testFiles(dir, suffix) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...testFiles(p, suffix));
    else if (name.endsWith(suffix)) out.push(p);
  }
  return out.sort();
}

function nodeSuite(label, dir, env = {}) {
  const files = dir.endsWith('.ts') ? [dir] : testFiles(dir, '.test.ts');
  if (files.length === 0) return;
  const countFile = join(tmp, `${label.replace(/[^\w-]+/g, '_')}.json`);
  suite(label, process.execPath, nodeTestArgs(files, countFile), countFile, env);
}

/** node --test over `files`, printing the spec and counting into `countFile`. */
function nodeTestArgs(files, countFile) {
  return [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/node-count-reporter.mjs',
    `--test-reporter-destination=${countFile}`,
    ...files,
  ];
}

if (wanted('typecheck')) {
  check('type-check (browser code)', bin('tsc'), ['-p', 'tsconfig.json']);
  check('type-check (engine, no DOM)', bin('tsc'), ['-p', 'src/tsconfig.json']);
  check('type-check (Node: CLI and tests)', bin('tsc'), ['-p', 'tsconfig.node.json']);
  check('type-check (end-to-end tests)', bin('tsc'), ['-p', 'tsconfig.e2e.json']);
  check('type-check (reference receiver)', bin('tsc'), ['-p', 'tsconfig.server.json']);
  check('type-check (demo site scripts)', bin('tsc'), ['-p', 'tsconfig.site.json']);
}
if (wanted('lint')) {
  check('eslint', bin('eslint'), ['.', '--max-warnings=0']);
  check('prettier', bin('prettier'), ['--check', '.', '--log-level=warn']);
  // The import boundary (.dependency-cruiser.mjs): components/ → src/ only through index.ts,
  // src/ never → components/, no cycles.
  // docs/compatibility.md's table, re-made from @mdn/browser-compat-data.
  check('compatibility table', process.execPath, ['scripts/compatibility.mjs', '--check']);
  check('import boundary', bin('depcruise'), [
    'src',
    'components',
    '--config',
    '.dependency-cruiser.mjs',
  ]);
}
if (wanted('build')) check('build', 'npm', ['run', 'build', '--silent']);
if (wanted('node')) nodeSuite('engine tests (Node)', 'test/src');
/** The engines' stages: component/browser tests (wtr) and, beside Chromium, the e2e journeys. */
const ENGINES = [
  { stage: 'browser', engine: 'chromium', name: 'Chromium', ensure: ensureChromium, e2e: true },
  { stage: 'firefox', engine: 'firefox', name: 'Firefox ESR', ensure: ensureFirefox, e2e: true },
  { stage: 'webkit', engine: 'webkit', name: 'WebKit', ensure: ensureWebKit, e2e: true },
].filter((e) => wanted(e.stage));

async function engineStage({ engine, name, e2e }) {
  const countFile = join(tmp, `wtr-${engine}.json`);
  await suiteAside(`browser tests (${name})`, bin('wtr'), [], countFile, {
    DVC_COUNT_FILE: countFile,
    DVC_ENGINE: engine,
  });
  if (!e2e) return;
  const files = testFiles('test/e2e', '.engines.ts');
  const e2eCount = join(tmp, `e2e-${engine}.json`);
  await suiteAside(
    `end-to-end journeys (${name})`,
    process.execPath,
    nodeTestArgs(files, e2eCount),
    e2eCount,
    { DVC_E2E_ENGINE: engine },
  );
}

if (ENGINES.length) {
  for (const e of ENGINES) e.ensure(); // installs (apt) one at a time, before any run
  const atOnce = Number(process.env.DVC_ENGINES_AT_ONCE ?? Math.min(2, availableParallelism()));
  const queue = [...ENGINES];
  const worker = async () => {
    for (let e = queue.shift(); e; e = queue.shift()) await engineStage(e);
  };
  await Promise.all(Array.from({ length: Math.max(1, atOnce) }, worker));
}
if (wanted('e2e')) {
  ensureChromium();
  nodeSuite('end-to-end tests (demo site)', 'test/e2e');
}
if (wanted('postgres')) {
  // The receiver's tests again on PostgreSQL (docs/deployment.md), on a cluster of this run.
  const pgBin = ensurePostgres();
  if (!pgBin) {
    failed++;
    failures.push('PostgreSQL');
  } else {
    const server = await startPostgres(pgBin);
    // Uploads in S3-compatible object storage (scripts/s3-server.mjs), each test's own bucket:
    // the scaled set-up is PostgreSQL + S3, the embedded default (e2e stage) SQLite + files.
    const s3 = await spawnS3Server(join(tmp, 's3'));
    const { S3_BUCKET: _shared, ...s3Admin } = s3.env;
    try {
      for (const file of POSTGRES_SUITES) {
        nodeSuite(`receiver on PostgreSQL + S3 (${file.split('/').pop()})`, file, {
          DVC_TEST_DATABASE_URL: server.url,
          DVC_TEST_S3: JSON.stringify(s3Admin),
        });
      }
    } finally {
      s3.stop();
      server.stop();
    }
  }
}
if (wanted('storybook')) {
  // The static Storybook designers open without a dev server: build it, then open every story.
  ensureChromium();
  check('Storybook build', 'npm', ['run', 'build-storybook', '--silent']);
  nodeSuite('static Storybook (Chromium)', 'test/storybook');
}

console.log('');
if (failures.length) console.log(`Failed stages: ${failures.join('; ')}`);
for (const name of failedTests) console.log(`✖ ${name}`);
if (skipped) console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failures.length > 0 ? 1 : 0);
