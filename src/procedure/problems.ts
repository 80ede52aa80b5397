import type { JsonLocation } from '../json/parse.js';
import type { AuthorProblem } from '../problem.js';
import type { Lang } from './types.js';

/** Stable codes of the problems the loader reports (kebab-case; documented in docs/procedure-format.md). */
export const AUTHOR_PROBLEM_CODE = {
  jsonSyntax: 'json-syntax',
  duplicateKey: 'duplicate-key',
  forbiddenKey: 'forbidden-key',
  tooDeep: 'too-deep',
  tooLarge: 'too-large',
  notUtf8: 'not-utf8',
  schemaRequired: 'schema-required',
  schemaType: 'schema-type',
  schemaEnum: 'schema-enum',
  schemaAdditionalProperty: 'schema-additional-property',
  schemaPropertyName: 'schema-property-name',
  schemaPattern: 'schema-pattern',
  schemaRange: 'schema-range',
  schemaMinItems: 'schema-min-items',
  schemaMinLength: 'schema-min-length',
  schemaUnique: 'schema-unique',
  schemaConditions: 'schema-conditions',
  schemaInvalid: 'schema-invalid',
  missingVi: 'missing-vi',
  unknownFormat: 'unknown-format',
  unknownOperator: 'unknown-operator',
  insecureUrl: 'insecure-url',
  remoteRef: 'remote-ref',
  unresolvedRef: 'unresolved-ref',
  refCycle: 'ref-cycle',
  unsafePattern: 'unsafe-pattern',
  invalidPattern: 'invalid-pattern',
  nonLinearPattern: 'non-linear-pattern',
  unsupportedPattern: 'unsupported-pattern',
  schemaCompile: 'schema-compile',
  unknownField: 'unknown-field',
  identifyingFieldNotText: 'identifying-field-not-text',
  unknownRequired: 'unknown-required',
  requiredNotAsked: 'required-not-asked',
  addressMemberNotAsked: 'address-member-not-asked',
  requireTargetNotAsked: 'require-target-not-asked',
  checkFieldNotAsked: 'check-field-not-asked',
  addressPartAskedSeparately: 'address-part-asked-separately',
  impossibleBounds: 'impossible-bounds',
  constNotInEnum: 'const-not-in-enum',
  valueTypeMismatch: 'value-type-mismatch',
  decomposedText: 'decomposed-text',
  loneSurrogate: 'lone-surrogate',
  controlCharacter: 'control-character',
  bidiControl: 'bidi-control',
  invisibleCharacter: 'invisible-character',
  unknownFact: 'unknown-fact',
  missingFactParam: 'missing-fact-param',
  notADate: 'not-a-date',
  formatVersion: 'format-version',
  messageWithoutQuestion: 'message-without-question',
  feeScheduleOverlap: 'fee-schedule-overlap',
  feeQuantityUnbounded: 'fee-quantity-unbounded',
  amountDecimalPoint: 'amount-decimal-point',
  unknownCondition: 'unknown-condition',
  conditionCycle: 'condition-cycle',
  checkFieldInList: 'check-field-in-list',
  unknownDocument: 'unknown-document',
  unknownFeeItem: 'unknown-fee-item',
  unknownOption: 'unknown-option',
  unknownOptionList: 'unknown-option-list',
  optionsAndOptionList: 'options-and-option-list',
  unknownCopySource: 'unknown-copy-source',
  copyFromItself: 'copy-from-itself',
  copySourceLater: 'copy-source-later',
  copyShapeMismatch: 'copy-shape-mismatch',
  copyFromInGroup: 'copy-from-in-group',
  copyConditionLater: 'copy-condition-later',
  duplicateId: 'duplicate-id',
  duplicateField: 'duplicate-field',
  groupWithoutFields: 'group-without-fields',
  fileWithoutDocument: 'file-without-document',
  fileFieldInData: 'file-field-in-data',
  unsupportedFileType: 'unsupported-file-type',
  widgetTypeMismatch: 'widget-type-mismatch',
  conditionValueType: 'condition-value-type',
  answeredValueIgnored: 'answered-value-ignored',
  unknownBirthDateField: 'unknown-birth-date-field',
  birthDateFieldNotDate: 'birth-date-field-not-date',
  birthDateWithoutPersonalId: 'birth-date-without-personal-id',
  linkHostNotAllowed: 'link-host-not-allowed',
  casesWithoutProcedure: 'cases-without-procedure',
  notAProcedure: 'not-a-procedure',
  fileUnreadable: 'file-unreadable',
  internal: 'internal',
} as const;
export type AuthorProblemCode = (typeof AUTHOR_PROBLEM_CODE)[keyof typeof AUTHOR_PROBLEM_CODE];

/** The parent of a JSON pointer ('' for a top-level member). */
export function parentPointer(pointer: string): string {
  const slash = pointer.lastIndexOf('/');
  return slash <= 0 ? '' : pointer.slice(0, slash);
}

/** Collects problems, placing each at the line and column of the pointed key or value. */
export class ProblemList {
  readonly items: AuthorProblem[] = [];
  /** `source`: the parsed text, so `inString` can count escapes as the file writes them. */
  constructor(
    private readonly positions: ReadonlyMap<string, JsonLocation>,
    private readonly source?: string,
  ) {}

  /**
   * Characters from a string's opening quote (the pointed key or value) to its character at
   * `index`, as the file spells it: `\ud800` or `\"` count as written, not as one character.
   * Without the source (or when the pointer is not a string there), JSON.stringify's spelling.
   */
  private offsetInString(pointer: string, at: 'key' | 'value', text: string, index: number) {
    const loc = this.positions.get(pointer);
    const start = loc && (at === 'key' ? loc.key : loc.value)?.offset;
    const src = this.source;
    if (src === undefined || start === undefined || src[start] !== '"')
      return JSON.stringify(text.slice(0, index)).length - 1;
    let i = start + 1;
    for (let k = 0; k < index && i < src.length; k++)
      i += src[i] !== '\\' ? 1 : src[i + 1] === 'u' ? 6 : 2;
    return i - start;
  }

  /** The number at `pointer` as the file writes it (`8.000`), when the source is known. */
  numberAsWritten(pointer: string): string | undefined {
    const offset = this.positions.get(pointer)?.value.offset;
    if (this.source === undefined || offset === undefined) return undefined;
    return /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.source.slice(offset, offset + 40))?.[0];
  }

  /** The position of `pointer` (its key for `at: 'key'`), or of its nearest existing ancestor. */
  locate(pointer: string, at: 'key' | 'value' = 'value'): { line: number; column: number } {
    let p = pointer;
    for (;;) {
      const loc = this.positions.get(p);
      if (loc) {
        const pos = at === 'key' && p === pointer ? (loc.key ?? loc.value) : loc.value;
        return { line: pos.line, column: pos.column };
      }
      if (p === '') return { line: 1, column: 1 };
      p = parentPointer(p);
    }
  }

  add(
    code: AuthorProblemCode,
    pointer: string,
    message: Record<Lang, string>,
    options: {
      at?: 'key' | 'value';
      severity?: 'error' | 'warning';
      /** Characters from the start of the value to the exact spot (inside a string). */
      columnOffset?: number;
      /** The exact spot as a character of the pointed string (key or value), `text` at `index`. */
      inString?: { text: string; index: number };
    } = {},
  ): void {
    const where = this.locate(pointer, options.at);
    const line = where.line;
    const spot = options.inString;
    const column =
      where.column +
      (spot
        ? this.offsetInString(pointer, options.at ?? 'value', spot.text, spot.index)
        : (options.columnOffset ?? 0));
    this.items.push({
      code,
      severity: options.severity ?? 'error',
      pointer,
      line,
      column,
      message,
    });
  }

  get errorCount(): number {
    return this.items.filter((p) => p.severity === 'error').length;
  }
}
