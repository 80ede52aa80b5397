/** Text the story-only elements show (the playground, the theming page), in vi and en. */
export const storyMessages = {
  vi: {
    playgroundHeading: 'Thử thủ tục',
    sampleLabel: 'Bắt đầu từ thủ tục mẫu',
    editorLabel: 'JSON của thủ tục',
    editorHint:
      'Dán hoặc sửa nội dung tệp thủ tục; biểu mẫu bên cạnh cập nhật sau khi bạn ngừng gõ.',
    problemsHeading: 'Kết quả kiểm tra ({count} vấn đề)',
    noProblems: 'Không có vấn đề nào.',
    problemAt: 'Dòng {line}, cột {column}',
    error: 'Lỗi',
    warning: 'Cảnh báo',
    previewHeading: 'Biểu mẫu',
    previewBlocked: 'Sửa các lỗi bên cạnh để xem biểu mẫu.',
    themeDefault: 'Giao diện mặc định',
    themeAgency: 'Giao diện của cơ quan (chỉ dùng --dvc-* và ::part)',
  },
  en: {
    playgroundHeading: 'Procedure playground',
    sampleLabel: 'Start from a sample procedure',
    editorLabel: 'Procedure JSON',
    editorHint:
      'Paste or edit the procedure file; the form beside it updates once you stop typing.',
    problemsHeading: 'Check results ({count} problems)',
    noProblems: 'No problems found.',
    problemAt: 'Line {line}, column {column}',
    error: 'Error',
    warning: 'Warning',
    previewHeading: 'Form',
    previewBlocked: 'Fix the errors beside it to see the form.',
    themeDefault: 'Default theme',
    themeAgency: 'Agency theme (only --dvc-* and ::part)',
  },
} as const;

export type StoryMessageKey = keyof (typeof storyMessages)['vi'];

export function storyText(
  lang: 'vi' | 'en',
  key: StoryMessageKey,
  params: Record<string, string | number> = {},
): string {
  return storyMessages[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
