/**
 * The sandbox's checks of the claim images, as the doc states them: "base64-encoded …
 * Supported formats: JPEG, PNG, WEBP. Maximum payload size: 10MB per image."
 */
export const IMAGE_MAX_BYTES = 10 * 1024 * 1024;
export const IMAGE_FIELDS = ['invoice', 'front_panel'] as const;

export type ImageCheck = { ok: true; bytes: number } | { ok: false; status: 400 | 413 | 415; code: string; message: string };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function imageType(head: Buffer): string | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

export function checkImage(field: string, value: unknown): ImageCheck {
  if (typeof value !== 'string' || value.length === 0)
    return { ok: false, status: 400, code: 'missing_image', message: `images.${field} is required (base64)` };
  if (value.length % 4 !== 0 || !BASE64.test(value))
    return { ok: false, status: 400, code: 'invalid_base64', message: `images.${field} is not valid base64` };
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  const bytes = (value.length / 4) * 3 - padding;
  if (bytes > IMAGE_MAX_BYTES) return { ok: false, status: 413, code: 'image_too_large', message: `images.${field} is larger than 10MB` };
  // The first 16 characters decode to the first 12 bytes: enough to tell the format.
  if (!imageType(Buffer.from(value.slice(0, 16), 'base64')))
    return { ok: false, status: 415, code: 'unsupported_image_type', message: `images.${field} must be JPEG, PNG or WEBP` };
  return { ok: true, bytes };
}
