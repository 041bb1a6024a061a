import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../src/adapters/documents/decode-text.ts';

describe('decodeText', () => {
  it('decodes UTF-8', () => {
    expect(decodeText(Buffer.from('ФИО: Иванов'))).toBe('ФИО: Иванов');
  });

  it('falls back to windows-1251 when the bytes are not UTF-8', () => {
    expect(decodeText(Buffer.from([0xd4, 0xc8, 0xce, 0x3a, 0x20, 0xc8, 0xe2, 0xe0, 0xed, 0xee, 0xe2]))).toBe('ФИО: Иванов');
  });

  it('refuses binary data', () => {
    expect(decodeText(Buffer.from([0x41, 0x00, 0x42]))).toBeUndefined();
    expect(decodeText(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 0x41]))).toBeUndefined();
  });
});
