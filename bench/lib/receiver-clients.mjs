// The browsers of the receiver throughput bench (receiver-throughput.mjs), in their own process so
// that their signing and HTTP client work is not counted as the receiver's CPU. Forked with IPC:
// it receives { base, clients, seconds, warmupSeconds }, runs the submissions and answers with
// the counts of the measured window; 'window-start' / 'window-end' messages mark that window so
// the parent can read its own CPU usage at the same moments.
//
// One submission is what a form does without uploads: POST /api/challenges for a nonce bound to
// the procedure, a payload signed with the client's device key (ES256), POST /api/dossiers with
// an Idempotency-Key. The birth registration's case without a document to upload (the hospital
// sent the electronic birth certificate), so every byte the receiver checks is in the payload.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  buildSubmissionPayload,
  createRules,
  createValidator,
  createWebCryptoSigner,
  generateSigningKey,
  loadProcedure,
  sha256Hex,
  signPayload,
} from '../../dist/engine.js';

const ROOT = new URL('../../', import.meta.url);
export const PROCEDURE_FILE = new URL('schemas/procedures/dang-ky-khai-sinh.json', ROOT);
const CASES_FILE = new URL('schemas/procedures/dang-ky-khai-sinh.cases.json', ROOT);

/** The sample's answers for an eligible case with no document to upload, as the form sends them. */
export async function submissionTemplate() {
  const text = readFileSync(PROCEDURE_FILE, 'utf8');
  const loaded = loadProcedure(text);
  if (!loaded.ok) throw new Error('dang-ky-khai-sinh.json does not load');
  const procedure = loaded.procedure;
  const cases = JSON.parse(readFileSync(CASES_FILE, 'utf8'));
  for (const c of cases.cases) {
    if (c.expect?.eligibility?.status !== 'eligible' || c.expect.problems?.length !== 0) continue;
    const rules = await createRules(procedure, { today: cases.today }).evaluate(c.answers);
    if (rules.required.documents.length > 0) continue;
    const checked = (await createValidator(procedure)).validate(c.answers, {
      hidden: rules.hidden.fields,
      required: rules.required.fields,
    });
    if (!checked.valid) continue;
    return {
      procedure,
      text,
      today: cases.today,
      caseName: c.name,
      answers: checked.value,
      rules,
      procedureSha256: await sha256Hex(text),
    };
  }
  throw new Error('dang-ky-khai-sinh.cases.json has no eligible case without a required document');
}

/**
 * The JWS a form sends for the template's answers (or `answers`), signed by `signer`, on `nonce`,
 * signed at `now`; a result delivery other than by post (no postage to pay).
 */
export async function signedDossier(t, signer, nonce, now, answers = t.answers) {
  const payload = buildSubmissionPayload({
    procedure: t.procedure,
    procedureSha256: t.procedureSha256,
    answers,
    rules: t.rules,
    documents: [],
    lang: 'vi',
    delivery: { method: t.procedure.resultDelivery.find((m) => m !== 'post') ?? 'in-person' },
    nonce,
    now,
  });
  return signPayload(payload, signer);
}

/**
 * Warm-up: at least `warmupSeconds` and `warmupSubmissions` accepted submissions (V8 has then
 * optimised the receiver's hot code, as in a process that has run for a while), at most
 * `maxWarmupSeconds`. The window that follows is what is counted.
 */
async function run({
  base,
  clients,
  seconds,
  warmupSeconds,
  warmupSubmissions = 0,
  maxWarmupSeconds = warmupSeconds,
  clockOffsetMs,
}) {
  const t = await submissionTemplate();
  const counts = { accepted: 0, refused: {}, requests: 0 };
  let measuring = false;
  let stopping = false;
  let warmAccepted = 0;
  const client = async () => {
    const signer = await createWebCryptoSigner(await generateSigningKey());
    while (!stopping) {
      const ch = await fetch(`${base}/api/challenges`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          procedure: { code: t.procedure.code, version: t.procedure.version },
        }),
      });
      const issued = await ch.json();
      const counting = measuring;
      if (ch.status !== 201) {
        if (counting)
          counts.refused[`challenge ${ch.status}`] =
            (counts.refused[`challenge ${ch.status}`] ?? 0) + 1;
        continue;
      }
      const jws = await signedDossier(
        t,
        signer,
        issued.nonce,
        new Date(Date.now() + clockOffsetMs - 1000),
      );
      const r = await fetch(`${base}/api/dossiers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({ jws }),
      });
      const body = await r.json();
      if (!measuring && !counting && r.status === 201) warmAccepted++;
      if (!measuring || !counting) continue;
      counts.requests += 2;
      if (r.status === 201 && typeof body.dossierCode === 'string') counts.accepted++;
      else {
        const k = `${r.status} ${JSON.stringify(body.errors?.map((e) => e.code) ?? body.type)}`;
        counts.refused[k] = (counts.refused[k] ?? 0) + 1;
      }
    }
  };
  const running = Array.from({ length: clients }, client);
  const warmupStart = performance.now();
  for (;;) {
    const elapsed = (performance.now() - warmupStart) / 1000;
    if (elapsed >= maxWarmupSeconds) break;
    if (elapsed >= warmupSeconds && warmAccepted >= warmupSubmissions) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const warmup = { seconds: (performance.now() - warmupStart) / 1000, accepted: warmAccepted };
  // The window opens once the parent has read its CPU counter.
  await new Promise((resolve) => {
    process.once('message', resolve);
    process.send({ type: 'window-start' });
  });
  measuring = true;
  const t0 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  measuring = false;
  stopping = true;
  const wallSeconds = (performance.now() - t0) / 1000;
  await new Promise((resolve) => {
    process.once('message', resolve);
    process.send({ type: 'window-end' });
  });
  await Promise.all(running);
  return { ...counts, wallSeconds, warmup, caseName: t.caseName };
}

if (process.send) {
  process.once('message', async (options) => {
    try {
      process.send({ type: 'done', result: await run(options) });
    } catch (e) {
      process.send({ type: 'error', message: e instanceof Error ? e.stack : String(e) });
    }
  });
}
