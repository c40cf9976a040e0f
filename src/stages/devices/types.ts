/** The layer's shapes live with the other layers, in src/core/layers.ts. */
export type { DeviceKind, DevicesLayer, RhetoricalDevice } from '../../core/layers.js';
