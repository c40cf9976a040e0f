import { describe, expect, it } from 'vitest';
import { claimsStage } from './index.js';

describe('claimsStage', () => {
  it('provides claims from structure, quotes and citations', () => {
    expect(claimsStage.provides).toBe('claims');
    expect([...claimsStage.requires]).toEqual(['structure', 'quotes', 'citations']);
    expect(Object.isFrozen(claimsStage)).toBe(true);
  });
});
