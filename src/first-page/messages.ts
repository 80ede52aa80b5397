import type { Lang } from '../procedure/index.js';

/**
 * The words of the server-rendered first page that are not the procedure's own: the progress line
 * (the one `<dvc-form>` shows, components/form/messages.ts takes it from here), the empty choice
 * of a list (the same words as the select element's catalog, components/base/messages.ts; a test
 * holds the two equal) and the notice that stands where Continue will be until the form has
 * loaded: with JavaScript off or the script failing it is all the person needs to know, so it
 * never offers a button that would do nothing.
 */
export interface FirstPageMessages {
  /** "Bước 2 trên 5"; "Bước 2" alone without a total (ProcedureModel.stepTotal). */
  progress: (current: number, total?: number) => string;
  choose: string;
  loadingNotice: string;
}

export const FIRST_PAGE_MESSAGES: Readonly<Record<Lang, FirstPageMessages>> = {
  vi: {
    progress: (current, total) => `Bước ${current}${total ? ` trên ${total}` : ''}`,
    choose: '— Chọn —',
    loadingNotice:
      'Biểu mẫu đang tải. Bạn có thể trả lời ngay, câu trả lời sẽ được giữ lại. Nếu nút Tiếp tục không hiện ra, hãy bật JavaScript hoặc nộp hồ sơ trực tiếp tại cơ quan.',
  },
  en: {
    progress: (current, total) => `Step ${current}${total ? ` of ${total}` : ''}`,
    choose: '— Select —',
    loadingNotice:
      'The form is loading. You can start answering now; your answers will be kept. If no Continue button appears, turn on JavaScript or apply in person at the office.',
  },
};
