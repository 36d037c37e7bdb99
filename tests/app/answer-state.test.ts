import { describe, expect, it } from 'vitest';
import { answerState } from '../../src/app/answer-state';
import type { FeatureCollection } from 'geojson';
import type { AppState } from '../../src/app/store';

const fc = (n: number): FeatureCollection => ({
  type: 'FeatureCollection',
  features: Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'Point', coordinates: [121.5 + i * 0.01, 29.8] },
  })),
});
const data = { source: 'user' as const, roads: null, communities: fc(2), facilities: fc(1) } satisfies AppState['data'];
const coverage = {} as AppState['coverage'];
const base = { data, status: 'ready' as const, job: null, error: null, coverage };

describe('answer state: figures only when they are current', () => {
  it('shows the figures when the analysis is done', () => {
    expect(answerState(base)).toBe('ready');
  });
  it('hides the figures while data loads or the analysis runs, even when old figures exist', () => {
    expect(answerState({ ...base, status: 'loading' })).toBe('loading');
    expect(answerState({ ...base, job: { stage: 'travel', fraction: 0.5 } })).toBe('running');
  });
  it('says why there is no answer: nothing loaded, no communities, not computed, failed', () => {
    expect(answerState({ ...base, data: null, coverage: null, status: 'idle' })).toBe('noData');
    expect(answerState({ ...base, data: { ...data, communities: fc(0) }, coverage: null })).toBe('noCommunities');
    expect(answerState({ ...base, coverage: null })).toBe('pending');
    expect(answerState({ ...base, coverage: null, error: 'worker crashed', status: 'error' })).toBe('error');
  });
});
