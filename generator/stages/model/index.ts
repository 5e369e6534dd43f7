// Stage 4 (model): the intermediate representation every later stage reads.
export { buildModel, type ModelOptions } from './build.js';
export type * from './types.js';
