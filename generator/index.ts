// The generator's public entry for other parts of the repository (the API diff, benches, the stand-in's tests).
// Import from here, never from a stage module: stages move, this file keeps their names.
export { generate, type GenerateOptions } from './pipeline.js';
export { buildModel, type SdkModel, type ResourceModel, type MethodModel, type TypeModel, type PropertyModel, type ParamModel } from './model/index.js';
export { writePackage } from './stages/write.js';
export type { FileMap } from './stages/render.js';
export { GeneratorError } from './errors.js';
