// Public entry of the model: the generator and the API diff's package-impact report both use it.
import type { OpenApiDocument } from '../openapi.js';
import { normalizeSpec } from '../stages/normalize.js';
import { buildModelFromNormalized, type BuiltModel } from './build.js';

export type { SdkModel, ResourceModel, MethodModel, TypeModel, PropertyModel, ParamModel } from './types.js';
export { buildModelFromNormalized, type BuiltModel };

/** Model of a bundled (not yet normalised) OpenAPI document. */
export function buildModel(doc: object): BuiltModel {
  return buildModelFromNormalized(normalizeSpec(doc as OpenApiDocument).document);
}
