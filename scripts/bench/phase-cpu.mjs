/**
 * Preload of the whole-CLI bench's extra run (`node --import …/phase-cpu.mjs dist-cli/lifecircle.mjs …`,
 * scripts/bench/cli-ratio.ts): after each stage line the command writes to stderr (`[  1.2 s] name`)
 * it writes `[cpu] <user ms> <system ms> <minor page faults> <name>`, this process's totals so far
 * (`process.resourceUsage()`), so the bench can say where the command's CPU time goes.
 */
const write = process.stderr.write.bind(process.stderr);
process.stderr.write = (chunk, ...rest) => {
  const ok = write(chunk, ...rest);
  const stage = typeof chunk === 'string' ? /^\[ *[0-9.]+ s\] (.+)$/m.exec(chunk) : null;
  if (stage) {
    const r = process.resourceUsage();
    write(`[cpu] ${(r.userCPUTime / 1000).toFixed(1)} ${(r.systemCPUTime / 1000).toFixed(1)} ${r.minorPageFault} ${stage[1]}\n`);
  }
  return ok;
};
