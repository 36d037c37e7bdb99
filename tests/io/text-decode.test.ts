import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, isValidUtf8 } from '../../src/io/text-decode';
import { mulberry32 } from '../../src/engine/prng';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('reads UTF-8 without and with a BOM, dropping the BOM', () => {
    expect(decodeText(utf8('名称,lon\n'))).toEqual({ text: '名称,lon\n', encoding: 'utf-8' });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('名称,lon')]);
    const copy = withBom.slice(); // typed arrays cannot be frozen: check the input is untouched instead
    expect(decodeText(withBom)).toEqual({ text: '名称,lon', encoding: 'utf-8' });
    expect(withBom).toEqual(copy);
  });

  it('reads GBK text (as Chinese Excel saves it) as GB18030', () => {
    const text = '名称,经度,纬度\r\n鄞州区社区卫生服务中心,121.55,29.87\r\n';
    const bytes = new Uint8Array(iconv.encode(text, 'gbk'));
    expect(isValidUtf8(bytes)).toBe(false);
    expect(decodeText(bytes)).toEqual({ text, encoding: 'gb18030' });
  });

  it('decodes seeded random GB2312 text exactly as iconv-lite does', () => {
    const rand = mulberry32(7);
    for (let t = 0; t < 50; t++) {
      const bytes: number[] = [];
      for (let i = 0; i < 12; i++) {
        if (rand() < 0.2) bytes.push(0x2c); // ASCII comma between words
        bytes.push(0xb0 + Math.floor(rand() * 39), 0xa1 + Math.floor(rand() * 94));
      }
      const u8 = new Uint8Array(bytes);
      const got = decodeText(u8);
      expect(got.encoding).toBe('gb18030');
      expect(got.text).toBe(iconv.decode(Buffer.from(u8), 'gbk'));
      expect(got.text).not.toContain('\uFFFD');
    }
  });

  it('reads UTF-16 with a byte-order mark (Excel "Unicode text")', () => {
    const le = new Uint8Array([0xff, 0xfe, ...iconv.encode('经度\t纬度', 'utf-16le')]);
    expect(decodeText(le)).toEqual({ text: '经度\t纬度', encoding: 'utf-16le' });
  });

  it('treats empty and ASCII input as UTF-8', () => {
    expect(decodeText(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8' });
    expect(decodeText(utf8('lon,lat'))).toEqual({ text: 'lon,lat', encoding: 'utf-8' });
  });
});
