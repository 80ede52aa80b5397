/**
 * `verifySupplement`: a supplement (src/supplement) is checked like a submission — the same
 * envelope (algorithm, key, signature, canonical bytes), the same procedure pinning, age and
 * nonce — and then against the clerk's open request: the same dossier, the same request, exactly
 * the requested items, each valid once merged into the dossier (`checkSupplement`, the decision
 * the applicant's form makes too).
 */
import { todayInVietnam } from '../rules/index.js';
import type { PayloadDocument } from '../submission/payload.js';
import type { SupplementPayload, SupplementRequest } from '../supplement/payload.js';
import { checkSupplement } from '../supplement/check.js';
import { documentError, modelFor } from './data-checks.js';
import { VERIFY_ERROR, verifyError as error, type VerifyError } from './messages.js';
import { checkSupplementShape } from './shape.js';
import {
  checkAttachments,
  checkProcedureAndTime,
  guarded,
  openEnvelope,
  prepare,
  reject,
  rejectShape,
  spendNonce,
  type VerifierOptions,
  type VerifyCallOptions,
} from './verify.js';

export type SupplementVerifyResult =
  { ok: true; supplement: SupplementPayload; kid: string } | { ok: false; errors: VerifyError[] };

export interface SupplementCallOptions extends VerifyCallOptions {
  /** The open request the supplement must answer. */
  request: Pick<SupplementRequest, 'id' | 'dossierCode' | 'items'>;
  /** The dossier's verified answers and documents, into which the supplement is merged. */
  base?: { answers: Record<string, unknown>; documents: readonly PayloadDocument[] };
}

export interface SupplementVerifier {
  verify(jws: string, call: SupplementCallOptions): Promise<SupplementVerifyResult>;
}

/** A supplement verifier for one procedure file (see `createVerifier`). Never throws. */
export function createSupplementVerifier(options: VerifierOptions): SupplementVerifier {
  const prepared = prepare(options);
  return {
    verify: (jws, call) =>
      guarded(async (): Promise<SupplementVerifyResult> => {
        const { value, key } = await openEnvelope(jws, prepared);
        rejectShape(checkSupplementShape(value));
        const payload = value as unknown as SupplementPayload;
        const { request } = call;
        if (payload.dossierCode !== request.dossierCode)
          reject(
            VERIFY_ERROR.supplementDossierMismatch,
            { actual: payload.dossierCode, expected: request.dossierCode },
            '/dossierCode',
          );
        if (payload.requestId !== request.id)
          reject(
            VERIFY_ERROR.supplementRequestMismatch,
            { actual: payload.requestId, expected: request.id },
            '/requestId',
          );
        const submittedMs = await checkProcedureAndTime(payload, prepared, call.now ?? new Date());

        const model = await modelFor(options.procedure);
        const checked = await checkSupplement(model, {
          items: request.items,
          answers: payload.answers,
          documents: payload.documents,
          ...(call.base ? { base: call.base } : {}),
          today: todayInVietnam(submittedMs),
          lang: 'en',
        });
        const errors: VerifyError[] = checked.problems.map((p) => {
          if (p.kind === 'answer')
            return error(
              VERIFY_ERROR.invalidAnswers,
              { pointer: p.pointer, problem: p.problem.code, detail: p.problem.message },
              p.pointer,
            );
          if (p.kind === 'document') return documentError(p.problem, p.pointer);
          return error(p.code, { ...p.params, pointer: p.pointer }, p.pointer);
        });
        if (call.attachments) errors.push(...(await checkAttachments(payload, call.attachments)));
        if (errors.length > 0) return { ok: false, errors };
        await spendNonce(payload, call);
        return { ok: true, supplement: payload, kid: key.thumbprint };
      }),
  };
}

/** One supplement, verified with a verifier made for the call. */
export function verifySupplement(
  jws: string,
  options: VerifierOptions & SupplementCallOptions,
): Promise<SupplementVerifyResult> {
  return createSupplementVerifier(options).verify(jws, options);
}
