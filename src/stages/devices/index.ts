import { defineStage } from '../../core/stage.js';
import { findDevices } from './find-devices.js';

/**
 * The devices stage: rhetorical questions, exclamations, slogans and scare quotes in the
 * author's voice, by rules over sentences and quotations (no model). Pure.
 */
export const devicesStage = defineStage({
  provides: 'devices',
  version: '1',
  requires: ['structure', 'quotes'],
  run({ input }, needs) {
    return { layer: { devices: findDevices(input.text, needs) } };
  },
});

export { findDevices } from './find-devices.js';
export type { DeviceKind, DevicesLayer, RhetoricalDevice } from './types.js';
