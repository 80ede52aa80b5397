/**
 * The words of `<dvc-repeat-group>` (headings, buttons, announcements), Vietnamese first. Its own
 * catalog, in the group's lazy chunk: in components/base/messages.ts they were in the core of
 * the one-file bundle for every form, most of which have no repeat group. `defaultItem` and
 * `tooFewItems` stay there (the error summary and the field elements' "required" use them).
 * `{name}` placeholders are filled by `fill()` (components/base/i18n.ts).
 */
// Accessible names of buttons start with their visible text (WCAG 2.2 SC 2.5.3 Label in Name).
const vi = {
  itemHeading: '{item} {n}',
  addItem: 'Thêm {item}',
  remove: 'Xoá',
  removeItem: 'Xoá {item} {n}',
  moveUp: 'Di chuyển lên',
  moveUpItem: 'Di chuyển lên: {item} {n}',
  moveDown: 'Di chuyển xuống',
  moveDownItem: 'Di chuyển xuống: {item} {n}',
  moved: 'Đã chuyển {item} tới vị trí {position} trên {count}.',
  added: 'Đã thêm {item} {n}.',
  removed: 'Đã xoá {item} {n}.',
  undo: 'Hoàn tác',
  undoRemove: 'Hoàn tác xoá {item} {n}',
  restored: 'Đã khôi phục {item} {n}.',
  maxItemsReached: 'Đã đủ số lượng tối đa ({max}).',
  itemInvalid: 'Vui lòng kiểm tra lại thông tin của {item} {n}.',
} as const;

export type RepeatGroupMessageKey = keyof typeof vi;

const en: Record<RepeatGroupMessageKey, string> = {
  itemHeading: '{item} {n}',
  addItem: 'Add {item}',
  remove: 'Remove',
  removeItem: 'Remove {item} {n}',
  moveUp: 'Move up',
  moveUpItem: 'Move up: {item} {n}',
  moveDown: 'Move down',
  moveDownItem: 'Move down: {item} {n}',
  moved: '{item} moved to position {position} of {count}.',
  added: 'Added {item} {n}.',
  removed: 'Removed {item} {n}.',
  undo: 'Undo',
  undoRemove: 'Undo removing {item} {n}',
  restored: 'Restored {item} {n}.',
  maxItemsReached: 'You have added the maximum number ({max}).',
  itemInvalid: 'Check the information in {item} {n}.',
};

export const REPEAT_GROUP_MESSAGES: Record<'vi' | 'en', Record<RepeatGroupMessageKey, string>> = {
  vi,
  en,
};
