// Load on the reference receiver (issue 17): `clients` browsers, each submitting the
// birth-registration procedure over and over for `seconds` — challenge, one tus upload per
// required document (with the upload's cookie), a signed payload, the POST with an
// Idempotency-Key, and every fifth time a retry of the same POST, as a flaky network makes a
// browser do. Counts accepted and refused answers, the latency of the POST and of the whole
// submission (p50/p95), and checks in SQLite afterwards that no accepted dossier was lost and
// none was stored twice. The receiver runs in this process over loopback HTTP (its clock follows
// the sample's `today`, so the sample's answers stay eligible); the client addresses are all
// 127.0.0.1, so the per-address limits are lifted and the global limits of config.js apply.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  asksDelivery,
  buildSubmissionPayload,
  createRules,
  createValidator,
  createWebCryptoSigner,
  generateSigningKey,
  loadProcedure,
  signPayload,
} from '../../dist/engine.js';
import { createServer } from '../../demo/server/app.js';
import { RATE_LIMIT_DEFAULTS } from '../../demo/server/config.js';

const ROOT = new URL('../../', import.meta.url);
const PROCEDURE_FILE = new URL('schemas/procedures/dang-ky-khai-sinh.json', ROOT);
const CASES_FILE = new URL('schemas/procedures/dang-ky-khai-sinh.cases.json', ROOT);

const quantile = (sorted, q) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;

/**
 * @param {{ clients: number, seconds: number }} options
 */
export async function receiverLoad({ clients, seconds }) {
  const text = readFileSync(PROCEDURE_FILE, 'utf8');
  const loaded = loadProcedure(text);
  if (!loaded.ok) throw new Error('dang-ky-khai-sinh.json does not load');
  const procedure = loaded.procedure;
  const cases = JSON.parse(readFileSync(CASES_FILE, 'utf8'));
  const valid = cases.cases.find(
    (c) => c.expect?.eligibility?.status === 'eligible' && c.expect.problems?.length === 0,
  );
  const rules = await createRules(procedure, { today: cases.today }).evaluate(valid.answers);
  const checked = (await createValidator(procedure)).validate(valid.answers, {
    hidden: rules.hidden.fields,
    required: rules.required.fields,
  });
  const procedureSha256 = createHash('sha256').update(text).digest('hex');

  const start = Date.parse(`${cases.today}T03:00:00.000Z`);
  const t0 = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-load-'));
  const rateLimits = Object.fromEntries(
    Object.entries(RATE_LIMIT_DEFAULTS).map(([name, l]) => [
      name,
      { ...l, max: 1_000_000, windowSeconds: 60 },
    ]),
  );
  const app = await createServer({
    dataDir,
    // Every refusal is logged at warn; the bench counts them itself.
    logLevel: 'error',
    now: () => new Date(start + (Date.now() - t0)),
    rateLimits,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${app.server.address().port}`;

  const accepted = new Map(); // dossierCode → nonce
  const refused = {};
  const postMs = [];
  const totalMs = [];
  let duplicates = 0;
  let retriesMatched = 0;
  let retriesRefused = 0;
  const deadline = performance.now() + seconds * 1000;

  const client = async (c) => {
    const signer = await createWebCryptoSigner(await generateSigningKey());
    for (let n = 0; performance.now() < deadline; n++) {
      const began = performance.now();
      const jar = [];
      const documents = [];
      for (const slot of rules.required.documents) {
        const bytes = Buffer.from(`%PDF-1.4\n% ${slot} ${c}-${n}\n%%EOF\n`);
        const created = await fetch(`${base}/api/uploads/`, {
          method: 'POST',
          headers: { 'tus-resumable': '1.0.0', 'upload-length': String(bytes.length) },
        });
        if (created.status !== 201) {
          refused[`upload ${created.status}`] = (refused[`upload ${created.status}`] ?? 0) + 1;
          await created.arrayBuffer();
          continue;
        }
        jar.push((created.headers.get('set-cookie') ?? '').split(';')[0]);
        const url = `${base}${created.headers.get('location')}`;
        const patched = await fetch(url, {
          method: 'PATCH',
          headers: {
            cookie: jar.join('; '),
            'tus-resumable': '1.0.0',
            'upload-offset': '0',
            'content-type': 'application/offset+octet-stream',
          },
          body: bytes,
        });
        await patched.arrayBuffer();
        documents.push({
          slot,
          name: `${slot}.pdf`,
          type: 'application/pdf',
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          url,
        });
      }
      const ch = await fetch(`${base}/api/challenges`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ procedure: { code: procedure.code, version: procedure.version } }),
      });
      const { nonce } = await ch.json();
      if (ch.status !== 201) {
        refused[`challenge ${ch.status}`] = (refused[`challenge ${ch.status}`] ?? 0) + 1;
        continue;
      }
      const payload = buildSubmissionPayload({
        procedure,
        procedureSha256,
        answers: checked.value,
        rules,
        documents,
        lang: 'vi',
        // A procedure that offers post asks how the result is received: the first way but post.
        ...deliveryOf(procedure),
        nonce,
        now: new Date(start + (Date.now() - t0) - 1000),
      });
      const jws = await signPayload(payload, signer);
      const key = randomUUID();
      const post = () =>
        fetch(`${base}/api/dossiers`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': key,
            cookie: jar.join('; '),
          },
          body: JSON.stringify({ jws }),
        });
      const p0 = performance.now();
      const r = await post();
      const body = await r.json();
      postMs.push(performance.now() - p0);
      totalMs.push(performance.now() - began);
      if (r.status === 201) {
        if (accepted.has(body.dossierCode)) duplicates++;
        accepted.set(body.dossierCode, nonce);
        if (n % 5 === 0) {
          // The browser did not see the answer and sends the same request again.
          const again = await post();
          const twin = await again.json();
          if (again.status === 201 && twin.dossierCode === body.dossierCode) retriesMatched++;
          // Refused by a limit before the stored answer was looked up: the browser retries later.
          else if (again.status === 429) retriesRefused++;
          else duplicates++;
        }
      } else {
        const k = `${r.status} ${body.type?.split(':').pop() ?? ''}`;
        refused[k] = (refused[k] ?? 0) + 1;
      }
    }
  };
  const wall0 = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  const wallSeconds = (performance.now() - wall0) / 1000;

  // Nothing lost, nothing twice: every accepted code is stored once, with its nonce, and the
  // table holds nothing else.
  const db = app.dvc.db;
  // Payloads are stored encrypted (demo/server/vault.js): read them as the receiver does.
  const rows = db
    .prepare('SELECT code FROM dossiers')
    .all()
    .map((r) => ({ code: r.code, nonce: app.dvc.readDossier(r.code)?.payload.nonce }));
  let lost = 0;
  for (const [code, nonce] of accepted) {
    const row = rows.find((r) => r.code === code);
    if (!row || row.nonce !== nonce) lost++;
  }
  const stored = rows.length;
  const nonces = new Set(rows.map((r) => r.nonce));
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  postMs.sort((a, b) => a - b);
  totalMs.sort((a, b) => a - b);
  const result = {
    clients,
    seconds,
    wallSeconds,
    accepted: accepted.size,
    refused,
    retriesMatched,
    retriesRefused,
    stored,
    lost,
    duplicated: duplicates + (stored - nonces.size) + Math.max(0, stored - accepted.size),
    postP50Ms: quantile(postMs, 0.5),
    postP95Ms: quantile(postMs, 0.95),
    submissionP50Ms: quantile(totalMs, 0.5),
    submissionP95Ms: quantile(totalMs, 0.95),
    perSecond: accepted.size / wallSeconds,
  };
  if (result.accepted === 0) throw new Error(`no dossier accepted: ${JSON.stringify(refused)}`);
  if (result.lost || result.duplicated)
    throw new Error(`dossiers lost or duplicated: ${JSON.stringify(result)}`);
  return result;
}

// `node bench/lib/receiver-load.mjs [clients] [seconds]`: one run, printed as JSON.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [clients = '8', seconds = '10'] = process.argv.slice(2);
  console.log(
    JSON.stringify(
      await receiverLoad({ clients: Number(clients), seconds: Number(seconds) }),
      null,
      2,
    ),
  );
}

/** The delivery choice a form would send for `procedure`, when it asks one (src/delivery). */
function deliveryOf(procedure) {
  if (!asksDelivery(procedure)) return {};
  return {
    delivery: { method: procedure.resultDelivery.find((m) => m !== 'post') ?? 'in-person' },
  };
}
