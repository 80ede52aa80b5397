import type { Lang } from '../../src/procedure/index.js';
import { FIRST_PAGE_MESSAGES, formatPercent } from '../../src/view.js';

/**
 * Every interface string `<dvc-form>` shows, in Vietnamese and English. Vietnamese is written
 * for citizens: short, plain and polite (GOV.UK style), never blaming the person.
 */
export interface FormMessages {
  loading: string;
  loadFailedHeading: string;
  loadFailedBody: string;
  loadFailedWhatToDo: string;
  retry: string;
  progress: (current: number, total?: number) => string;
  /** A summary line whose text another line repeats: the question tells them apart. */
  summaryForQuestion: (message: string, question: string) => string;
  /** A summary line about a field of a repeat group's item: the item's heading, then the line. */
  summaryForItem: (item: string, line: string) => string;
  back: string;
  continue: string;
  submit: string;
  submitting: string;
  errorSummaryHeading: string;
  errorPrefix: string;
  eligibilityStepTitle: string;
  ineligibleHeading: string;
  ineligibleIntro: string;
  remedyLabel: string;
  changeAnswers: string;
  reviewHeading: string;
  reviewIntro: string;
  change: string;
  notAnswered: string;
  yes: string;
  no: string;
  itemHeading: (itemLabel: string, n: number) => string;
  feeHeading: string;
  feeItem: string;
  feeAmount: string;
  feeQuantity: (quantity: number, unitAmount: string) => string;
  feeReduction: (label: string, percent: number) => string;
  feeTotal: string;
  noFee: string;
  declarationHeading: string;
  declarationLabel: string;
  declarationRequired: string;
  /** Assisted mode: the applicant's own confirmation of the declaration, ticked by the helper. */
  applicantConfirmLabel: string;
  /** Assisted mode: what the helper declares (recorded in the signed payload). */
  helperDeclarationLabel: string;
  helperDeclarationRequired: string;
  assistedNote: (helper: string) => string;
  documentHeading: string;
  documentWillUpload: string;
  /** (1.1) A document brought to the desk, not uploaded. */
  documentAtDesk: string;
  /** (1.1) The document's translation requirement. */
  documentTranslation: string;
  /** (1.1) The document's legalisation requirement. */
  documentLegalisation: string;
  documentForm: Record<'original' | 'copy' | 'certified-copy' | 'electronic', string>;
  documentCopies: (n: number) => string;
  documentRequired: string;
  documentOptional: string;
  documentAccept: (types: string) => string;
  documentMaxSize: (size: string) => string;
  reviewDocumentsHeading: string;
  /** (1.1) The review page's list of the documents brought to the desk. */
  reviewDeskHeading: string;
  reviewFile: (name: string, size: string) => string;
  noFileChosen: string;
  submittedHeading: string;
  submittedBody: string;
  submitFailedHeading: string;
  submitFailedBody: string;
  unnamedProblem: string;
}

/** The same in both languages: the item's heading, a colon, the line ("Người con 2: …"). */
const summaryForItem = (item: string, line: string) => `${item}: ${line}`;

const vi: FormMessages = {
  loading: 'Đang tải biểu mẫu…',
  loadFailedHeading: 'Không tải được biểu mẫu',
  loadFailedBody: 'Rất tiếc, biểu mẫu này hiện chưa dùng được. Thông tin của bạn chưa được gửi đi.',
  loadFailedWhatToDo:
    'Bạn vui lòng thử lại sau ít phút. Nếu vẫn không được, bạn có thể liên hệ cơ quan giải quyết hoặc nộp hồ sơ trực tiếp tại Bộ phận Một cửa.',
  retry: 'Thử lại',
  // The same words as the server-rendered first page's (src/first-page).
  progress: FIRST_PAGE_MESSAGES.vi.progress,
  summaryForQuestion: (message, question) => `${message} (câu hỏi: ${question})`,
  summaryForItem,
  back: 'Quay lại',
  continue: 'Tiếp tục',
  submit: 'Gửi hồ sơ',
  submitting: 'Đang gửi hồ sơ…',
  errorSummaryHeading: 'Có lỗi cần sửa',
  errorPrefix: 'Lỗi: ',
  eligibilityStepTitle: 'Kiểm tra điều kiện nộp hồ sơ',
  ineligibleHeading: 'Bạn chưa thể nộp hồ sơ này trực tuyến',
  ineligibleIntro: 'Theo các câu trả lời của bạn:',
  remedyLabel: 'Bạn có thể: ',
  changeAnswers: 'Sửa câu trả lời',
  reviewHeading: 'Kiểm tra lại thông tin',
  reviewIntro: 'Bạn vui lòng kiểm tra lại các câu trả lời trước khi gửi hồ sơ.',
  change: 'Sửa',
  notAnswered: 'Chưa trả lời',
  yes: 'Có',
  no: 'Không',
  itemHeading: (itemLabel, n) => `${itemLabel} ${n}`,
  feeHeading: 'Phí, lệ phí',
  feeItem: 'Khoản',
  feeAmount: 'Số tiền',
  feeQuantity: (quantity, unitAmount) => `${quantity} × ${unitAmount}`,
  // A fixed-amount reduction (format 1.1) has percent 0: its amount is in the next cell.
  feeReduction: (label, percent) =>
    percent >= 100
      ? `Miễn: ${label}`
      : percent > 0
        ? `Giảm ${formatPercent(percent, 'vi')}%: ${label}`
        : `Giảm: ${label}`,
  feeTotal: 'Tổng cộng',
  noFee: 'Bạn không phải nộp phí, lệ phí.',
  declarationHeading: 'Lời cam đoan',
  declarationLabel: 'Tôi đã đọc và đồng ý với lời cam đoan trên',
  declarationRequired: 'Bạn cần đánh dấu vào ô cam đoan để gửi hồ sơ',
  applicantConfirmLabel: 'Người nộp hồ sơ đã nghe lời cam đoan trên và đồng ý',
  helperDeclarationLabel:
    'Tôi đã đọc lại toàn bộ nội dung cho người nộp hồ sơ và người nộp đã đồng ý',
  helperDeclarationRequired:
    'Người hỗ trợ cần đánh dấu xác nhận đã đọc lại toàn bộ nội dung cho người nộp hồ sơ',
  assistedNote: (helper) =>
    `Biểu mẫu này được điền với sự hỗ trợ của ${helper}, cùng với người nộp hồ sơ. Người hỗ trợ cần đọc lại từng câu trả lời cho người nộp hồ sơ nghe trước khi gửi.`,
  documentHeading: 'Giấy tờ cần nộp',
  documentWillUpload: 'Bạn sẽ nộp giấy tờ này ở đây.',
  documentAtDesk: 'Không cần tải lên: mang giấy tờ này đến khi nộp hồ sơ để cán bộ đối chiếu.',
  documentTranslation:
    'Nếu giấy tờ không bằng tiếng Việt, nộp kèm bản dịch sang tiếng Việt có chứng thực.',
  documentLegalisation:
    'Giấy tờ do cơ quan nước ngoài cấp phải được hợp pháp hóa lãnh sự, trừ trường hợp được miễn theo điều ước quốc tế.',
  documentForm: {
    original: 'Bản chính',
    copy: 'Bản sao',
    'certified-copy': 'Bản sao có chứng thực',
    electronic: 'Bản điện tử',
  },
  documentCopies: (n) => `Số lượng: ${n}`,
  documentRequired: 'Bắt buộc',
  documentOptional: 'Không bắt buộc',
  documentAccept: (types) => `Định dạng được nhận: ${types}`,
  documentMaxSize: (size) => `Dung lượng tối đa: ${size}`,
  reviewDocumentsHeading: 'Giấy tờ kèm theo',
  reviewDeskHeading: 'Mang bản chính đến nơi nộp',
  reviewFile: (name, size) => `${name} (${size})`,
  noFileChosen: 'Chưa chọn tệp',
  submittedHeading: 'Đã gửi hồ sơ',
  submittedBody: 'Cơ quan giải quyết đã nhận hồ sơ của bạn.',
  submitFailedHeading: 'Chưa gửi được hồ sơ',
  submitFailedBody:
    'Rất tiếc, hồ sơ chưa gửi được. Các câu trả lời của bạn vẫn còn trên trang này. Bạn vui lòng thử gửi lại sau ít phút.',
  unnamedProblem: 'Thông tin chưa hợp lệ',
};

const en: FormMessages = {
  loading: 'Loading the form…',
  loadFailedHeading: 'The form could not be loaded',
  loadFailedBody: 'Sorry, this form cannot be used at the moment. Nothing has been sent.',
  loadFailedWhatToDo:
    'Please try again in a few minutes. If it still does not work, contact the agency or apply in person at the one-stop shop (Bộ phận Một cửa).',
  retry: 'Try again',
  progress: FIRST_PAGE_MESSAGES.en.progress,
  summaryForQuestion: (message, question) => `${message} (question: ${question})`,
  summaryForItem,
  back: 'Back',
  continue: 'Continue',
  submit: 'Send application',
  submitting: 'Sending your application…',
  errorSummaryHeading: 'There is a problem',
  errorPrefix: 'Error: ',
  eligibilityStepTitle: 'Check you can apply',
  ineligibleHeading: 'You cannot apply online for this',
  ineligibleIntro: 'Based on your answers:',
  remedyLabel: 'What you can do: ',
  changeAnswers: 'Change your answers',
  reviewHeading: 'Check your answers',
  reviewIntro: 'Please check your answers before you send your application.',
  change: 'Change',
  notAnswered: 'Not answered',
  yes: 'Yes',
  no: 'No',
  itemHeading: (itemLabel, n) => `${itemLabel} ${n}`,
  feeHeading: 'Fees',
  feeItem: 'Item',
  feeAmount: 'Amount',
  feeQuantity: (quantity, unitAmount) => `${quantity} × ${unitAmount}`,
  feeReduction: (label, percent) =>
    percent >= 100
      ? `Exempt: ${label}`
      : percent > 0
        ? `${formatPercent(percent, 'en')}% reduction: ${label}`
        : `Reduction: ${label}`,
  feeTotal: 'Total',
  noFee: 'You do not have to pay a fee.',
  declarationHeading: 'Declaration',
  declarationLabel: 'I have read and agree with the declaration above',
  declarationRequired: 'Tick the declaration box to send your application',
  applicantConfirmLabel: 'The applicant has heard the declaration above and agrees',
  helperDeclarationLabel:
    'I have read the whole application back to the applicant and the applicant has agreed',
  helperDeclarationRequired:
    'The helper must confirm they have read the whole application back to the applicant',
  assistedNote: (helper) =>
    `This form is being filled in with the help of ${helper}, together with the applicant. The helper should read every answer back to the applicant before sending.`,
  documentHeading: 'Document to provide',
  documentWillUpload: 'You will provide this document here.',
  documentAtDesk: 'No upload: bring this document when you hand in the application, to be checked.',
  documentTranslation:
    'If the document is not in Vietnamese, add a certified Vietnamese translation.',
  documentLegalisation:
    'A document issued by a foreign authority must be consular-legalised, unless a treaty exempts it.',
  documentForm: {
    original: 'Original',
    copy: 'Copy',
    'certified-copy': 'Certified copy',
    electronic: 'Electronic copy',
  },
  documentCopies: (n) => `Number of copies: ${n}`,
  documentRequired: 'Required',
  documentOptional: 'Optional',
  documentAccept: (types) => `Accepted formats: ${types}`,
  documentMaxSize: (size) => `Maximum size: ${size}`,
  reviewDocumentsHeading: 'Documents',
  reviewDeskHeading: 'Bring the originals to the office',
  reviewFile: (name, size) => `${name} (${size})`,
  noFileChosen: 'No file chosen',
  submittedHeading: 'Application sent',
  submittedBody: 'The agency has received your application.',
  submitFailedHeading: 'Your application has not been sent',
  submitFailedBody:
    'Sorry, your application could not be sent. Your answers are still on this page. Please try again in a few minutes.',
  unnamedProblem: 'This information is not valid',
};

export const FORM_MESSAGES: Record<Lang, FormMessages> = { vi, en };

export function formMessages(lang: Lang): FormMessages {
  return FORM_MESSAGES[lang];
}
