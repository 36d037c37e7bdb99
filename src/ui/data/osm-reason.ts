/**
 * The import report's reasons for leaving a way out of the walking network, in the UI's language.
 * The report keeps them in English (the CLI writes them to `import-report.json`); they come in a few
 * shapes, matched here. A plain tag (`access=private`, `foot=no`) needs no words and stays as it is,
 * as does a reason of an unknown shape.
 */
import type { TFunction } from 'i18next';

const SHAPES: readonly { re: RegExp; key: string }[] = [
  { re: /^(.+) without foot access$/, key: 'osm.reason.noFootAccess' },
  { re: /^(.+) is never walkable$/, key: 'osm.reason.neverWalkable' },
  { re: /^(.+) is not in the walkable list$/, key: 'osm.reason.notWalkable' },
  { re: /^no highway tag$/, key: 'osm.reason.noHighway' },
  { re: /^route=ferry \(ferries off\)$/, key: 'osm.reason.ferriesOff' },
  { re: /^nodes missing from the file$/, key: 'osm.reason.missingNodes' },
  { re: /^outside the area$/, key: 'osm.reason.outside' },
];

/** One reason of the import report in the UI's language (the tag itself untranslated). */
export function osmReasonText(t: TFunction, reason: string): string {
  for (const { re, key } of SHAPES) {
    const m = re.exec(reason);
    if (m) return t(key, { tag: m[1] ?? '' });
  }
  return reason;
}
