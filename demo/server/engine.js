// What the receiver shares with the elements, from the built engine (dist/engine.js) as an
// agency would import it: dossier statuses, their labels and moves, and the dossier-code pattern
// (src/dossier). Written once there, so the status look-up and the receiver cannot drift.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DIST_DIR, MissingBuildError } from './library.js';

const file = `${DIST_DIR}engine.js`;
if (!existsSync(file)) throw new MissingBuildError(file);
const engine = await import(pathToFileURL(file).href);

/** @type {Readonly<Record<string, string>>} */
export const DOSSIER_STATUS = engine.DOSSIER_STATUS;
/** @type {Readonly<Record<string, { vi: string, en: string }>>} */
export const DOSSIER_STATUS_LABELS = engine.DOSSIER_STATUS_LABELS;
/** @type {Readonly<Record<string, readonly string[]>>} */
export const DOSSIER_TRANSITIONS = engine.DOSSIER_TRANSITIONS;
/** @type {string} */
export const DOSSIER_CODE_ALPHABET = engine.DOSSIER_CODE_ALPHABET;
/** @type {RegExp} */
export const DOSSIER_CODE_PATTERN = engine.DOSSIER_CODE_PATTERN;
/** @type {(d: { status: string, expectedResultDate: string }, now: Date) => { state: string, workingDaysLate: number }} */
export const dossierDeadline = engine.dossierDeadline;
/** @type {readonly string[]} */
export const RUNNING_STATUSES = engine.RUNNING_STATUSES;
/** @type {(rows: any[], now: Date) => { week: string, weekEnd: string, procedure: string, received: number, onTime: number, late: number, overdue: number, open: number }[]} */
export const weeklyReport = engine.weeklyReport;
/** @type {(now: Date) => string} the Vietnamese calendar day of an instant */
export const deskDay = engine.deskDay;
/** @type {(raw: unknown) => string} a look-up phone number or personal ID, canonical or '' */
export const normalizeLookupSecret = engine.normalizeLookupSecret;
