import { describe, expect, it } from 'vitest';
import { pmtilesStyle } from '../../../src/app/basemap/pmtiles-style';
import { CJK_FONT_FAMILIES, PMTILES_SOURCE_ID, PMTILES_THEMES } from '../../../src/app/basemap/pmtiles-names';

const FONTS = {
  regularLatin: 'http://127.0.0.1/r.woff2',
  regularLatinExt: 'http://127.0.0.1/rx.woff2',
  mediumLatin: 'http://127.0.0.1/m.woff2',
  italicLatin: 'http://127.0.0.1/i.woff2',
};

/** Every string literal anywhere in a value (expressions included). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

describe('pmtilesStyle', () => {
  it('reads one pmtiles:// source, needs no glyph, sprite or other URL than the bundled fonts', () => {
    for (const theme of PMTILES_THEMES) {
      const style = pmtilesStyle('pmtiles://local-1', { theme: theme, language: 'en', opacity: 1 }, FONTS, '© OSM');
      expect(style.glyphs).toBeUndefined();
      expect(style.sprite).toBeUndefined();
      expect(style.sources).toEqual({ [PMTILES_SOURCE_ID]: { type: 'vector', url: 'pmtiles://local-1', attribution: '© OSM' } });
      const urls = strings(style).filter((s) => /^[a-z]+:\/\//.test(s));
      expect(new Set(urls)).toEqual(new Set(['pmtiles://local-1', ...Object.values(FONTS)]));
      for (const layer of style.layers) {
        expect(layer.id.startsWith('pmtiles-')).toBe(true);
        expect((layer as { source?: string }).source).toBe(PMTILES_SOURCE_ID);
        expect(Object.keys((layer as { layout?: object }).layout ?? {}).filter((k) => k.startsWith('icon-'))).toEqual([]);
      }
      // every Noto Sans face the labels ask for is declared (Latin drawn from the bundled files), but the system CJK families
      const fonts = new Set(
        strings(style.layers.map((l) => (l as { layout?: Record<string, unknown> }).layout?.['text-font'] ?? [])).filter((s) =>
          s.startsWith('Noto Sans '),
        ),
      );
      for (const f of fonts)
        if (!f.includes('Devanagari') && !CJK_FONT_FAMILIES.includes(f)) expect(Object.keys(style['font-faces'] ?? {})).toContain(f);
    }
  });

  it('labels in Simplified Chinese for the zh UI and in English for the en UI', () => {
    const zh = strings(pmtilesStyle('pmtiles://k', { theme: 'light', language: 'zh', opacity: 1 }, FONTS, '').layers);
    const en = strings(pmtilesStyle('pmtiles://k', { theme: 'light', language: 'en', opacity: 1 }, FONTS, '').layers);
    expect(zh).toContain('name:zh-Hans');
    expect(en).not.toContain('name:zh-Hans');
    expect(en).toContain('name:en');
  });

  it('draws the three themes in different colours', () => {
    const bg = (theme: (typeof PMTILES_THEMES)[number]) =>
      JSON.stringify(
        pmtilesStyle('pmtiles://k', { theme: theme, language: 'en', opacity: 1 }, FONTS, '').layers.find((l) => l.id === 'pmtiles-earth')
          ?.paint,
      );
    expect(new Set(PMTILES_THEMES.map(bg)).size).toBe(3);
  });
});

describe('pmtilesStyle opacity', () => {
  it('scales every constant fill, line and text opacity and keeps expression opacities', () => {
    const full = pmtilesStyle('pmtiles://k', { theme: 'light', language: 'en', opacity: 1 }, FONTS, '').layers;
    const half = pmtilesStyle('pmtiles://k', { theme: 'light', language: 'en', opacity: 0.5 }, FONTS, '').layers;
    const prop = { fill: 'fill-opacity', line: 'line-opacity', symbol: 'text-opacity' } as Record<string, string>;
    let scaled = 0;
    full.forEach((layer, i) => {
      const p = prop[layer.type];
      if (!p) return;
      const a = (layer as { paint?: Record<string, unknown> }).paint?.[p];
      const b = (half[i] as { paint?: Record<string, unknown> }).paint?.[p];
      if (typeof a === 'number') {
        expect(b).toBeCloseTo(a * 0.5, 12);
        scaled++;
      } else expect(b).toEqual(a);
    });
    expect(scaled).toBeGreaterThan(20);
  });
});

describe('pmtilesStyle Chinese labels', () => {
  it("ends every label's font stack with the system CJK families, after the bundled Latin face", () => {
    for (const language of ['zh', 'en'] as const) {
      const style = pmtilesStyle('pmtiles://k', { theme: 'light', language, opacity: 1 }, FONTS, '');
      const symbols = style.layers.filter((l) => l.type === 'symbol');
      expect(symbols.length).toBeGreaterThan(5);
      for (const layer of symbols) {
        const font = (layer as { layout?: Record<string, unknown> }).layout?.['text-font'];
        // the stacks: a plain stack, or each ['literal', stack] of an expression
        const stacks: unknown[][] = [];
        const collect = (v: unknown) => {
          if (!Array.isArray(v)) return;
          if (v[0] === 'literal' && Array.isArray(v[1])) stacks.push(v[1] as unknown[]);
          else if (v.every((x) => typeof x === 'string') && v !== font) return;
          else v.forEach(collect);
        };
        if (Array.isArray(font) && font.every((x) => typeof x === 'string')) stacks.push(font);
        else collect(font);
        expect(stacks.length, layer.id).toBeGreaterThan(0);
        for (const stack of stacks) {
          expect(stack.slice(-CJK_FONT_FAMILIES.length), layer.id).toEqual([...CJK_FONT_FAMILIES]);
          expect(Object.keys(style['font-faces'] ?? {}), layer.id).toContain(stack[0]);
        }
      }
    }
  });
});
