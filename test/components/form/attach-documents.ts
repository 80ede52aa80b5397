import type { DvcForm } from '../../../components/form/form.js';
import type { DvcUpload } from '../../../components/upload/upload.js';

/**
 * Gives every required, empty document upload a file, as a person picking one would (the file
 * picker itself cannot be driven in a headless browser); documents.test.ts covers choosing.
 */
export function attachDocuments(el: DvcForm): void {
  for (const up of el.querySelectorAll<DvcUpload>(':scope > dvc-upload')) {
    if (!up.required || up.documents.length > 0) continue;
    const file = new File(['%PDF-1.4\n%%EOF\n'], 'giay-to.pdf', { type: 'application/pdf' });
    up.value = [
      {
        slot: up.name,
        name: file.name,
        type: file.type,
        size: file.size,
        sha256: 'a'.repeat(64),
        file,
      },
    ];
  }
}
