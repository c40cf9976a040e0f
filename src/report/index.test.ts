import { describe, expect, it } from 'vitest';
import * as report from './index.js';

describe('src/report public surface', () => {
  it('exports what the CLI and other reports use, and nothing else', () => {
    expect(Object.keys(report).sort()).toEqual(['buildContext', 'defaultLayers', 'drawLayers', 'renderReport']);
    expect(report.defaultLayers.map((l) => l.key)).toEqual(['quote', 'cue', 'speaker', 'citation', 'outlet', 'marked', 'claim', 'hedge', 'anonymous', 'technique', 'device']);
    expect(Object.isFrozen(report.defaultLayers)).toBe(true);
  });
});
