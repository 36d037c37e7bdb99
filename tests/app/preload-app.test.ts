/**
 * index.html's preload of the app's chunk (scripts/vite-preload-app.ts): the dynamic import of
 * src/start-ui.tsx and its CSS download from the start, while the small entry begins the start; a
 * build where that chunk cannot be found fails instead of silently losing the preload. The built
 * index.html is checked by the browser tests, which open it.
 */
import { describe, expect, it } from 'vitest';
import type { IndexHtmlTransformContext, IndexHtmlTransformResult } from 'vite';
import { preloadApp } from '../../scripts/vite-preload-app';

const chunk = (fileName: string, facadeModuleId: string | null, css: string[] = []) => ({
  type: 'chunk',
  fileName,
  facadeModuleId,
  viteMetadata: { importedCss: new Set(css), importedAssets: new Set() },
});

function tags(bundle: Record<string, unknown>) {
  const hook = preloadApp().transformIndexHtml as {
    handler: (html: string, ctx: IndexHtmlTransformContext) => IndexHtmlTransformResult;
  };
  return hook.handler('', { bundle } as unknown as IndexHtmlTransformContext) as { tag: string; attrs: Record<string, unknown> }[];
}

describe('preloadApp', () => {
  it("preloads the app's chunk as a module and its CSS as a style, not the entry or other chunks", () => {
    const out = tags({
      a: chunk('assets/index-AAA.js', '/repo/src/main.tsx'),
      b: chunk('assets/start-ui-BBB.js', '/repo/src/start-ui.tsx', ['assets/start-ui-CCC.css']),
      c: chunk('assets/highs-DDD.js', '/repo/node_modules/highs/build/highs.js'),
      d: chunk('assets/shared-EEE.js', null),
    });
    expect(out.map((t) => [t.tag, t.attrs.rel, t.attrs.as ?? null, t.attrs.href])).toEqual([
      ['link', 'modulepreload', null, './assets/start-ui-BBB.js'],
      ['link', 'preload', 'style', './assets/start-ui-CCC.css'],
    ]);
  });

  it('refuses to build without the chunk of src/start-ui.tsx', () => {
    expect(() => tags({ a: chunk('assets/index-AAA.js', '/repo/src/main.tsx') })).toThrow(
      /expected one chunk of src\/start-ui\.tsx, found 0/,
    );
  });
});
