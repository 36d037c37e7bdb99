/**
 * Load-report lists for the Data panel: skipped features, warnings, CRS suggestions, unmapped
 * category values, and the skipped-feature table as CSV. Pure functions of the report.
 */
import type { Problem } from '../../engine/model';
import type { CrsId } from '../../io/crs';
import { writeCsv } from '../../io/csv-write';

/** Features skipped (errors naming a feature: index ≥ 0), in file order. */
export function skippedFeatures(errors: readonly Problem[]): Problem[] {
  return errors.filter((e) => e.index >= 0).sort((a, b) => a.index - b.index);
}

/** Whole-file errors (index −1): the file was unusable. */
export function fileErrors(errors: readonly Problem[]): Problem[] {
  return errors.filter((e) => e.index < 0);
}

/** A CRS warning with the system the data probably is in (from io/crs-detect). */
export interface CrsSuggestion {
  reason: string;
  kind: string;
  suggestedCrs: CrsId | null;
}

const CRS_KINDS = new Set(['swapped', 'projected', 'degrees', 'offset']);

/**
 * The warnings that say the coordinates look like another system (they carry `kind` and maybe
 * `suggestedCrs`; they cross the worker boundary as plain objects), and the other warnings.
 */
export function splitCrsWarnings(warnings: readonly Problem[]): { crs: CrsSuggestion[]; other: Problem[] } {
  const crs: CrsSuggestion[] = [];
  const other: Problem[] = [];
  for (const w of warnings) {
    const kind = (w as { kind?: unknown }).kind;
    const suggested = (w as { suggestedCrs?: unknown }).suggestedCrs;
    if (typeof kind === 'string' && CRS_KINDS.has(kind)) {
      crs.push({ reason: w.reason, kind, suggestedCrs: typeof suggested === 'string' ? (suggested as CrsId) : null });
    } else other.push(w);
  }
  return { crs, other };
}

/** A category value no category matched, with how many facilities carry it. */
export interface UnmappedValue {
  value: string;
  count: number;
}

/**
 * Values of skipped facilities whose category matched nothing (errors with `categoryValue`, see
 * io/read-facilities), most frequent first, ties in order of first appearance.
 */
export function unmappedValues(errors: readonly Problem[]): UnmappedValue[] {
  const counts = new Map<string, number>();
  for (const e of errors) {
    const v = (e as { categoryValue?: unknown }).categoryValue;
    if (typeof v === 'string') counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

/** Problems grouped by file, in the order the files first appear. */
export function problemsByFile(problems: readonly Problem[]): [string, Problem[]][] {
  const groups = new Map<string, Problem[]>();
  for (const p of problems) {
    const g = groups.get(p.file);
    if (g) g.push(p);
    else groups.set(p.file, [p]);
  }
  return [...groups];
}

/**
 * The skipped features as CSV (UTF-8 with BOM, for Excel): columns file, index, id, reason; one
 * row per problem, in the given order; a missing id is an empty cell.
 */
export function problemsCsv(problems: readonly Problem[]): string {
  return writeCsv(['file', 'index', 'id', 'reason'], problems.map((p) => [p.file, p.index, p.id ?? null, p.reason]));
}

/** A download name for a file's skipped-feature table: `<file without extension>-skipped.csv`. */
export function problemsCsvName(file: string): string {
  const base = file.replace(/\.[^./\\]*$/, '') || 'file';
  return `${base}-skipped.csv`;
}

/**
 * Features read, kept and skipped as a person counts them: rows the file reader already dropped
 * (a CSV row without coordinates, a null shape) are not in the session's counts, which count only
 * the features validated, so `skipped` is the number of skipped-feature errors (one per skipped
 * feature in every reader) and `read = kept + skipped`.
 */
export function reportCounts(counts: { kept: number }, errors: readonly Problem[]): { read: number; kept: number; skipped: number } {
  const skipped = errors.reduce((s, e) => s + (e.index >= 0 ? 1 : 0), 0);
  return { read: counts.kept + skipped, kept: counts.kept, skipped };
}
