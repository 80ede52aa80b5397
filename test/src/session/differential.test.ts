/**
 * One decision, three callers: for every sample procedure, its cases and 1,000 generated answer
 * sets go through the session as the browser form drives it (one `set` per question), through
 * `dvc-forms check` (checkAnswers) and through `verifySubmission` (the signed payload the browser
 * session builds). Eligibility, visibility, required fields and documents, documents' problems,
 * the fee, the problems and the normalised answers must be identical, and verify must accept the
 * payload exactly when the form would have let it be submitted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { checkAnswers } from '../../../src/cli/commands/check.js';
import { asksDelivery } from '../../../src/delivery/index.js';
import { loadProcedure } from '../../../src/procedure/index.js';
import type { Procedure } from '../../../src/procedure/types.js';
import {
  ProcedureModel,
  getAt,
  type Session,
  type SessionState,
} from '../../../src/session/index.js';
import {
  createWebCryptoSigner,
  generateSigningKey,
  signPayload,
} from '../../../src/signing/index.js';
import { sha256Hex, type PayloadDocument } from '../../../src/submission/index.js';
import { decidePayload } from '../../../src/verify/data-checks.js';
import { verifySubmission } from '../../../src/verify/index.js';
import { answersArb, documentsArb } from './arbitraries.js';

const DIR = new URL('../../../schemas/procedures/', import.meta.url);
const RUNS = Number(process.env['DVC_DIFFERENTIAL_RUNS'] ?? 1000);

interface Sample {
  name: string;
  text: string;
  procedure: Procedure;
  today: string;
  cases: { name: string; today?: string; answers: Record<string, unknown> }[];
}

const samples: Sample[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.cases.json'))
  .map((f) => {
    const name = f.replace(/\.cases\.json$/, '');
    const text = readFileSync(new URL(`${name}.json`, DIR), 'utf8');
    const loaded = loadProcedure(text);
    assert.ok(loaded.ok, name);
    const file = JSON.parse(readFileSync(new URL(f, DIR), 'utf8'));
    return { name, text, procedure: loaded.procedure, today: file.today, cases: file.cases };
  });

const keys = generateSigningKey().then(createWebCryptoSigner);
let verifyCount = 0;

/** The answers as the form holds them: each question set by its own field, then the rest. */
function browserSession(
  model: ProcedureModel,
  answers: Record<string, unknown>,
  today: string,
  documents: PayloadDocument[],
): Session {
  const session = model.createSession({ today, lang: 'vi', documents });
  const done = new Set<string>();
  for (const path of model.fields.keys()) {
    const value = getAt(answers, path);
    if (value !== undefined && !path.includes('[')) session.set(path, value);
    done.add(path.split('.')[0]!);
  }
  for (const [key, value] of Object.entries(answers)) if (!done.has(key)) session.set(key, value);
  return session;
}

/** The parts that must agree, problems by code and place (the server words them in English). */
function decision(state: SessionState) {
  return {
    eligibility: {
      status: state.eligibility.status,
      reasons: state.eligibility.reasons.map((r) => r.rule),
    },
    visible: state.visible,
    hidden: state.hidden,
    required: state.required,
    documents: state.documents,
    fee: state.fee,
    problems: state.problems.map((p) => `${p.code} ${p.path}`),
    normalised: state.normalised,
  };
}

async function agree(
  sample: Sample,
  model: ProcedureModel,
  answers: Record<string, unknown>,
  today: string,
  documents: PayloadDocument[],
): Promise<SessionState> {
  const session = browserSession(model, answers, today, documents);
  const browser = await session.check();

  // `dvc-forms check` on the answers the form holds (same words: same language).
  const checked = await checkAnswers(sample.procedure, session.answers, {
    today,
    lang: 'vi',
    model,
  });
  const { documents: _docs, ...browserNoDocs } = decision(browser);
  const { documents: _none, ...checkNoDocs } = decision(checked.state);
  assert.deepEqual(checkNoDocs, browserNoDocs, 'check differs from the browser session');
  assert.deepEqual(checked.state.problems, browser.problems, 'check words problems differently');
  assert.deepEqual(
    checked.report.problems,
    browser.problems.map(({ code, path, message }) => ({ code, path, message })),
  );

  // The payload the form would sign, decided again by the server from its answers and files.
  const submittedAt = new Date(`${today}T03:00:00.000Z`);
  const payload = session.toPayload({
    procedureSha256: await sha256Hex(sample.text),
    nonce: 'bm9uY2Utbm9uY2Utbm9uY2U',
    now: submittedAt,
    // A procedure that offers post asks how the result is received (src/delivery): the form
    // cannot submit without a choice, so the payload carries one (the first way but post).
    ...(asksDelivery(sample.procedure)
      ? {
          delivery: {
            method: sample.procedure.resultDelivery.find((m) => m !== 'post') ?? 'in-person',
          },
        }
      : {}),
  });
  const server = await decidePayload(payload, sample.procedure, submittedAt.getTime());
  assert.deepEqual(decision(server), decision(browser), 'verify decides differently');

  // What the form lets through, verify accepts; what it stops, verify refuses.
  const submittable = browser.valid;
  // Every submittable payload, and every 10th other one (signing costs), is verified in full.
  if (submittable || ++verifyCount % 10 === 0) {
    const jws = await signPayload(payload, await keys);
    const verdict = await verifySubmission(jws, {
      procedure: sample.procedure,
      procedureText: sample.text,
      now: new Date(submittedAt.getTime() + 60_000),
    });
    assert.equal(
      verdict.ok,
      submittable,
      `verify ${verdict.ok ? 'accepted' : `refused (${verdict.errors.map((e) => e.code)})`} what the form ${submittable ? 'submits' : 'stops'}`,
    );
  }
  return browser;
}

for (const sample of samples) {
  test(`${sample.name}: the form's session, check and verify decide every case alike`, async () => {
    const model = await ProcedureModel.create(sample.procedure, { onRuleProblem: () => {} });
    for (const c of sample.cases) {
      const docs = model.documents.map((d) => ({
        slot: d.id,
        name: 'tep.pdf',
        type: 'application/pdf',
        size: 1000,
        sha256: 'a'.repeat(64),
      }));
      await agree(sample, model, c.answers, c.today ?? sample.today, docs);
    }
  });

  test(`${sample.name}: ${RUNS} generated answer sets decide alike in the form, check and verify`, async (t) => {
    const model = await ProcedureModel.create(sample.procedure, { onRuleProblem: () => {} });
    const outcomes = { eligible: 0, ineligible: 0, unknown: 0, submittable: 0 };
    await fc.assert(
      fc.asyncProperty(
        // The model's procedure: shared option lists resolved into the questions' options.
        answersArb(model.procedure, sample.cases),
        documentsArb(model.documents),
        async (answers, documents) => {
          const state = await agree(sample, model, answers, sample.today, documents);
          outcomes[state.eligibility.status]++;
          if (state.valid) outcomes.submittable++;
        },
      ),
      {
        numRuns: RUNS,
        includeErrorInReport: true,
        seed: Number(process.env['DVC_DIFFERENTIAL_SEED'] ?? 20261204),
      },
    );
    t.diagnostic(`outcomes: ${JSON.stringify(outcomes)}`);
    // The generator must reach the interesting places, or the agreement proves little.
    if (RUNS >= 1000) {
      assert.ok(outcomes.eligible > RUNS / 10, JSON.stringify(outcomes));
      assert.ok(outcomes.submittable > 0, JSON.stringify(outcomes));
    }
  });
}
