import { readFileSync, writeSync } from 'node:fs';

/**
 * Answers a help request (`--help`, `-h`, `<command> --help`, …) from `help.json` beside the built
 * command (written by scripts/build-cli.mjs from the same commander program, so the text is the one
 * commander prints), straight to file descriptor 1: no module but the caller's is loaded and
 * process.stdout is not even set up.
 *
 * @param argv the arguments after node and the script
 * @param helpJson path or file URL of help.json
 * @returns true when the request was answered; false when it is not a help request, help.json is
 *   missing or unreadable (not built), or it holds no text for these arguments
 */
export function answerBuiltHelp(argv: readonly string[], helpJson: string | URL): boolean {
  if (!(argv.length <= 2 && argv.some((a) => a === '--help' || a === '-h'))) return false;
  let text: string | undefined;
  try {
    text = (JSON.parse(readFileSync(helpJson, 'utf8')) as Record<string, string>)[argv.join('\0')];
  } catch {
    return false;
  }
  if (text === undefined) return false;
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  try {
    while (at < bytes.length) at += writeSync(1, bytes, at, bytes.length - at);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN')
      process.stdout.write(bytes.subarray(at)); // a non-blocking pipe that is full: the stream waits
    else if (code !== 'EPIPE') throw e; // EPIPE: stdout closed early (`lifecircle --help | head`)
  }
  return true;
}
