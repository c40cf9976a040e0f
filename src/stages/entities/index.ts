import { defineStage } from '../../core/stage.js';
import { clusterSpeakers } from './cluster-speakers.js';

/** The people, organisations and outlets that speak in the article. */
export const entitiesStage = defineStage({
  provides: 'entities',
  version: '1',
  requires: ['quotes'],
  run(_context, { quotes }) {
    return { layer: { entities: clusterSpeakers(quotes.quotes) } };
  },
});

export { clusterSpeakers, canonicalName } from './cluster-speakers.js';
