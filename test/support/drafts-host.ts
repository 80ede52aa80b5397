// What the drafts tests share: a one-question procedure, and the options of a host's
// DraftController that saves at once.
import type { Procedure } from '../../src/procedure/types.js';

/**
 * A procedure of one step asking one text question, `hoTen`: what the drafts tests need of a
 * procedure (its code and version name the draft). `extra` adds top-level members (delivery
 * choices, postage).
 */
export function oneQuestionProcedure(
  code: string,
  version = '1.0.0',
  extra: Record<string, unknown> = {},
): Procedure {
  return {
    code,
    version,
    ...extra,
    data: { type: 'object', properties: { hoTen: { type: 'string' } } },
    ui: {
      steps: [
        {
          id: 'buoc-1',
          title: { vi: 'Bước 1' },
          fields: [{ field: 'hoTen', widget: 'text', label: { vi: 'Họ và tên' } }],
        },
      ],
    },
  } as unknown as Procedure;
}

/**
 * The DraftController options of a drafts test host that saves at once (20 ms debounce) into
 * its own database `dbName`, in Vietnamese, with consent given by the host page and nothing
 * counted as from an earlier visit.
 */
export const savingDraftOptions = (dbName: string) => ({
  lang: () => 'vi' as const,
  debounceMs: 20,
  dbName,
  loadedAt: () => Infinity,
  consent: () => 'granted' as const,
});
