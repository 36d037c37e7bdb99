/**
 * Progress on stderr: every step that took a second or more is reported with its time when it ends
 * (the engine runs synchronously, so steps are reported at their boundaries). Quiet for fast steps.
 *
 * @param write where lines go (stderr)
 * @param minMs report steps at least this long (default 1000 ms)
 */
export function createProgress(write: (line: string) => void, minMs = 1000): { step: (name: string) => void; done: () => void } {
  let current: { name: string; t0: number } | null = null;
  const done = (): void => {
    if (current) {
      const ms = performance.now() - current.t0;
      if (ms >= minMs) write(`  ${current.name}: ${(ms / 1000).toFixed(1)} s\n`);
    }
    current = null;
  };
  return {
    step(name: string) {
      done();
      current = { name, t0: performance.now() };
    },
    done,
  };
}
