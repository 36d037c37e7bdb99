/**
 * Vite plugin: on a first visit the built index.html asks for the built-in sample's three files
 * (`data/sample/*.geojson`, 4 MB) with `<link rel="preload" as="fetch" crossorigin="anonymous">`, so
 * they download while the app's script loads and runs; the start's fetch() (src/app/load-sample.ts:
 * same URL, cors mode, same-origin credentials) then takes the preloaded responses. Without it the
 * download began only once the bundle had run (≈1.2 s into the first open in a software-rendered
 * 2-core VM). A small inline script adds the links only where no workspace was saved in this browser
 * (the flag of src/app/saved-flag.ts): a return visit restores its own files and downloads no sample.
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import { SAVED_FLAG } from '../src/app/saved-flag';

/** The sample's files, as the app imports them. */
const SAMPLE_DIR = path.join('data', 'sample');

/** The inline script that preloads `hrefs` unless a workspace was saved (any failure: no preload). */
function preloadScript(hrefs: string[]): string {
  return (
    `try{if(localStorage.getItem(${JSON.stringify(SAVED_FLAG)})!=='1')for(const h of ${JSON.stringify(hrefs)}){` +
    `const l=document.createElement('link');l.rel='preload';l.as='fetch';l.crossOrigin='anonymous';l.href=h;document.head.appendChild(l)}}catch{}`
  );
}

export function preloadSample(): Plugin {
  return {
    name: 'lifecircle-preload-sample',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const assets = Object.values(ctx.bundle ?? {}).filter(
          (a) =>
            a.type === 'asset' &&
            a.fileName.endsWith('.geojson') &&
            (a.originalFileNames ?? []).some((f) => path.normalize(f).startsWith(SAMPLE_DIR + path.sep)),
        );
        if (assets.length !== 3)
          throw new Error(`preload-sample: expected the sample's 3 GeoJSON files in the bundle, found ${assets.length}`);
        return [{ tag: 'script', children: preloadScript(assets.map((a) => `./${a.fileName}`)), injectTo: 'head-prepend' as const }];
      },
    },
  };
}
