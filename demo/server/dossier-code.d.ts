export declare const CODE_ALPHABET: string;
export declare const CODE_PATTERN: RegExp;
export declare function vietnamDate(instant: Date): string;
export declare function newDossierCode(
  prefix: string,
  receivedAt: Date,
  exists: (code: string) => boolean,
  random?: (max: number) => number,
): string;
export declare function expectedResultDate(receivedAt: Date, processingDays: number): string;
