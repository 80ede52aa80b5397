/**
 * The choices of a select or radio group as plain DOM nodes, made once per options array rather
 * than one lit template per choice: a template per choice is an instance, a marker comment and a
 * part per binding (ten for a radio) that lit keeps for the life of the page, a thousand times on
 * a large page (docs/performance.md, issue 22 point 3). The nodes are made again only when the
 * options array or the `key` (what else the nodes are made from) changes; the state that follows
 * the value (checked, selected, disabled…) is set on the nodes by the element after each update.
 */
import { noChange, type ChildPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';
import type { FieldOptionItem } from './options.js';
import { checkDirectivePlace } from './directive-place.js';

/** Makes the node of one choice. */
export type OptionNodeBuilder = (option: FieldOptionItem, index: number) => Node;

class OptionNodesDirective extends Directive {
  private options: readonly FieldOptionItem[] | undefined;
  private key: unknown;

  constructor(info: PartInfo) {
    super(info);
    checkDirectivePlace(info, PartType.CHILD, 'optionNodes');
  }

  render(_options: readonly FieldOptionItem[], _build: OptionNodeBuilder, _key?: unknown): unknown {
    return noChange;
  }

  override update(
    _part: ChildPart,
    [options, build, key]: [readonly FieldOptionItem[], OptionNodeBuilder, unknown?],
  ): unknown {
    if (options === this.options && key === this.key) return noChange;
    this.options = options;
    this.key = key;
    // A fragment is committed as its children; the next one replaces them (lit clears the part).
    const fragment = document.createDocumentFragment();
    options.forEach((o, i) => fragment.append(build(o, i)));
    return fragment;
  }
}

/** `<select>${optionNodes(options, (o) => option)}</select>`: the choices, made once per array. */
export const optionNodes = directive(OptionNodesDirective);

/** Sets a boolean attribute only when it differs, as lit's `?attr` binding does. */
export function toggleAttr(el: Element, name: string, on: boolean): void {
  if (el.hasAttribute(name) !== on) el.toggleAttribute(name, on);
}
