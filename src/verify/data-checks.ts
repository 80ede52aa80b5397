/**
 * The data half of verification: the payload's values must be what the procedure's schema and
 * rules give for its answers — nothing a modified client could slip past the form. Loaded
 * lazily by verify.ts, so a malformed or forged JWS is rejected without loading ajv.
 */
import { canonicalize } from '../jcs/canonicalize.js';
import { checkDelivery } from '../delivery/index.js';
import type { Procedure } from '../procedure/types.js';
import { createRulesFactory, type RulesFactory, type RulesResult } from '../rules/index.js';
import { findField } from '../submission/fields.js';
import { toPayloadFee, type SubmissionPayload } from '../submission/payload.js';
import { createValidator, type Validator } from '../validation/index.js';
import { VERIFY_ERROR, verifyError as error, type VerifyError } from './messages.js';

// Compiling a schema is the expensive step; a server verifies many payloads per procedure.
const validators = new WeakMap<Procedure, Promise<Validator>>();

function validatorFor(procedure: Procedure): Promise<Validator> {
  const cached = validators.get(procedure);
  if (cached) return cached;
  const created = createValidator(procedure);
  validators.set(procedure, created);
  created.catch(() => validators.delete(procedure));
  return created;
}

// Preparing the rules (field index, condition analysis, one json-rules-engine rule per unit) is
// the other per-procedure cost; each payload then gets its own session from the factory.
const rulesFactories = new WeakMap<Procedure, RulesFactory>();

function rulesFactoryFor(procedure: Procedure): RulesFactory {
  let factory = rulesFactories.get(procedure);
  if (!factory) {
    factory = createRulesFactory(procedure, { onProblem: () => {} });
    rulesFactories.set(procedure, factory);
  }
  return factory;
}

/** The civil date in Asia/Ho_Chi_Minh (UTC+7, no daylight saving) of an instant. */
function vietnamDate(ms: number): string {
  return new Date(ms + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

function mimeAccepted(type: string, accept: readonly string[]): boolean {
  const t = type.toLowerCase();
  return accept.some((a) => {
    const pattern = a.toLowerCase();
    return pattern.endsWith('/*') ? t.startsWith(pattern.slice(0, -1)) : t === pattern;
  });
}

/**
 * Re-runs the rules (as of the submission's date in Vietnam, so age limits read as the applicant
 * saw them) and the schema validation, and compares what the payload claims with the result.
 */
export async function checkSubmissionData(
  payload: SubmissionPayload,
  procedure: Procedure,
  submittedMs: number,
  delivery: { postage?: number } = {},
): Promise<VerifyError[]> {
  const errors: VerifyError[] = [];
  const rules = rulesFactoryFor(procedure).createSession({ today: vietnamDate(submittedMs) });
  const result: RulesResult = await rules.evaluate(payload.answers);

  // Answers for fields the rules hide: the form never sends them, so someone added them.
  for (const path of result.hidden.fields)
    for (const pointer of findField(payload.answers, path)) {
      const at = `/answers${pointer}`;
      errors.push(error(VERIFY_ERROR.hiddenFieldPresent, { pointer: at }, at));
    }

  const status = result.eligibility.status;
  if (status === 'ineligible')
    for (const reason of result.eligibility.reasons)
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

  const validator = await validatorFor(procedure);
  const validation = validator.validate(payload.answers, {
    lang: 'en',
    hidden: [...result.hidden.fields],
    required: [...result.required.fields],
  });
  if (!validation.valid)
    for (const p of validation.problems) {
      const at = `/answers${p.path}`;
      errors.push(
        error(VERIFY_ERROR.invalidAnswers, { pointer: at, problem: p.code, detail: p.message }, at),
      );
    }
  else if (errors.length === 0 && canonicalize(validation.value) !== canonicalize(payload.answers))
    errors.push(error(VERIFY_ERROR.answersNotNormalized, {}, '/answers'));

  const fee = toPayloadFee(result.fee);
  if (canonicalize(fee) !== canonicalize(payload.fee))
    errors.push(
      error(VERIFY_ERROR.feeMismatch, { actual: payload.fee.total, expected: fee.total }, '/fee'),
    );

  errors.push(...checkDocuments(payload, procedure, result));
  // The result-delivery choice (src/delivery): offered method, recipient, postage.
  for (const p of checkDelivery(payload.delivery, procedure, {
    postage: delivery.postage,
    lang: 'en',
  }))
    errors.push(error(VERIFY_ERROR.invalidDelivery, { detail: p.message }, `/delivery${p.path}`));
  return errors;
}

function checkDocuments(
  payload: SubmissionPayload,
  procedure: Procedure,
  result: RulesResult,
): VerifyError[] {
  const errors: VerifyError[] = [];
  const specs = new Map(procedure.documents.map((d) => [d.id, d]));
  const hidden = new Set(result.hidden.documents);
  const counts = new Map<string, number>();
  payload.documents.forEach((doc, i) => {
    const pointer = `/documents/${i}`;
    const spec = specs.get(doc.slot);
    if (!spec) {
      errors.push(
        error(VERIFY_ERROR.unknownDocument, { pointer, slot: doc.slot }, `${pointer}/slot`),
      );
      return;
    }
    if (hidden.has(doc.slot)) {
      errors.push(
        error(VERIFY_ERROR.hiddenDocumentPresent, { pointer, slot: doc.slot }, `${pointer}/slot`),
      );
      return;
    }
    counts.set(doc.slot, (counts.get(doc.slot) ?? 0) + 1);
    if (!mimeAccepted(doc.type, spec.accept))
      errors.push(
        error(
          VERIFY_ERROR.documentTypeNotAccepted,
          { pointer, type: doc.type, slot: doc.slot },
          `${pointer}/type`,
        ),
      );
    if (doc.size > spec.maxSizeBytes)
      errors.push(
        error(
          VERIFY_ERROR.documentTooLarge,
          { pointer, size: doc.size, slot: doc.slot, max: spec.maxSizeBytes },
          `${pointer}/size`,
        ),
      );
  });
  for (const [slot, count] of counts) {
    const max = specs.get(slot)!.maxFiles;
    if (count > max)
      errors.push(error(VERIFY_ERROR.tooManyDocuments, { slot, count, max }, '/documents'));
  }
  for (const slot of result.required.documents)
    if (!hidden.has(slot) && !counts.has(slot))
      errors.push(error(VERIFY_ERROR.missingDocument, { slot }, '/documents'));
  return errors;
}
