/**
 * Thrown errors form one small hierarchy with a stable `name` and `code`, so callers can branch
 * on `err.code` across bundles and realms instead of `instanceof`. Expected problems with user or
 * author input are returned as data (see `Problem`), never thrown.
 */
export const ERROR_CODE = {
  procedureLoad: 'procedure-load',
  compile: 'compile',
  cspCompile: 'csp-compile',
  signing: 'signing',
  transport: 'transport',
  storage: 'storage',
  invalidArgument: 'invalid-argument',
} as const;
export type ErrorCode = (typeof ERROR_CODE)[keyof typeof ERROR_CODE];

export class DvcError extends Error {
  override name = 'DvcError';
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** A procedure file could not be loaded; `problems` says exactly where and why. */
export class ProcedureLoadError extends DvcError {
  override name = 'ProcedureLoadError';
  readonly problems: readonly import('./problem.js').AuthorProblem[];
  constructor(
    message: string,
    problems: readonly import('./problem.js').AuthorProblem[],
    options?: { cause?: unknown },
  ) {
    super(ERROR_CODE.procedureLoad, message, options);
    this.problems = problems;
  }
}

/** A schema could not be compiled into a validator. */
export class CompileError extends DvcError {
  override name = 'CompileError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(ERROR_CODE.compile, message, options);
  }
}

/** Runtime compilation was blocked by a Content-Security-Policy without 'unsafe-eval'. */
export class CspCompileError extends DvcError {
  override name = 'CspCompileError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(ERROR_CODE.cspCompile, message, options);
  }
}

export class SigningError extends DvcError {
  override name = 'SigningError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(ERROR_CODE.signing, message, options);
  }
}

export class TransportError extends DvcError {
  override name = 'TransportError';
  /** HTTP status when the server answered; undefined for network failures. */
  readonly status?: number;
  constructor(message: string, status?: number, options?: { cause?: unknown }) {
    super(ERROR_CODE.transport, message, options);
    this.status = status;
  }
}

export class StorageError extends DvcError {
  override name = 'StorageError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(ERROR_CODE.storage, message, options);
  }
}
