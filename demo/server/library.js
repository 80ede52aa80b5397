// The receiver uses the library exactly as an agency would: from the built files in dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const DIST_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

export class MissingBuildError extends Error {
  /** @param {string} file */
  constructor(file) {
    super(`${file} is missing: run "npm run build" first (npm start does it for you).`);
    this.name = 'MissingBuildError';
  }
}

/**
 * Loads `verifySubmission` from dist/verify.js, `loadProcedure`, `compileProcedureModule` and
 * `expectedResultDate` (the working-day calendar) from dist/engine.js.
 * Throws MissingBuildError when dist/ has not been built. A build that does not export them yet
 * yields undefined, and the receiver answers 503 to submissions instead of refusing to start.
 * @param {string} [distDir]
 */
export async function loadLibrary(distDir = DIST_DIR) {
  const verifyFile = `${distDir}verify.js`;
  const engineFile = `${distDir}engine.js`;
  for (const f of [verifyFile, engineFile]) if (!existsSync(f)) throw new MissingBuildError(f);
  const verify = await import(pathToFileURL(verifyFile).href);
  const engine = await import(pathToFileURL(engineFile).href);
  return {
    /** @type {((jws: string, options: object) => Promise<any>) | undefined} */
    verifySubmission:
      typeof verify.verifySubmission === 'function' ? verify.verifySubmission : undefined,
    /**
     * The verifier's vi/en message catalogs (src/verify/messages.ts), by code and params.
     * @type {import('./verify-errors.js').VerifyMessage | undefined}
     */
    verifyMessage: typeof verify.verifyMessage === 'function' ? verify.verifyMessage : undefined,
    /** @type {((options: object) => { verify(jws: string, options?: object): Promise<any> }) | undefined} */
    createVerifier: typeof verify.createVerifier === 'function' ? verify.createVerifier : undefined,
    /**
     * The shared file checks (src/files), when the build exports them.
     * @type {import('./submission-files.js').LibraryFiles | undefined}
     */
    files:
      typeof verify.checkStoredFile === 'function'
        ? {
            checkStoredFile: verify.checkStoredFile,
            cleanFileName: verify.cleanFileName,
            maxDocumentEntries: verify.maxDocumentEntries,
            sniffType: verify.sniffType,
            formatSize: verify.formatSize,
            formatList: verify.formatList,
            SNIFF_HEAD_BYTES: verify.SNIFF_HEAD_BYTES,
            SNIFF_TAIL_BYTES: verify.SNIFF_TAIL_BYTES,
          }
        : undefined,
    /** @type {((text: string, options?: { file?: string, checkPattern?: (pattern: string) => unknown }) => any) | undefined} */
    loadProcedure: typeof engine.loadProcedure === 'function' ? engine.loadProcedure : undefined,
    /**
     * The linear-time engine's check of each pattern, for loadProcedure (as the CLI's lint).
     * @type {((pattern: string) => unknown) | undefined}
     */
    checkPattern:
      typeof verify.checkPatternSyntax === 'function' ? verify.checkPatternSyntax : undefined,
    /** @type {import('./payments/routes.js').PaymentLibrary | undefined} */
    payment:
      typeof engine.encodeVietQr === 'function'
        ? {
            encodeVietQr: engine.encodeVietQr,
            amountInWords: engine.amountInWords,
            formatVnd: engine.formatVnd,
            totalToPay: engine.totalToPay,
          }
        : undefined,
    /**
     * Supplements (src/supplement): the clerk's request check and the supplement verifier.
     * @type {{ createSupplementVerifier: (options: object) => { verify(jws: string, call: object): Promise<any> }, checkSupplementRequest: (procedure: any, body: unknown) => any, resumedResultDate: (input: object) => { resultDate: string } } | undefined}
     */
    supplements:
      typeof verify.createSupplementVerifier === 'function' &&
      typeof engine.resumedResultDate === 'function'
        ? {
            createSupplementVerifier: verify.createSupplementVerifier,
            checkSupplementRequest: verify.checkSupplementRequest,
            resumedResultDate: engine.resumedResultDate,
          }
        : undefined,
    /** @type {((receivedAt: Date, days: number, options?: { cutoffMinutes?: number }) => { receivedOn: string, resultDate: string, provisional: boolean }) | undefined} */
    expectedResultDate:
      typeof engine.expectedResultDate === 'function' ? engine.expectedResultDate : undefined,
    /**
     * The server-rendered first page (src/first-page): a renderer per procedure, its CSS and the
     * CSS's file name (by its content, as `dvc-forms first-page` names it).
     * @type {{ renderer: (procedure: any) => Promise<(options?: { lang?: string, today?: string }) => Promise<string | undefined>>, css: string, file: string } | undefined}
     */
    firstPage:
      typeof engine.firstPageRenderer === 'function'
        ? {
            renderer: engine.firstPageRenderer,
            css: engine.FIRST_PAGE_CSS,
            file: engine.firstPageCssFile(engine.FIRST_PAGE_CSS),
          }
        : undefined,
    /**
     * dist/engine.js's compileProcedureModule (src/validation/index.ts): the procedure's validator
     * as a module, or with `form` the page's one script (the form artefact).
     * @type {((
     *   procedure: any,
     *   options?: { procedureSha256?: string, form?: { bundle: string, file?: string } },
     * ) => Promise<{ fileName: string, source: string, hash: string, chunks: string[] }>) | undefined}
     */
    compileProcedureModule:
      typeof engine.compileProcedureModule === 'function'
        ? engine.compileProcedureModule
        : undefined,
  };
}
