/** Duplicate ids (steps, documents, fee items, reductions, options) for the cross-checks. */
import { ID_KINDS, localized } from './messages.js';
import { AUTHOR_PROBLEM_CODE as C, type ProblemList } from './problems.js';

/** Records ids and reports the second use of each. */
export class IdRegistry {
  private readonly first = new Map<string, string>();
  constructor(
    private readonly kind: keyof (typeof ID_KINDS)['vi'],
    private readonly problems: ProblemList,
  ) {}
  add(id: unknown, pointer: string): void {
    if (typeof id !== 'string') return;
    const first = this.first.get(id);
    if (first !== undefined) {
      this.problems.add(
        C.duplicateId,
        pointer,
        localized(
          'duplicateId',
          { id, first },
          { vi: { what: ID_KINDS.vi[this.kind] }, en: { what: ID_KINDS.en[this.kind] } },
        ),
      );
    } else this.first.set(id, pointer);
  }
  has(id: string): boolean {
    return this.first.has(id);
  }
}
