/**
 * `claimtrace serve --db corpus.db [--port 8321] [--host 127.0.0.1]`: browse a corpus in a
 * local web app. Loopback only unless `--host` names another address (then with a warning);
 * the store is opened read-only, so the app never writes to it. Stops on Ctrl-C.
 */
import { Command, Option } from 'commander';
import type { CliIo } from '../cli/main.js';
import { ClaimtraceError } from '../core/diagnostics.js';
import { DEFAULT_DB_PATH } from '../store/default-path.js';
import { displayLocation } from '../store/display-location.js';
import { createApp } from './create-app.js';
import { decideHost, DEFAULT_HOST, DEFAULT_PORT, isLoopbackHost, parsePort } from './host-policy.js';

interface ServeOptions {
  db: string;
  port: string;
  host: string;
}

export interface ServeControl {
  /** Resolves when the server should stop; defaults to the first SIGINT or SIGTERM. */
  readonly until?: (url: string) => Promise<void>;
}

/** Adds `serve` to the claimtrace program. */
export function registerServeCommand(program: Command, io: CliIo, control: ServeControl = {}): void {
  program
    .command('serve')
    .description('Browse a corpus database in a local web app: search quotes, speakers, outlets and articles; article views, speaker and outlet pages, the citation graph. Listens on 127.0.0.1 only unless --host says otherwise.')
    .addOption(new Option('--db <path>', 'the corpus database: a SQLite file, or a postgres:// URL (password from PGPASSWORD)').default(DEFAULT_DB_PATH))
    .option('-p, --port <port>', 'the port (0: any free one)', String(DEFAULT_PORT))
    .option('--host <address>', 'the address to listen on; anything but a loopback address must be given here explicitly', DEFAULT_HOST)
    .action(async (options: ServeOptions, command: Command) => {
      const port = parsePort(options.port);
      if (port === null) throw new ClaimtraceError('E_USAGE', `Expected --port to be a whole number from 0 to 65535, not \`${options.port}\`.`);
      const explicit = command.getOptionValueSource('host') === 'cli';
      const decision = decideHost(options.host, explicit);
      if (decision.kind === 'refuse') throw new ClaimtraceError('E_USAGE', decision.message);
      if (decision.kind === 'warn') io.err(`claimtrace: warning: ${decision.warning}\n`);

      // Loaded here so other commands start without the SQLite driver.
      const { openCorpusStore } = await import('../store/index.js');
      const { listen } = await import('./node-listener.js');
      const store = await openCorpusStore(options.db, { readonly: true });
      try {
        const app = createApp(store, {
          allowHost: isLoopbackHost(decision.host) ? isLoopbackHost : undefined,
          onError: (e) => io.err(`claimtrace: serve: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`),
        });
        let running;
        try {
          running = await listen(app, decision.host, port);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EADDRINUSE') throw new ClaimtraceError('E_USAGE', `Port ${port} on ${decision.host} is in use; pick another with --port (0 for any free one).`);
          if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new ClaimtraceError('E_USAGE', `Cannot listen on \`${decision.host}\`: no such address on this machine.`);
          throw e;
        }
        io.err(`claimtrace: serving ${displayLocation(options.db)} at ${running.url}/ (Ctrl-C to stop)\n`);
        await (control.until ?? untilSignal)(running.url);
        await running.close();
      } finally {
        await store.close();
      }
    });
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
