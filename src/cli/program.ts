import { Command, CommanderError } from 'commander';
import type { CliStreams } from './analyze-command';
import type { Progress } from './progress';
import type { SiteOptions } from './site-command';

/** Exit codes of the command, as printed by `--help` and the README. */
const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  usage error (unknown option, missing or bad value); the usage line is printed
  2  unusable input (a file that cannot be read or parsed, invalid settings, no valid feature); the
     reasons name the file, the feature and the problem
  3  internal error (a bug; set LIFECIRCLE_DEBUG=1 for the stack trace)`;

const SAMPLE = 'data/sample';

/**
 * Columns the help is wrapped to, on a terminal or not: the same text everywhere, so the built
 * command answers `--help` from the text written at build time (scripts/build-cli.mjs, help.json).
 */
const HELP_WIDTH = 80;

/** Output options every command has. */
interface OutputOptions {
  /** Print the run summary as JSON on stdout (nothing else goes to stdout). */
  json?: boolean;
  /** No progress and no warnings on stderr (errors still). */
  quiet?: boolean;
}

/** `lifecircle analyze` (its usage line) or `lifecircle`. */
function fullName(cmd: Command): string {
  return cmd.parent ? `${fullName(cmd.parent)} ${cmd.name()}` : cmd.name();
}

/**
 * Run the command line with `argv` (without node and script) and return the exit code:
 * 0 success, 1 usage error, 2 unusable input. Each command's code is loaded when it runs, so
 * `--help` and usage errors load nothing but commander.
 *
 * @param io stdout and stderr writers, and stderr as a terminal when it is one (progress bar)
 */
export async function runCli(argv: string[], io: CliStreams): Promise<number> {
  let code = 0;
  const usageLine = (cmd: Command): string => `usage: ${fullName(cmd)} ${cmd.usage()}\n(see ${fullName(cmd)} --help)\n`;
  const withUsage = (cmd: Command): Command =>
    cmd.configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      outputError: (str, write) => write(`${str}${usageLine(cmd)}`),
      getOutHelpWidth: () => HELP_WIDTH,
      getErrHelpWidth: () => HELP_WIDTH,
    });
  /** Run a command with progress on stderr; warnings written during the run do not tear the bar. */
  const run = async <O extends OutputOptions>(
    cmd: Command,
    opts: O,
    body: (opts: O, io: CliStreams, progress: Progress) => Promise<number>,
  ): Promise<number> => {
    const { createProgress } = await import('./progress');
    const progress = createProgress(io.err, { quiet: opts.quiet === true, ...(io.tty ? { tty: io.tty } : {}) });
    try {
      const res = await body(opts, { out: io.out, err: (t) => progress.log(t) }, progress);
      progress.stop();
      if (res === 1) io.err(usageLine(cmd));
      return res;
    } finally {
      progress.stop();
    }
  };

  const program = withUsage(new Command('lifecircle'))
    .description('Community life-circle coverage: who lives within the 15/20-minute circle of each facility kind')
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  lifecircle analyze --facilities ${SAMPLE}/facilities.geojson --communities ${SAMPLE}/communities.geojson \\
    --roads ${SAMPLE}/roads.geojson --out out
  lifecircle site --category clinic --add 5 --facilities ${SAMPLE}/facilities.geojson \\
    --communities ${SAMPLE}/communities.geojson --roads ${SAMPLE}/roads.geojson --out out
  lifecircle analyze --help
${EXIT_CODES_HELP}
`,
    );

  const analyze = withUsage(program.command('analyze'));
  analyze
    .description(
      'coverage and gaps per category; writes gap-communities.geojson, gap-zones.geojson, communities.geojson (one geometry type each; -points layers when mixed), summary.json, coverage.csv',
    )
    .requiredOption(
      '--facilities <file>',
      'facilities: GeoJSON, CSV with coordinate columns (UTF-8 or GBK) or zipped Shapefile; polygons become a point on their surface',
    )
    .requiredOption('--communities <file>', 'communities: polygons or points with population and kind (GeoJSON, CSV, zipped Shapefile)')
    .option(
      '--roads <file>',
      'walkable roads (LineStrings with OSM highway tags; GeoJSON, zipped Shapefile, or an OpenStreetMap extract .osm.pbf/.osm/.osm.gz); without it the straight-line model is used',
    )
    .option('--preset <id>', 'category preset: ningbo | gb50180')
    .option('--settings <file>', 'settings JSON laid over the preset (see README)')
    .option('--model <model>', 'network | straight (overrides the settings)')
    .option(
      '--dem <files...>',
      'elevation (SRTM .hgt/.hgt.zip tiles or GeoTIFF in EPSG:4326): walking times follow the slope (Tobler), residents walking to the facility',
    )
    .option(
      '--crs <crs>',
      'CRS of the input coordinates: WGS84 (default), CGCS2000, GCJ02 (Amap/Tencent), BD09 (Baidu), EPSG:4491–4554 (CGCS2000 Gauss–Krüger)',
    )
    .option('--facilities-crs <crs>', 'CRS of the facilities file only (overrides --crs), e.g. GCJ02 for Amap points')
    .option('--communities-crs <crs>', 'CRS of the communities file only (overrides --crs)')
    .option('--export-crs <crs>', 'CRS of the exported GeoJSON: WGS84 (default, RFC 7946), GCJ02, BD09, CGCS2000 or EPSG:4491–4554')
    .option(
      '--group-by <field>',
      'community property holding the district (区县/街道/乡镇) for districts.csv and the indicators; default: district, 区县, 街道, 乡镇; empty values are "unassigned"',
    )
    .option(
      '--format <list>',
      'layer formats, comma-separated: geojson (one file per layer), shapefile (shapefiles.zip: one shapefile per layer, UTF-8, .prj)',
      'geojson',
    )
    .option('--lang <lang>', 'language of the coverage.csv headers and values: en (default) or zh', 'en')
    .option('--csv-codes', 'add the column codes (t_clinic_min, cov_clinic, …) to coverage.csv as a second header row')
    .option('--out <dir>', 'output folder', 'out')
    .option('--json', 'print the run summary (summary.json) as JSON on stdout, nothing else')
    .option('--quiet', 'no progress and no warnings on stderr (errors are still printed)')
    .addHelpText(
      'after',
      `
Example (the built-in synthetic sample):
  lifecircle analyze --facilities ${SAMPLE}/facilities.geojson --communities ${SAMPLE}/communities.geojson \\
    --roads ${SAMPLE}/roads.geojson --out out
${EXIT_CODES_HELP}
`,
    )
    .action(
      async (
        opts: {
          facilities: string;
          communities: string;
          roads?: string;
          preset?: string;
          settings?: string;
          model?: string;
          dem?: string[];
          crs?: string;
          facilitiesCrs?: string;
          communitiesCrs?: string;
          groupBy?: string;
          exportCrs?: string;
          lang: string;
          format: string;
          csvCodes?: boolean;
          out: string;
        } & OutputOptions,
      ) => {
        code = await run(analyze, opts, async (o, cio, progress) => {
          const [{ runAnalyze }, { assertCrs }] = await Promise.all([import('./analyze-command'), import('../io/crs')]);
          const { exportCrs, lang, csvCodes, format, ...rest } = o;
          if (lang !== 'en' && lang !== 'zh') {
            cio.err(`lifecircle: --lang: expected en or zh, got ${JSON.stringify(lang)}\n`);
            return 1;
          }
          const formats = format.split(',').map((f) => f.trim().toLowerCase());
          const badFormat = formats.find((f) => f !== 'geojson' && f !== 'shapefile');
          if (badFormat !== undefined || formats.length === 0) {
            cio.err(`lifecircle: --format: expected geojson and/or shapefile (comma-separated), got ${JSON.stringify(format)}\n`);
            return 1;
          }
          if (exportCrs) {
            try {
              assertCrs(exportCrs as Parameters<typeof assertCrs>[0]);
            } catch (e) {
              cio.err(`lifecircle: --export-crs: ${(e as Error).message}\n`);
              return 1;
            }
          }
          return runAnalyze(
            {
              ...rest,
              csv: { lang, codes: csvCodes === true },
              formats: formats as ('geojson' | 'shapefile')[],
              ...(exportCrs ? { exportCrs: exportCrs as Parameters<typeof assertCrs>[0] } : {}),
            },
            cio,
            progress,
          );
        });
      },
    );

  const site = withUsage(program.command('site'));
  site
    .description('where new facilities of a category close the most gap; writes sites.geojson and summary.json')
    .requiredOption('--category <id>', 'category id of the preset, e.g. clinic')
    .option('--add <k>', 'maximal covering: place K new sites covering the most uncovered residents')
    .option('--target <share>', 'set covering: fewest new sites reaching this covered share (0.9, 90 or 90%)')
    .option(
      '--candidates <file>',
      'candidate sites: GeoJSON, CSV or zipped Shapefile points the city owns (in --crs; optional id and capacity); default: generated in gap zones',
    )
    .option('--exclude <file>', 'polygons where no site may go (GeoJSON, CSV or zipped Shapefile, in --crs)')
    .option('--exact', 'solve the integer program exactly with HiGHS (time-limited), greedy otherwise')
    .option('--spacing <m>', 'minimum spacing of generated candidates, metres', '200')
    .option('--capacity <n>', 'places of each new site (capacity-aware when the category has capacityPerThousand)')
    .option('--time-limit <s>', 'time limit of the exact solver, seconds', '60')
    .requiredOption('--facilities <file>', 'facilities GeoJSON')
    .requiredOption('--communities <file>', 'communities GeoJSON')
    .option('--roads <file>', 'walkable roads GeoJSON or an OpenStreetMap extract; without it the straight-line model is used')
    .option('--preset <id>', 'category preset: ningbo | gb50180')
    .option('--settings <file>', 'settings JSON laid over the preset')
    .option('--model <model>', 'network | straight (overrides the settings)')
    .option(
      '--dem <files...>',
      'elevation (SRTM .hgt/.hgt.zip tiles or GeoTIFF in EPSG:4326): walking times follow the slope (Tobler), residents walking to the facility',
    )
    .option('--crs <crs>', 'CRS of the input coordinates (see analyze)')
    .option('--facilities-crs <crs>', 'CRS of the facilities file only (overrides --crs)')
    .option('--communities-crs <crs>', 'CRS of the communities file only (overrides --crs)')
    .option('--candidates-crs <crs>', 'CRS of the candidates file only (overrides --crs), e.g. GCJ02 for Amap points')
    .option('--out <dir>', 'output folder', 'out')
    .option('--json', 'print the run summary (summary.json) as JSON on stdout, nothing else')
    .option('--quiet', 'no progress and no warnings on stderr (errors are still printed)')
    .addHelpText(
      'after',
      `
Example (five new clinics on the built-in synthetic sample):
  lifecircle site --category clinic --add 5 --facilities ${SAMPLE}/facilities.geojson \\
    --communities ${SAMPLE}/communities.geojson --roads ${SAMPLE}/roads.geojson --out out
${EXIT_CODES_HELP}
`,
    )
    .action(async (opts: SiteOptions & OutputOptions) => {
      code = await run(site, opts, async (o, cio, progress) => {
        const { runSite } = await import('./site-command');
        return runSite(o, cio, progress);
      });
    });

  const importOsm = withUsage(program.command('import-osm'));
  importOsm
    .description(
      'an OpenStreetMap extract (.osm.pbf, .osm, .osm.gz) → roads.geojson, facilities.geojson, communities.geojson and import-report.json',
    )
    .argument('<file>', 'the extract')
    .option('--out <dir>', 'output folder', 'out')
    .option('--bbox <W,S,E,N>', 'keep only what lies in this box (degrees)')
    .option('--boundary <file>', 'keep only what lies in these polygons (GeoJSON)')
    .option('--preset <id>', 'category preset whose OSM tags pick facilities: ningbo | gb50180')
    .option('--settings <file>', 'settings JSON (categories; osmImport: footProfile, populationDensity, placePopulation)')
    .option('--lang <lang>', 'language of names: zh (name:zh, then name) or en (name:en, then name)', 'zh')
    .option('--json', 'print import-report.json on stdout, nothing else')
    .option('--quiet', 'no progress and no warnings on stderr (errors are still printed)')
    .addHelpText('after', `\nExample:\n  lifecircle import-osm city.osm.pbf --out city\n${EXIT_CODES_HELP}\n`)
    .action(async (file: string, opts: import('./import-osm-command').ImportOsmOptions) => {
      code = await run(importOsm, opts, async (o, cio, progress) => {
        const { runImportOsm } = await import('./import-osm-command');
        return runImportOsm(file, o, cio, progress);
      });
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 1;
    const sys = e as NodeJS.ErrnoException;
    if (sys && typeof sys.syscall === 'string' && typeof sys.code === 'string') {
      // a file system error outside the input readers (e.g. --out cannot be written): no stack trace
      io.err(`lifecircle: ${sys.message}\n`);
      return 2;
    }
    throw e;
  }
  return code;
}
