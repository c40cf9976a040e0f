/**
 * The local web app over a corpus (`claimtrace serve`): server-rendered pages, no script of
 * its own, everything from articles escaped.
 */
export { createApp, type App, type CreateAppOptions } from './create-app.js';
export { registerServeCommand, type ServeControl } from './serve-command.js';
export { listen, type RunningServer } from './node-listener.js';
export { decideHost, isLoopbackHost, DEFAULT_HOST, DEFAULT_PORT } from './host-policy.js';
