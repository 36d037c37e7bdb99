/** The walking-network reasons of the OSM import report, as the Data panel shows them in each language. */
import { beforeAll, describe, expect, it } from 'vitest';
import i18n from '../../src/i18n';
import { footWayDecision } from '../../src/engine/presets/foot-profile';
import { osmReasonText } from '../../src/ui/data/osm-reason';

/** Tag sets reaching every branch of footWayDecision that leaves a way out. */
const LEFT_OUT: Record<string, string>[] = [
  { route: 'ferry' },
  { building: 'yes' },
  { highway: 'construction' },
  { highway: 'residential', foot: 'no' },
  { highway: 'residential', access: 'private' },
  { highway: 'motorway' },
  { highway: 'trunk', motorroad: 'yes' },
  { highway: 'primary', motorroad: 'yes' },
  { highway: 'bus_stop' },
];
/** A reason that is a tag alone (`foot=no`) needs no words in any language. */
const isPlainTag = (r: string) => /^[^\s=]+=[^\s]+$/.test(r);

describe('osmReasonText', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('zh');
  });

  it('says every reason a way is left out in Chinese, the tag kept as it is', () => {
    const reasons = LEFT_OUT.map((tags) => footWayDecision(tags))
      .filter((d) => !d.walkable)
      .map((d) => d.reason);
    expect(reasons).toHaveLength(LEFT_OUT.length);
    for (const reason of [...reasons, 'nodes missing from the file', 'outside the area']) {
      const text = osmReasonText(i18n.t, reason);
      if (isPlainTag(reason)) expect(text).toBe(reason);
      else {
        expect(text, reason).not.toBe(reason);
        expect(text, reason).toMatch(/[\u4e00-\u9fff]/);
        const tag = /^(\S+=\S+)/.exec(reason)?.[1];
        if (tag) expect(text).toContain(tag);
      }
    }
    expect(osmReasonText(i18n.t, 'highway=motorway without foot access')).toBe('highway=motorway（无步行许可）');
  });

  it('gives the English reason back in English and an unknown shape as it is', async () => {
    await i18n.changeLanguage('en');
    for (const r of ['highway=motorway without foot access', 'highway=raceway is never walkable', 'no highway tag', 'something <b>new</b>'])
      expect(osmReasonText(i18n.t, r)).toBe(r);
  });
});
