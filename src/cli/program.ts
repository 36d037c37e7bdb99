import { Command, CommanderError } from 'commander';
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
    .requiredOption('--facilities <file>', 'facilities GeoJSON (points; polygons become a point on their surface)')
    .requiredOption('--communities <file>', 'communities GeoJSON (polygons or points with population and kind)')
    .option('--roads <file>', 'walkable roads GeoJSON (LineStrings with OSM highway tags); without it the straight-line model is used')
    .option('--preset <id>', 'category preset: ningbo | gb50180')
    .option('--settings <file>', 'settings JSON laid over the preset (see README)')
    .option('--model <model>', 'network | straight (overrides the settings)')
    .option('--out <dir>', 'output folder', 'out')
    .action((opts: { facilities: string; communities: string; roads?: string; preset?: string; settings?: string; model?: string; out: string }) => {
      code = runAnalyze(opts, io);
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
