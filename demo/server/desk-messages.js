// Problems of the clerk's desk (desk.js), in the shape of messages.js.
/** @type {Record<string, import('./messages.js').ProblemText>} */
export const DESK_PROBLEMS = {
  'note-missing': {
    status: 400,
    vi: {
      title: 'Chưa có nội dung ghi chú',
      detail: 'Vui lòng nhập nội dung ghi chú trước khi lưu.',
    },
    en: {
      title: 'Note missing',
      detail: 'Type the note before saving it.',
    },
  },
};
