import { describe, expect, it } from 'vitest';
import { evidenceTypeOf } from './file-type.js';

const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n', 'latin1');
const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml....word/document.xml')]);

describe('evidenceTypeOf', () => {
  it('reads photos, PDF and DOCX from their first bytes when the extension agrees', () => {
    expect(evidenceTypeOf(png, 'anh.PNG')?.contentType).toBe('image/png');
    expect(evidenceTypeOf(jpeg, 'hoi-nghi.jpg')?.contentType).toBe('image/jpeg');
    expect(evidenceTypeOf(jpeg, 'hoi-nghi.jpeg')?.contentType).toBe('image/jpeg');
    expect(evidenceTypeOf(webp, 'pano.webp')?.contentType).toBe('image/webp');
    expect(evidenceTypeOf(pdf, 'bao-cao.pdf')?.contentType).toBe('application/pdf');
    expect(evidenceTypeOf(docx, 'bai-viet.docx')?.contentType).toContain('wordprocessingml');
  });

  it('refuses a file whose content is not what its name says (a text renamed .png, a PDF named .jpg)', () => {
    expect(evidenceTypeOf(Buffer.from('<svg onload="alert(1)"/>'), 'anh.png')).toBeNull();
    expect(evidenceTypeOf(Buffer.from('xin chào'), 'ghi-chu.txt')).toBeNull();
    expect(evidenceTypeOf(pdf, 'anh.jpg')).toBeNull();
    expect(evidenceTypeOf(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'tep.docx')).toBeNull();
    expect(evidenceTypeOf(png, 'anh')).toBeNull();
    expect(evidenceTypeOf(Buffer.alloc(0), 'rong.png')).toBeNull();
  });
});
