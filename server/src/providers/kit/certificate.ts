/** Certificate files: their true type, read from their first bytes rather than trusted from a label. */
import type { CertificateFile } from '../types.ts';

/** The provider has no certificate for this policy yet (not approved, or approved without one). */
export class CertificateNotReadyError extends Error {
  override name = 'CertificateNotReadyError';
}

const SIGNATURES: [bytes: number[], type: CertificateFile['contentType']][] = [
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'image/png'],
  [[0xff, 0xd8, 0xff], 'image/jpeg'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'application/pdf'], // %PDF-
];

export function sniffCertificateType(content: Uint8Array): CertificateFile['contentType'] | null {
  const match = SIGNATURES.find(([bytes]) => bytes.every((byte, index) => content[index] === byte));
  return match ? match[1] : null;
}

export const CERTIFICATE_EXTENSIONS: Record<CertificateFile['contentType'], string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/pdf': 'pdf',
};
