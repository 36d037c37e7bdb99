import { Command, CommanderError } from 'commander';
import { assertCrs, type CrsId } from '../io/crs';
import { runAnalyze, type CliStreams } from './analyze-command';
import { runSite, type SiteOptions } from './site-command';

/**
 * Run the command line with `argv` (without node and script) and return the exit code.
 * 0 success, 1 usage error, 2 unusable input.
 */
export async function runCli(argv: string[], io: CliStreams): Promise<number> {
  let code = 0;
  const program = new Command('lifecircle')
    .description('Community life-circle coverage: who lives within the 15/20-minute circle of each facility kind')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  program
    .command('analyze')
    .description('coverage and gaps per category; writes gaps.geojson, communities.geojson, summary.json, coverage.csv')
    .requiredOption('--facilities <file>', 'facilities: GeoJSON, CSV with coordinate columns (UTF-8 or GBK) or zipped Shapefile; polygons become a point on their surface')
    .requiredOption('--communities <file>', 'communities: polygons or points with population and kind (GeoJSON, CSV, zipped Shapefile)')
    .option('--roads <file>', 'walkable roads (LineStrings with OSM highway tags; GeoJSON or zipped Shapefile); without it the straight-line model is used')
    .option('--preset <id>', 'category preset: ningbo | gb50180')
    .option('--settings <file>', 'settings JSON laid over the preset (see README)')
    .option('--model <model>', 'network | straight (overrides the settings)')
    .option('--crs <crs>', 'CRS of the input coordinates: WGS84 (default), CGCS2000, GCJ02 (Amap/Tencent), BD09 (Baidu), EPSG:4491–4554 (CGCS2000 Gauss–Krüger)')
    .option('--export-crs <crs>', 'CRS of the exported GeoJSON: WGS84 (default, RFC 7946), GCJ02, BD09, CGCS2000 or EPSG:4491–4554')
    .option('--out <dir>', 'output folder', 'out')
    .action(async (opts: { facilities: string; communities: string; roads?: string; preset?: string; settings?: string; model?: string; crs?: string; exportCrs?: string; out: string }) => {
      if (opts.exportCrs) {
        try {
          assertCrs(opts.exportCrs as CrsId);
        } catch (e) {
          io.err(`lifecircle: --export-crs: ${(e as Error).message}\n`);
          code = 1;
          return;
        }
      }
      const { exportCrs, ...rest } = opts;
      code = await runAnalyze({ ...rest, ...(exportCrs ? { exportCrs: exportCrs as CrsId } : {}) }, io);
    });
  program
    .command('site')
    .description('where new facilities of a category close the most gap; writes sites.geojson and summary.json')
    .requiredOption('--category <id>', 'category id of the preset, e.g. clinic')
    .option('--add <k>', 'maximal covering: place K new sites covering the most uncovered residents')
    .option('--target <share>', 'set covering: fewest new sites reaching this covered share (0.9, 90 or 90%)')
    .option('--candidates <file>', 'candidate sites GeoJSON (points the city owns; property capacity optional); default: generated in gap zones')
    .option('--exclude <file>', 'GeoJSON polygons where no site may go')
    .option('--exact', 'solve the integer program exactly with HiGHS (time-limited), greedy otherwise')
    .option('--spacing <m>', 'minimum spacing of generated candidates, metres', '200')
    .option('--capacity <n>', 'places of each new site (capacity-aware when the category has capacityPerThousand)')
    .option('--time-limit <s>', 'time limit of the exact solver, seconds', '60')
    .requiredOption('--facilities <file>', 'facilities GeoJSON')
    .requiredOption('--communities <file>', 'communities GeoJSON')
    .option('--roads <file>', 'walkable roads GeoJSON; without it the straight-line model is used')
    .option('--preset <id>', 'category preset: ningbo | gb50180')
    .option('--settings <file>', 'settings JSON laid over the preset')
    .option('--model <model>', 'network | straight (overrides the settings)')
    .option('--crs <crs>', 'CRS of the input coordinates (see analyze)')
    .option('--out <dir>', 'output folder', 'out')
    .action(async (opts: SiteOptions) => {
      code = await runSite(opts, io);
    });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 1;
    throw e;
  }
  return code;
}
