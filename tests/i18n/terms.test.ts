/**
 * One idea, one Chinese term: 城市社区 (never 城镇社区 or 城镇), 示例 (never 样例), 医疗卫生 (never
 * 卫生服务) in every Chinese UI string and preset label; and the Chinese enumeration comma "、" never
 * in English UI text.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/en';
import zhCN from '../../src/i18n/zh-CN';
import { PRESETS } from '../../src/engine/presets';

/** Every string leaf with its key path. */
function leaves(o: unknown, path = ''): [string, string][] {
  if (typeof o === 'string') return [[path, o]];
  if (o && typeof o === 'object') return Object.entries(o).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [];
}

const BANNED_ZH: [RegExp, string][] = [
  [/城镇/, '城市 / 城市社区'],
  [/样例/, '示例'],
  [/卫生服务/, '医疗卫生'],
];

describe('Chinese terms', () => {
  const zhStrings: [string, string][] = [
    ...leaves(zhCN),
    ...PRESETS.flatMap((p) => [
      [`preset ${p.id}`, p.label.zh] as [string, string],
      ...p.settings.categories.map((c) => [`preset ${p.id} ${c.id}`, c.label.zh] as [string, string]),
    ]),
  ];

  it('uses one term per idea in the zh UI strings and preset labels', () => {
    expect(zhStrings.length).toBeGreaterThan(100);
    const bad = zhStrings.flatMap(([key, s]) => BANNED_ZH.filter(([re]) => re.test(s)).map(([, use]) => `${key}: "${s}" (use ${use})`));
    expect(bad).toEqual([]);
  });

  it('uses 示例 and 城市社区 in the zh strings of the CLI and readers', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
      });
    const bad = [...files('src/cli'), ...files('src/io')].flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/样例|城镇社区/.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(bad).toEqual([]);
  });

  it('never puts the Chinese enumeration comma in English text', () => {
    const bad = leaves(en).filter(([, s]) => s.includes('、'));
    expect(bad).toEqual([]);
    expect(leaves(en).length).toBe(leaves(zhCN).length);
  });
});
