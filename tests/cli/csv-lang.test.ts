/**
 * coverage.csv in the reader's language: `analyze --lang zh` writes Chinese headers (社区,
 * 步行时间（分钟）…) and values (城市社区, category names joined by 、), `--csv-codes` keeps the codes
 * as a second header row, `--lang en` has no Chinese list mark, and a bad --lang is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeGrid } from '../helpers/run-cli';

const lines = (dir: string) => {
  const csv = readFileSync(join(dir, 'coverage.csv'), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  return csv.slice(1).split('\r\n').filter(Boolean);
};
const CODES =
  'id,name,kind,population,missing,t_clinic_min,t_canteen_min,t_childcare_min,t_sports_min,t_culture_min,t_convenience_min,cov_clinic,cov_canteen,cov_childcare,cov_sports,cov_culture,cov_convenience';

describe('coverage.csv language (grid-3x3 fixture)', () => {
  it('--lang zh --csv-codes: Chinese header, the codes as the second row, Chinese kind and category names', async () => {
    const { dir, code } = await analyzeGrid(['--lang', 'zh', '--csv-codes']);
    expect(code).toBe(0);
    const [header, codes, ne] = lines(dir);
    const cells = header!.split(',');
    expect(cells.slice(0, 5)).toEqual(['社区编号', '社区', '社区类型', '常住人口', '缺少的类别']);
    expect(cells[5]).toBe('医疗卫生步行时间（分钟）');
    expect(cells).toContain('医疗卫生覆盖比例（0–1）');
    expect(codes).toBe(CODES);
    // NE: urban, missing clinic, canteen, childcare, culture, convenience; 9.6 min to the clinic
    expect(ne).toMatch(/^NE,东北社区,城市社区,1000,医疗卫生、[^,]+、[^,]+、[^,]+、[^,]+,9\.6,/);
    expect(ne).not.toMatch(/urban|clinic/);
  });

  it('--lang en (the default): English header, no codes row, no Chinese list mark', async () => {
    const { dir } = await analyzeGrid();
    const rows = lines(dir);
    expect(rows).toHaveLength(1 + 3);
    expect(rows[0]!.split(',').slice(0, 6)).toEqual([
      'Community ID',
      'Community',
      'Community type',
      'Residents',
      'Missing categories',
      'Clinics: walking time (min)',
    ]);
    expect(rows[1]).toMatch(/^NE,东北社区,Urban community,1000,Clinics; /);
    expect(rows.join('\n')).not.toContain('、');
  });

  it('refuses an unknown --lang', async () => {
    const { code, stderr } = await analyzeGrid(['--lang', 'fr']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/--lang: expected en or zh, got "fr"/);
  });
});
