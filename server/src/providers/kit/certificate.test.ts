import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { certificatePdf, certificatePng } from '../../sandbox/octamile/octamile-certificate-files.ts';
import { sniffCertificateType } from './certificate.ts';

describe('sniffCertificateType', () => {
  it('reads PNG, JPEG and PDF from their first bytes, and nothing else', () => {
    assert.equal(sniffCertificateType(certificatePng('a'.repeat(32))), 'image/png');
    assert.equal(sniffCertificateType(certificatePdf('a'.repeat(32), '2026-01-01 00:00:00')), 'application/pdf');
    assert.equal(sniffCertificateType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])), 'image/jpeg');
    assert.equal(sniffCertificateType(new TextEncoder().encode('<html>')), null);
    assert.equal(sniffCertificateType(new Uint8Array([])), null);
  });

  it('makes a PDF whose cross-reference offsets point at its objects', () => {
    const pdf = certificatePdf('b'.repeat(32), '2026-01-01 00:00:00').toString('latin1');
    const startxref = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    assert.ok(pdf.startsWith('xref', startxref));
    const offsets = [...pdf.matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    offsets.forEach((offset, index) => assert.ok(pdf.startsWith(`${index + 1} 0 obj`, offset)));
  });
});
