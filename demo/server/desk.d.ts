// Types of desk.js for the TypeScript tests.
export function csvRow(fields: unknown[]): string;
export function applicantName(procedure: unknown, payload: unknown): string | undefined;
export function registerDesk(
  app: unknown,
  ctx: unknown,
  helpers: unknown,
): {
  detail(row: unknown, payload: unknown): Promise<Record<string, unknown>>;
  indexPending(): Promise<void>;
};
