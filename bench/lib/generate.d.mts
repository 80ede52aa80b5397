// Types of generate.mjs for the browser tests that render the bench's own generated procedure
// (test/components/form/first-render-cost.test.ts).
import type { Procedure } from '../../src/procedure/types.js';

export const KEY_FIELD: string;
export const VALID_KEY_VALUE: string;
export function generateProcedure(n: number): Procedure;
export function plainPage(n: number): string;
export function dvcPage(n: number): string;
export function dvcBoot(n: number): string;
