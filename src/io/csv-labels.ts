/**
 * coverage.csv for people: column headers and categorical values (community kind, missing
 * categories) in the reader's language, with the machine codes (`t_clinic_min`, `urban`, `clinic`)
 * optionally kept as a second header row. The GeoJSON layers keep the codes.
 */
import type { CategoryDef } from '../engine/model';

/** Language of a report table. */
export type ReportLang = 'en' | 'zh';

/** How coverage.csv is labelled (absent: the code headers and code values only, the schema's machine form). */
export interface CsvLabelOptions {
  lang: ReportLang;
  /** Add the column codes as a second header row (default false). */
  codes?: boolean;
}

const WORDS = {
  en: {
    id: 'Community ID',
    name: 'Community',
    kind: 'Community type',
    population: 'Residents',
    missing: 'Missing categories',
    time: (c: string) => `${c}: walking time (min)`,
    share: (c: string) => `${c}: share covered (0–1)`,
    urban: 'Urban community',
    rural: 'Rural community',
    join: '; ',
  },
  zh: {
    id: '社区编号',
    name: '社区',
    kind: '社区类型',
    population: '常住人口',
    missing: '缺少的类别',
    time: (c: string) => `${c}步行时间（分钟）`,
    share: (c: string) => `${c}覆盖比例（0–1）`,
    urban: '城市社区',
    rural: '农村社区',
    join: '、',
  },
} as const;

/**
 * The header row(s) of coverage.csv in `lang` for the categories (in report column order: id, name,
 * kind, population, missing, the times, the shares), then the codes row when asked.
 * @param codes the code header (`reportColumns`), same length
 */
export function csvHeaderRows(
  categories: readonly Pick<CategoryDef, 'id' | 'label'>[],
  codes: readonly string[],
  options: CsvLabelOptions,
): string[][] {
  const w = WORDS[options.lang];
  const label = (c: Pick<CategoryDef, 'id' | 'label'>) => c.label[options.lang] || c.id;
  const header = [
    w.id,
    w.name,
    w.kind,
    w.population,
    w.missing,
    ...categories.map((c) => w.time(label(c))),
    ...categories.map((c) => w.share(label(c))),
  ];
  if (header.length !== codes.length) throw new Error(`csvHeaderRows: ${header.length} labels for ${codes.length} columns`);
  return options.codes ? [header, [...codes]] : [header];
}

/** The categorical values of coverage.csv in a language (see {@link csvValueLabels}). */
export interface CsvValueLabels {
  /** `urban` / `rural` as Urban / Rural community or 城市社区 / 农村社区; any other value as it is. */
  kind(value: string): string;
  /** Comma-separated category ids (the `missing` column) as the categories' names; unknown ids kept. */
  missing(value: string): string;
}

/**
 * How coverage.csv writes its categorical values in `lang`: `kind` (column 2) as 城市社区 / 农村社区
 * or Urban / Rural community, `missing` (column 4, comma-separated ids) as the categories' names
 * joined by 、 or "; ". Unknown codes are kept as they are; each distinct `missing` value is
 * labelled once.
 */
export function csvValueLabels(categories: readonly Pick<CategoryDef, 'id' | 'label'>[], lang: ReportLang): CsvValueLabels {
  const w = WORDS[lang];
  const labelled = new Map<string, string>();
  return {
    kind: (value) => (value === 'urban' || value === 'rural' ? w[value] : value),
    missing: (value) => {
      if (value === '') return value;
      let out = labelled.get(value);
      if (out === undefined) {
        out = value
          .split(',')
          .map((id) => categories.find((c) => c.id === id)?.label[lang] || id)
          .join(w.join);
        labelled.set(value, out);
      }
      return out;
    },
  };
}
