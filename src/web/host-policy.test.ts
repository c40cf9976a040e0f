import { describe, expect, it } from 'vitest';
import { decideHost, isLoopbackHost, parsePort } from './host-policy.js';

describe('host policy', () => {
  it.each(['127.0.0.1', '127.8.9.10', 'localhost', 'LOCALHOST', 'app.localhost', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'])('%s is loopback', (h) => {
    expect(isLoopbackHost(h)).toBe(true);
  });
  it.each(['0.0.0.0', '::', '192.168.1.2', '10.0.0.1', 'example.org', '127.0.0.1.nip.io', 'localhost.example.org', ''])('%s is not', (h) => {
    expect(isLoopbackHost(h)).toBe(false);
  });
  it('refuses another address unless given explicitly, and then warns', () => {
    expect(decideHost('127.0.0.1', false)).toEqual({ kind: 'ok', host: '127.0.0.1' });
    expect(decideHost('0.0.0.0', false).kind).toBe('refuse');
    const d = decideHost('0.0.0.0', true);
    expect(d.kind).toBe('warn');
    expect(d.kind === 'warn' && d.warning).toMatch(/every interface.*read the whole corpus/);
  });
  it('reads ports', () => {
    expect(parsePort('0')).toBe(0);
    expect(parsePort('8321')).toBe(8321);
    expect(parsePort('65536')).toBeNull();
    expect(parsePort('80a')).toBeNull();
  });
});
