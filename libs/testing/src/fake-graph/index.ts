export * from './fake-graph-api.server';
export * from './fake-graph.types';
export * from './meta-error-bodies';
export * from './meta-webhook.sender';
export * from './meta-fixtures';
export * from './whatsapp-webhook.builder';
export * from './arrival-rate';
export * from './fake-graph-profiles';
