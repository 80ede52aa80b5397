import { executeServerCommand } from '@web/test-runner-commands';

/** One node of Chromium's accessibility tree (scripts/wtr-ax-tree.mjs). */
export interface AxNode {
  role: string;
  name: string;
  description: string;
  /** The node's states and properties (`required`, `invalid`, `checked`…), as Chromium gives them. */
  properties: Record<string, unknown>;
}

/** The page's accessibility tree as Chromium exposes it, every node not ignored, in tree order. */
export async function axTree(): Promise<AxNode[]> {
  // Chromium updates the tree after layout: let one frame pass first.
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
  return executeServerCommand<AxNode[], undefined>('ax-tree');
}

/** The nodes of one role and, when given, one accessible name. */
export async function axNodes(role: string, name?: string): Promise<AxNode[]> {
  return (await axTree()).filter((n) => n.role === role && (name === undefined || n.name === name));
}

/** Roles a question is given to assistive technology with: its controls and their groups. */
const QUESTION_ROLES = new Set([
  'textbox',
  'combobox',
  'spinbutton',
  'radiogroup',
  'radio',
  'group',
  'checkbox',
  'button',
]);

/**
 * The page's questions as a screen reader is given them, one line per control or group: role,
 * name, description and the states a reader says (required, invalid, checked). Ids and markup
 * are left out: two renderings of the same questions give the same lines.
 */
export async function axQuestions(): Promise<string[]> {
  return (await axTree())
    .filter((n) => QUESTION_ROLES.has(n.role))
    .map((n) =>
      [
        n.role,
        n.name,
        n.description,
        ...['required', 'invalid', 'checked'].map((p) => `${p}=${String(n.properties[p] ?? '')}`),
      ].join(' | '),
    );
}
