import { describe, expect, it } from 'vitest';
import { NINGBO } from '../../src/engine/presets';
import { deepFreeze } from '../helpers/fixtures';
import { mapCategory, matchKeywords } from '../../src/io/category-mapping';

const cats = NINGBO.settings.categories;
const map = (props: Record<string, unknown>, field?: string) =>
  mapCategory(deepFreeze(props), cats, field ? { categoryField: field } : undefined);

describe('mapCategory', () => {
  it('takes an exact category id first (case and spaces ignored)', () => {
    expect(map({ category: 'clinic', name: '幼儿园' })).toBe('clinic');
    expect(map({ category: ' Sports ' })).toBe('sports');
    expect(map({ type: 'culture' })).toBe('culture');
  });

  it('then OSM tags, exact values before key=*', () => {
    expect(map({ amenity: 'kindergarten', name: 'Sunshine' })).toBe('childcare');
    expect(map({ leisure: 'fitness_station' })).toBe('sports');
    expect(map({ shop: 'supermarket' })).toBe('convenience');
    expect(map({ healthcare: 'dentist' })).toBe('clinic');
    expect(map({ healthcare: 'yes', amenity: 'library' })).toBe('culture');
    expect(map({ healthcare: 'no' })).toBeNull();
  });

  it('then keywords in the usual fields, the longest keyword winning', () => {
    expect(map({ name: '江北区社区卫生服务中心' })).toBe('clinic'); // not 服务中心 (convenience)
    expect(map({ name: '庄桥街道便民服务中心' })).toBe('convenience');
    expect(map({ name: '李家村文化礼堂' })).toBe('culture');
    expect(map({ name: '幸福社区老年食堂' })).toBe('canteen');
    expect(map({ name: '阳光托育服务点' })).toBe('childcare');
    expect(map({ name: '村卫生室' })).toBe('clinic');
    expect(map({ type: '健身路径' })).toBe('sports');
    expect(map({ name: 'City Public Library' })).toBe('culture');
    expect(map({ name: 'Riverside Doctors' })).toBe('clinic');
  });

  it('matches Latin keywords as whole words only', () => {
    expect(map({ name: 'Transport depot' })).toBeNull(); // contains "sport"
    expect(map({ type: 'sports_centre' })).toBe('sports');
    expect(matchKeywords('Gymnasium Nord', cats)).toBeNull(); // "gym" is not a word here
    expect(matchKeywords('the gym', cats)).toBe('sports');
  });

  it('uses only the chosen field when one is given', () => {
    expect(map({ 设施类型: '托儿所', name: '卫生院' }, '设施类型')).toBe('childcare');
    expect(map({ 设施类型: 'childcare' }, '设施类型')).toBe('childcare');
    expect(map({ 设施类型: '银行', name: '卫生院' }, '设施类型')).toBeNull();
  });

  it('returns null when nothing matches', () => {
    expect(map({})).toBeNull();
    expect(map({ name: 'Bank of Ningbo', amenity: 'bank' })).toBeNull();
    expect(map({ category: 42 })).toBeNull();
  });
});
