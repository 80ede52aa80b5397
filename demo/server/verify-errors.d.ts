// Types of verify-errors.js for the TypeScript tests.
export type VerifyMessage = (code: string, params?: object, lang?: 'vi' | 'en') => string;
export declare function localVerifyErrors(
  errors: unknown[],
  lang: 'vi' | 'en',
  verifyMessage: VerifyMessage | undefined,
): { code: string; message: string; pointer?: string }[];
