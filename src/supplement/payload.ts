/**
 * A supplement (hồ sơ bổ sung): the applicant's answer to a clerk's request for specific
 * documents (by slot id) or answers (by field path) of a dossier already received. It is signed
 * and verified like a submission (canonical JSON + JWS, src/signing) and carries the dossier code
 * and the request id, so it can only complete the request it answers.
 *
 * The payload's exact member set (`kind: "supplement"`, no fee or eligibility) is refused by the
 * submission verifier's shape check and the other way round: one signed token can never be
 * accepted as the other.
 */
import { canonicalize } from '../jcs/canonicalize.js';
import type { FieldPath, Lang, Procedure } from '../procedure/types.js';
import { isWithinPath } from '../session/field-path.js';
import { ITEM_MESSAGES } from './messages.js';
import {
  checkSigningInputs,
  PAYLOAD_VERSION,
  payloadDocuments,
  type PayloadDocument,
} from '../submission/payload.js';

export const SUPPLEMENT_KIND = 'supplement';

/** What a clerk may ask for in one request (and so what a supplement may carry). */
export const SUPPLEMENT_LIMITS = {
  maxFields: 20,
  maxDocuments: 10,
  maxNoteLength: 1000,
  /** Request ids are the receiver's: short, URL-safe. */
  requestId: /^[A-Za-z0-9_-]{8,64}$/,
} as const;

/** The items a clerk asks for: answers by field path, documents by slot id. */
export interface SupplementItems {
  fields: FieldPath[];
  documents: string[];
}

/** The clerk's request, as the receiver stores it and the applicant's page receives it. */
export interface SupplementRequest {
  id: string;
  dossierCode: string;
  items: SupplementItems;
  /** The clerk's explanation to the applicant. */
  note: string;
}

export interface SupplementPayload {
  v: typeof PAYLOAD_VERSION;
  kind: typeof SUPPLEMENT_KIND;
  dossierCode: string;
  requestId: string;
  procedure: { code: string; version: string; sha256: string };
  /** The requested answers, keyed by the requested field path (normalised). */
  answers: Record<string, unknown>;
  /** The files of the requested document slots. */
  documents: PayloadDocument[];
  lang: Lang;
  submittedAt: string;
  nonce: string;
}

export const SUPPLEMENT_ITEM_PROBLEM = {
  empty: 'supplement-nothing-requested',
  tooMany: 'supplement-too-many-items',
  unknownField: 'supplement-unknown-field',
  unknownDocument: 'supplement-unknown-document',
  duplicate: 'supplement-duplicate-item',
  noteMissing: 'supplement-note-missing',
  noteTooLong: 'supplement-note-too-long',
} as const;
export type SupplementItemProblemCode =
  (typeof SUPPLEMENT_ITEM_PROBLEM)[keyof typeof SUPPLEMENT_ITEM_PROBLEM];

export interface SupplementItemProblem {
  code: SupplementItemProblemCode;
  /** The offending item (`fields/2`, `documents/0`) or `note`, or `` for the whole request. */
  path: string;
  message: Record<Lang, string>;
  params: Record<string, string | number>;
}

function itemProblem(
  code: SupplementItemProblemCode,
  path: string,
  params: Record<string, string | number> = {},
): SupplementItemProblem {
  return { code, path, message: ITEM_MESSAGES[code](params), params };
}

/**
 * Checks a clerk's request against the procedure: at least one item, within the limits, every
 * field a question of the procedure (not a file question: documents are asked by slot), every
 * slot a document of the procedure, nothing twice, and a note for the applicant. Returns the
 * items as stored (trimmed) or the problems. Untrusted input: anything not of the expected type
 * is a problem, never an exception.
 */
export function checkSupplementRequest(
  procedure: Pick<Procedure, 'ui' | 'documents'>,
  input: unknown,
):
  | { ok: true; items: SupplementItems; note: string }
  | { ok: false; problems: SupplementItemProblem[] } {
  const problems: SupplementItemProblem[] = [];
  const body = (typeof input === 'object' && input !== null ? input : {}) as Record<
    string,
    unknown
  >;
  const rawItems = (
    typeof body['items'] === 'object' && body['items'] !== null ? body['items'] : {}
  ) as Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  const questions = new Set<string>();
  for (const step of procedure.ui.steps)
    // Documents are asked by slot; a repeatable group is asked as a whole dossier correction
    // at the desk, not in the online supplement form (it has no per-item request yet).
    for (const f of step.fields)
      if (f.widget !== 'file' && f.widget !== 'group') questions.add(f.field);
  const slots = new Set(procedure.documents.map((d) => d.id));
  const take = (what: 'fields' | 'documents', known: Set<string>, max: number): string[] => {
    const raw = list(rawItems[what]);
    if (raw.length > max) {
      problems.push(itemProblem(SUPPLEMENT_ITEM_PROBLEM.tooMany, what, { max, what }));
      return [];
    }
    const out: string[] = [];
    raw.forEach((v, i) => {
      const item = typeof v === 'string' ? v.trim() : '';
      const shown = typeof v === 'string' ? v.slice(0, 100) : typeof v;
      if (!known.has(item))
        problems.push(
          itemProblem(
            what === 'fields'
              ? SUPPLEMENT_ITEM_PROBLEM.unknownField
              : SUPPLEMENT_ITEM_PROBLEM.unknownDocument,
            `${what}/${i}`,
            { item: shown },
          ),
        );
      else if (out.includes(item))
        problems.push(itemProblem(SUPPLEMENT_ITEM_PROBLEM.duplicate, `${what}/${i}`, { item }));
      else out.push(item);
    });
    return out;
  };
  const fields = take('fields', questions, SUPPLEMENT_LIMITS.maxFields);
  const documents = take('documents', slots, SUPPLEMENT_LIMITS.maxDocuments);
  // A field inside another requested one would be asked twice (`applicant` and `applicant.phone`).
  fields.forEach((f, i) => {
    if (fields.some((g, j) => j !== i && isWithinPath(f, g)))
      problems.push(itemProblem(SUPPLEMENT_ITEM_PROBLEM.duplicate, `fields/${i}`, { item: f }));
  });
  if (problems.length === 0 && fields.length === 0 && documents.length === 0)
    problems.push(itemProblem(SUPPLEMENT_ITEM_PROBLEM.empty, ''));
  const note = typeof body['note'] === 'string' ? body['note'].trim() : '';
  if (!note) problems.push(itemProblem(SUPPLEMENT_ITEM_PROBLEM.noteMissing, 'note'));
  else if (note.length > SUPPLEMENT_LIMITS.maxNoteLength)
    problems.push(
      itemProblem(SUPPLEMENT_ITEM_PROBLEM.noteTooLong, 'note', {
        max: SUPPLEMENT_LIMITS.maxNoteLength,
      }),
    );
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, items: { fields, documents }, note };
}

export interface BuildSupplementInput {
  request: Pick<SupplementRequest, 'id' | 'dossierCode' | 'items'>;
  procedure: Pick<Procedure, 'code' | 'version'>;
  procedureSha256: string;
  /** The answers to the requested fields, keyed by field path (normalised). */
  answers: Record<string, unknown>;
  documents: readonly PayloadDocument[];
  lang: Lang;
  nonce?: string;
  now?: Date;
}

/**
 * Assembles a supplement payload with exactly the requested items: answers to other fields and
 * files of other slots are left out (the verifier refuses them). Throws DvcError
 * `invalid-argument` when an input cannot be signed faithfully.
 */
export function buildSupplementPayload(input: BuildSupplementInput): SupplementPayload {
  const nonce = checkSigningInputs(input.procedureSha256, input.nonce);
  const { fields, documents: slots } = input.request.items;
  const answers: Record<string, unknown> = {};
  for (const path of fields)
    if (Object.prototype.hasOwnProperty.call(input.answers, path))
      Object.defineProperty(answers, path, {
        value: input.answers[path],
        enumerable: true,
        writable: true,
        configurable: true,
      });
  const documents = payloadDocuments(input.documents.filter((d) => slots.includes(d.slot)));
  const payload: SupplementPayload = {
    v: PAYLOAD_VERSION,
    kind: SUPPLEMENT_KIND,
    dossierCode: input.request.dossierCode,
    requestId: input.request.id,
    procedure: {
      code: input.procedure.code,
      version: input.procedure.version,
      sha256: input.procedureSha256,
    },
    answers,
    documents,
    lang: input.lang,
    submittedAt: (input.now ?? new Date()).toISOString(),
    nonce,
  };
  canonicalize(payload);
  return payload;
}
