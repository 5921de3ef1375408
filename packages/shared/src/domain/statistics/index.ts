export * from './durations';
export * from './visits';
export * from './ticket-figures';
export * from './rating-figures';
export * from './grouping';
export * from './summary';
export * from './attendance';
export * from './empty-post-intervals';
