/**
 * index.html's preload of the built-in sample (scripts/vite-preload-sample.ts): on a first visit the
 * three files are asked for as `fetch` preloads (cors, so the app's fetch() takes them); where a
 * workspace was saved (the start's flag), nothing is downloaded. The inline script runs here against
 * a stand-in for localStorage and document.
 */
import { describe, expect, it } from 'vitest';
import type { IndexHtmlTransformContext, IndexHtmlTransformResult } from 'vite';
import { preloadSample } from '../../scripts/vite-preload-sample';
import { SAVED_FLAG } from '../../src/app/saved-flag';

const asset = (fileName: string, original: string) => ({ type: 'asset', fileName, originalFileNames: [original] });
const bundle = {
  a: asset('assets/roads-AAA.geojson', 'data/sample/roads.geojson'),
  b: asset('assets/communities-BBB.geojson', 'data/sample/communities.geojson'),
  c: asset('assets/facilities-CCC.geojson', 'data/sample/facilities.geojson'),
  d: asset('assets/other-DDD.geojson', 'tests/fixtures/other.geojson'),
  e: { type: 'chunk', fileName: 'assets/index.js' },
};

function inlineScript(b: Record<string, unknown>): string {
  const hook = preloadSample().transformIndexHtml as {
    handler: (html: string, ctx: IndexHtmlTransformContext) => IndexHtmlTransformResult;
  };
  const tags = hook.handler('', { bundle: b } as unknown as IndexHtmlTransformContext) as { tag: string; children: string }[];
  expect(tags.map((t) => t.tag)).toEqual(['script']);
  return tags[0]!.children;
}

/** Runs the inline script with `flag` stored; returns the links it added. */
function run(script: string, flag: string | null): Record<string, string>[] {
  const links: Record<string, string>[] = [];
  const localStorage = { getItem: (k: string) => (k === SAVED_FLAG ? flag : null) };
  const document = {
    createElement: () => ({}) as Record<string, string>,
    head: { appendChild: (l: Record<string, string>) => links.push(l) },
  };
  new Function('localStorage', 'document', script)(localStorage, document);
  return links;
}

describe('preloadSample', () => {
  it('preloads the three sample files as cors fetches on a first visit, and nothing where a workspace was saved', () => {
    const script = inlineScript(bundle);
    const links = run(script, null);
    expect(links.map((l) => l.href).sort()).toEqual([
      './assets/communities-BBB.geojson',
      './assets/facilities-CCC.geojson',
      './assets/roads-AAA.geojson',
    ]);
    for (const l of links) expect([l.rel, l.as, l.crossOrigin]).toEqual(['preload', 'fetch', 'anonymous']);
    expect(run(script, '1')).toEqual([]);
  });

  it('refuses to build without the sample files (a moved sample would silently lose the preload)', () => {
    expect(() => inlineScript({ d: bundle.d })).toThrow(/expected the sample's 3 GeoJSON files in the bundle, found 0/);
  });
});
