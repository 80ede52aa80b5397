// What the birth-registration journey types and uploads (journey.engines.ts, run in each
// engine), beside the helpers that enter it.

/** A small but complete PDF 1.4 (one empty A4 page), as a scanner would write it. */
export function smallPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Today in Vietnam (UTC+7) minus `days`, as `dd/mm/yyyy` (how the date fields are typed). */
export function vnDaysAgo(days: number): string {
  const d = new Date(Date.now() + 7 * 3600 * 1000 - days * 86400 * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

export const PHONE = '0912345678';
export const PERSONAL_ID = '001195012345';

/** The delivery by post every journey signs: the recipient as typed, the demo's postage. */
export const POST_DELIVERY = {
  method: 'post',
  recipient: {
    fullName: 'Nguyễn Thị Lan',
    phone: PHONE,
    address: { province: '01', commune: '00004', street: 'Số 12 phố Đội Cấn' },
  },
  postage: 25000,
};

/** One thing a person does on a page of the form; every journey test drives it its own way. */
export type Step =
  | { choose: string; label: string }
  | { type: string; text: string }
  | { select: string; value: string }
  | { address: string; province: string; commune: string; street?: string }
  | { continueTo: string };

/**
 * The birth-registration page from the eligibility questions to "Giấy tờ cần nộp": the mother
 * registers the birth of a child born 10 days ago in a Hà Nội hospital.
 */
export function birthRegistrationSteps(): Step[] {
  return [
    { choose: 'eligibility.alreadyRegistered', label: 'Chưa đăng ký' },
    { choose: 'eligibility.bornInVietnam', label: 'Có' },
    { choose: 'eligibility.foreignParent', label: 'Không' },
    { choose: 'eligibility.fatherStatus', label: 'Chưa xác định được cha của trẻ' },
    { continueTo: 'Người đi đăng ký khai sinh' },
    { select: 'requester.relationship', value: 'mother' },
    { type: 'requester.fullName', text: 'Nguyễn Thị Lan' },
    { type: 'requester.personalId', text: PERSONAL_ID },
    { type: 'requester.phone', text: '0912 345 678' },
    { continueTo: 'Thông tin của trẻ' },
    { type: 'child.fullName', text: 'Nguyễn Minh An' },
    { type: 'child.birthDate', text: vnDaysAgo(10) },
    { choose: 'child.sex', label: 'Nam' },
    { select: 'child.ethnicity', value: '01' },
    { choose: 'child.placeOfBirthType', label: 'Tại bệnh viện' },
    { type: 'child.healthFacility', text: 'Bệnh viện Phụ sản Hà Nội' },
    {
      address: 'child.placeOfBirth',
      province: '01',
      commune: '00008',
      street: 'Số 929 đường La Thành',
    },
    { address: 'child.hometown', province: '01', commune: '00004' },
    { continueTo: 'Thông tin của cha, mẹ' },
    { type: 'mother.fullName', text: 'Nguyễn Thị Lan' },
    { type: 'mother.birthDate', text: '15/03/1995' },
    { select: 'mother.ethnicity', value: '01' },
    { type: 'mother.personalId', text: PERSONAL_ID },
    { address: 'mother.residence', province: '01', commune: '00004', street: 'Số 12 phố Đội Cấn' },
    { continueTo: 'Giấy tờ cần nộp' },
  ];
}

/** Runs the steps with a journey test's own actions. */
export async function perform(
  steps: Step[],
  act: {
    choose(path: string, label: string): Promise<void>;
    type(path: string, text: string): Promise<void>;
    select(path: string, value: string): Promise<void>;
    address(path: string, province: string, commune: string, street?: string): Promise<void>;
    continueTo(heading: string): Promise<void>;
  },
): Promise<void> {
  for (const step of steps) {
    if ('choose' in step) await act.choose(step.choose, step.label);
    else if ('type' in step) await act.type(step.type, step.text);
    else if ('select' in step) await act.select(step.select, step.value);
    else if ('address' in step)
      await act.address(step.address, step.province, step.commune, step.street);
    else await act.continueTo(step.continueTo);
  }
}
