/**
 * The data half of verification: the payload's values must be what the procedure's schema and
 * rules give for its answers — nothing a modified client could slip past the form. The decision
 * is the form's own: a `Session` (src/session) over the payload's answers and documents, so the
 * server accepts exactly what the form allowed. Loaded lazily by verify.ts, so a malformed or
 * forged JWS is rejected without loading ajv.
 */
import { canonicalEqual } from '../jcs/equal.js';
import { checkDelivery } from '../delivery/index.js';
import type { Procedure } from '../procedure/types.js';
import { todayInVietnam } from '../rules/index.js';
import {
  DOCUMENT_PROBLEM,
  pointersAt,
  ProcedureModel,
  type DocumentProblem,
  type SessionState,
} from '../session/index.js';
import { toPayloadFee, type SubmissionPayload } from '../submission/payload.js';
import { VERIFY_ERROR, verifyError as error, type VerifyError } from './messages.js';

// Compiling the schema and preparing the rules are the expensive steps; a server verifies many
// payloads per procedure, each in its own session over the one model.
const models = new WeakMap<Procedure, Promise<ProcedureModel>>();

/** The procedure's model, built once per procedure object (rule problems are the author's). */
export function modelFor(procedure: Procedure): Promise<ProcedureModel> {
  const cached = models.get(procedure);
  if (cached) return cached;
  const created = ProcedureModel.create(procedure, {
    onRuleProblem: () => {},
    // The rules compiled to plain code (src/rules/compiled.ts): the engine's results, faster.
    compiledRules: true,
  });
  models.set(procedure, created);
  created.catch(() => models.delete(procedure));
  return created;
}

/**
 * The session state the server decides for a payload: its answers and documents, the rules as of
 * the submission's date in Vietnam (so age limits read as the applicant saw them), problems in
 * English (for logs; the codes are what clients act on).
 */
export async function decidePayload(
  payload: Pick<SubmissionPayload, 'answers' | 'documents'>,
  procedure: Procedure,
  submittedMs: number,
): Promise<SessionState> {
  const model = await modelFor(procedure);
  return model
    .createSession({
      today: todayInVietnam(submittedMs),
      lang: 'en',
      answers: payload.answers,
      documents: payload.documents,
      // Parsed from the payload and never changed: normalised once for the rules and validation.
      fixedAnswers: true,
    })
    .check();
}

/** Compares what the payload claims with what the session decides for its answers. */
export async function checkSubmissionData(
  payload: SubmissionPayload,
  procedure: Procedure,
  submittedMs: number,
  delivery: { postage?: number } = {},
): Promise<VerifyError[]> {
  const errors: VerifyError[] = [];
  const state = await decidePayload(payload, procedure, submittedMs);

  // Answers for fields the rules hide: the form never sends them, so someone added them.
  for (const path of state.hidden.fields)
    for (const pointer of pointersAt(payload.answers, path)) {
      const at = `/answers${pointer}`;
      errors.push(error(VERIFY_ERROR.hiddenFieldPresent, { pointer: at }, at));
    }

  // Files for slots the rules hide: the form leaves them out, so someone added them.
  const hiddenSlots = new Set(state.documents.hidden);
  payload.documents.forEach((doc, i) => {
    const pointer = `/documents/${i}`;
    if (hiddenSlots.has(doc.slot))
      errors.push(
        error(VERIFY_ERROR.hiddenDocumentPresent, { pointer, slot: doc.slot }, `${pointer}/slot`),
      );
  });

  const status = state.eligibility.status;
  if (status === 'ineligible')
    for (const reason of state.eligibility.reasons)
      errors.push(error(VERIFY_ERROR.ineligible, { rule: reason.rule }, '/answers'));
  else if (status === 'unknown')
    errors.push(error(VERIFY_ERROR.eligibilityUnknown, {}, '/answers'));
  else if (payload.eligibility.status !== 'eligible' || payload.eligibility.reasons.length > 0)
    errors.push(
      error(
        VERIFY_ERROR.eligibilityMismatch,
        { actual: payload.eligibility.status, expected: status },
        '/eligibility',
      ),
    );

  if (state.problems.length > 0)
    for (const p of state.problems) {
      const at = `/answers${p.path}`;
      errors.push(
        error(VERIFY_ERROR.invalidAnswers, { pointer: at, problem: p.code, detail: p.message }, at),
      );
    }
  else if (errors.length === 0 && !canonicalEqual(state.normalised, payload.answers))
    errors.push(error(VERIFY_ERROR.answersNotNormalized, {}, '/answers'));

  const fee = toPayloadFee(state.fee);
  if (!canonicalEqual(fee, payload.fee))
    errors.push(
      error(VERIFY_ERROR.feeMismatch, { actual: payload.fee.total, expected: fee.total }, '/fee'),
    );

  for (const problem of state.documents.problems) errors.push(documentError(problem));
  // The result-delivery choice (src/delivery): offered method, recipient, postage.
  for (const p of checkDelivery(payload.delivery, procedure, {
    postage: delivery.postage,
    lang: 'en',
  }))
    errors.push(
      error(
        VERIFY_ERROR.invalidDelivery,
        { ...p.params, problem: p.code, detail: p.message },
        `/delivery${p.path}`,
      ),
    );
  return errors;
}

/** A session document problem as its verify error (at the file's pointer unless `at` is given). */
export function documentError(p: DocumentProblem, at?: string): VerifyError {
  const pointer = at ?? (p.index === undefined ? '/documents' : `/documents/${p.index}`);
  const { slot } = p;
  const param = (k: string) => p.params[k] as string | number;
  switch (p.code) {
    case DOCUMENT_PROBLEM.unknownSlot:
      return error(VERIFY_ERROR.unknownDocument, { pointer, slot }, `${pointer}/slot`);
    case DOCUMENT_PROBLEM.missing:
      return error(VERIFY_ERROR.missingDocument, { slot }, '/documents');
    case DOCUMENT_PROBLEM.tooMany:
      return error(
        VERIFY_ERROR.tooManyDocuments,
        { slot, count: param('count'), max: param('max') },
        '/documents',
      );
    case DOCUMENT_PROBLEM.tooLarge:
      return error(
        VERIFY_ERROR.documentTooLarge,
        { pointer, size: param('size'), slot, max: param('maxBytes') },
        `${pointer}/size`,
      );
    case DOCUMENT_PROBLEM.empty:
      return error(VERIFY_ERROR.documentEmpty, { pointer }, `${pointer}/size`);
    default:
      // Type not accepted (by name or declared MIME type); without bytes nothing else can fail.
      return error(
        VERIFY_ERROR.documentTypeNotAccepted,
        { pointer, type: param('type'), slot },
        `${pointer}/type`,
      );
  }
}
