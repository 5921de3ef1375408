export * from './sections';
export * from './settings-diff';
export * from './stranded-work';
export * from './chief-scope';
