/**
 * Who may send a request now: at most `perHost` requests in flight to one host and `total`
 * overall, and at least `delayMs` between the starts of two requests to one host (raised per host
 * by a robots.txt Crawl-delay, and a host can be paused after a 429 or 503 with Retry-After).
 * Each host's waiting requests are served in the order they came.
 */
export interface HostLimiterOptions {
  readonly perHost: number;
  readonly total: number;
  readonly delayMs: number;
}

interface HostState {
  active: number;
  /** Earliest time the next request to this host may start. */
  nextStart: number;
  delayMs: number;
  readonly waiting: (() => void)[];
}

export class HostLimiter {
  readonly #options: HostLimiterOptions;
  readonly #hosts = new Map<string, HostState>();
  #active = 0;
  #timer: NodeJS.Timeout | null = null;
  #timerAt = Infinity;

  constructor(options: HostLimiterOptions) {
    for (const [name, value] of Object.entries({ perHost: options.perHost, total: options.total })) {
      if (!Number.isInteger(value) || value < 1) throw new RangeError(`Expected ${name} to be a whole number above zero, not \`${String(value)}\`.`);
    }
    if (!Number.isFinite(options.delayMs) || options.delayMs < 0) throw new RangeError(`Expected delayMs to be zero or more milliseconds, not \`${String(options.delayMs)}\`.`);
    this.#options = options;
  }

  /** Waits for a turn at `host`; call the function returned when the request is done. */
  async acquire(host: string): Promise<() => void> {
    const state = this.#state(host);
    await new Promise<void>((resolve) => {
      state.waiting.push(resolve);
      this.#pump();
    });
    let released = false;
    return () => {
      if (released) return;
      released = true;
      state.active--;
      this.#active--;
      this.#pump();
    };
  }

  /** Runs `task` in a turn at `host`. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const release = await this.acquire(host);
    try {
      return await task();
    } finally {
      release();
    }
  }

  /** Raises the delay between requests to `host` (a robots.txt Crawl-delay); never lowers it. */
  setDelay(host: string, delayMs: number): void {
    const state = this.#state(host);
    if (delayMs > state.delayMs) state.delayMs = delayMs;
  }

  /** No new request to `host` before `until` (ms since the epoch), as a Retry-After asks. */
  pauseUntil(host: string, until: number): void {
    const state = this.#state(host);
    if (until > state.nextStart) state.nextStart = until;
  }

  /** Requests in flight now (for tests and progress). */
  get active(): number {
    return this.#active;
  }

  #state(host: string): HostState {
    let state = this.#hosts.get(host);
    if (!state) {
      state = { active: 0, nextStart: 0, delayMs: this.#options.delayMs, waiting: [] };
      this.#hosts.set(host, state);
    }
    return state;
  }

  #pump(): void {
    const now = Date.now();
    let wakeAt = Infinity;
    for (const state of this.#hosts.values()) {
      while (state.waiting.length > 0 && state.active < this.#options.perHost && this.#active < this.#options.total) {
        if (state.nextStart > now) {
          wakeAt = Math.min(wakeAt, state.nextStart);
          break;
        }
        state.active++;
        this.#active++;
        state.nextStart = now + state.delayMs;
        state.waiting.shift()!();
      }
    }
    if (wakeAt < Infinity && wakeAt < this.#timerAt) {
      if (this.#timer) clearTimeout(this.#timer);
      this.#timerAt = wakeAt;
      this.#timer = setTimeout(() => {
        this.#timer = null;
        this.#timerAt = Infinity;
        this.#pump();
      }, Math.max(0, wakeAt - Date.now()));
    }
  }
}
