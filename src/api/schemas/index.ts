export * from './pipeline';
export * from './lead';
export * from './event';
export * from './user';
export * from './problem';
export * from './numbers';
export * from './catalog';
