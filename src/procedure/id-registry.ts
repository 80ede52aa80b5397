/** Duplicate ids (steps, documents, fee items, reductions, options) for the cross-checks. */
import { ID_KINDS } from './message-words.js';
import { localizedAt } from './messages.js';
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
        // The first use in words ("bước thứ 1"): the place that has the id, not its "id" member.
        localizedAt('duplicateId', { id }, { first: first.replace(/\/id$/, '') }),
      );
    } else this.first.set(id, pointer);
  }
  has(id: string): boolean {
    return this.first.has(id);
  }
}
