import { Command, CommanderError } from 'commander';
import { runAnalyze, type CliStreams } from './analyze-command';

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
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 1;
    throw e;
  }
  return code;
}
