/**
 * For tests: the corpus commands on a bare commander program, the way `main()` runs them, with
 * output captured and errors turned into the exit status `main()` would give (2 for usage, 1 for
 * any other claimtrace error). Anything else is a bug and is rethrown.
 */
import { Command, CommanderError } from 'commander';
import { registerCorpusCommands } from '../cli/corpus-commands.js';
import type { CliIo } from '../cli/main.js';
import { isClaimtraceError } from '../core/diagnostics.js';

export interface CliRun {
  readonly status: number;
  readonly out: string;
  readonly err: string;
}

export async function runCorpusCli(argv: readonly string[], isTTY = false): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (s) => void (out += s), err: (s) => void (err += s), isTTY };
  const program = new Command().exitOverride().configureOutput({ writeOut: io.err, writeErr: io.err });
  registerCorpusCommands(program, io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return { status: 0, out, err };
  } catch (e) {
    if (e instanceof CommanderError) return { status: e.exitCode === 0 ? 0 : 2, out, err };
    if (isClaimtraceError(e)) return { status: e.code === 'E_USAGE' ? 2 : 1, out, err: err + `claimtrace: ${e.code}: ${e.message}\n` };
    throw e;
  }
}
