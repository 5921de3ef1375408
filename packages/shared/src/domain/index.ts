export * from './hall-time';
export * from './numbering';
export * from './availability';
export * from './transition';
export * from './window-transition';
export * from './call-policy';
export * from './estimate';
export * from './empty-post';
