import { PartType, type PartInfo } from 'lit/directive.js';

/**
 * Throws when one of our directives is bound where it cannot work (a mistake in our own
 * templates, never in a page): `name()` belongs in an element part (`<input ${…}>`) or a child part
 * (`<select>${…}</select>`). One sentence for every directive keeps the core small.
 */
export function checkDirectivePlace(info: PartInfo, type: PartType, name: string): void {
  if (info.type !== type)
    throw new Error(
      `${name}() belongs in ${type === PartType.ELEMENT ? 'an element' : 'a child'} part`,
    );
}
