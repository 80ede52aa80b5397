/**
 * Resizes and re-encodes a portrait photo in the browser to the size a procedure asks for
 * (`DocumentSpec.photo`), so a 12-megapixel phone photo becomes a small, upright JPEG before it
 * is hashed and sent. `imageOrientation: 'from-image'` applies the EXIF orientation, so a photo
 * taken with the phone held sideways is not stored lying down.
 */

export interface PhotoSpec {
  width: number;
  height: number;
  mimeType?: 'image/jpeg' | 'image/png';
}

/** JPEG quality: portraits for ID documents need detail in the face more than small files. */
const JPEG_QUALITY = 0.9;

/**
 * The photo scaled to cover `width`×`height` and cropped to the centre, re-encoded as
 * `mimeType` (JPEG by default). Rejects when the browser cannot decode the image (e.g. HEIC in
 * Chromium); callers then keep the original.
 */
export async function resizePhoto(file: Blob, spec: PhotoSpec): Promise<Blob> {
  const type = spec.mimeType ?? 'image/jpeg';
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const scale = Math.max(spec.width / bitmap.width, spec.height / bitmap.height);
    const sw = spec.width / scale;
    const sh = spec.height / scale;
    const sx = (bitmap.width - sw) / 2;
    const sy = (bitmap.height - sh) / 2;
    const quality = type === 'image/jpeg' ? JPEG_QUALITY : undefined;
    if (typeof OffscreenCanvas === 'function') {
      const canvas = new OffscreenCanvas(spec.width, spec.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      draw(ctx, bitmap, sx, sy, sw, sh, spec, type);
      return await canvas.convertToBlob({ type, quality });
    }
    const canvas = document.createElement('canvas');
    canvas.width = spec.width;
    canvas.height = spec.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    draw(ctx, bitmap, sx, sy, sw, sh, spec, type);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode failed'))), type, quality),
    );
  } finally {
    bitmap.close();
  }
}

function draw(
  ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D,
  bitmap: ImageBitmap,
  sx: number,
  sy: number,
  sw: number,
  sh: number,
  spec: PhotoSpec,
  type: string,
): void {
  // JPEG has no transparency: a transparent PNG portrait gets a white, not black, background.
  if (type === 'image/jpeg') {
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, spec.width, spec.height);
  }
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, sx, sy, sw, sh, 0, 0, spec.width, spec.height);
}

/** The file name with its extension changed to the re-encoded type's. */
export function renamePhoto(name: string, type: 'image/jpeg' | 'image/png'): string {
  const ext = type === 'image/png' ? 'png' : 'jpg';
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name}.${ext}`;
}
