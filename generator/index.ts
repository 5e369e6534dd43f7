// The generator's public entry for other parts of the repository (the API diff, benches, the stand-in's tests).
// Import from here, never from a stage module: stages move, this file keeps their names.
export { generate, buildModel, type GenerateOptions } from './pipeline.js';
export { operationName } from './stages/model/naming.js';
export type {
  SdkModel,
  ResourceModel,
  MethodModel,
  TypeModel,
  PropertyModel,
  ParamModel,
  AliasModel,
  ArgModel,
  BodyModel,
  ResponseModel,
  PagingModel,
  WaiterModel,
} from './stages/model/index.js';
export { lifecycleOf, type LifecycleModel } from './stages/model/lifecycle.js';
export type { OpenApiDocument } from './openapi.js';
export { methodExample } from './stages/render/examples.js';
export { writePackage } from './stages/write.js';
export type { FileMap } from './stages/render/index.js';
export { GeneratorError } from './errors.js';
export { mediaKind, preferredMedia, type MediaKind } from './media.js';
export { applySpecOverlays, withOverlays } from './stages/overlay/index.js';
