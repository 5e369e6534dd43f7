// Every rule, one file each (the file name is the rule ID); the registry test keeps the three in step.
import componentTypeRemoved from './component-type-removed.js';
import conditionalConstraintChanged from './conditional-constraint-changed.js';
import containsConstraintChanged from './contains-constraint-changed.js';
import contentConstraintChanged from './content-constraint-changed.js';
import dependentConstraintChanged from './dependent-constraint-changed.js';
import deprecatedWithoutSunset from './deprecated-without-sunset.js';
import descriptionChanged from './description-changed.js';
import discriminatorAdded from './discriminator-added.js';
import discriminatorRemoved from './discriminator-removed.js';
import discriminatorVariantAdded from './discriminator-variant-added.js';
import discriminatorVariantRemoved from './discriminator-variant-removed.js';
import enumConstraintAdded from './enum-constraint-added.js';
import enumConstraintRemoved from './enum-constraint-removed.js';
import enumValueAdded from './enum-value-added.js';
import enumValueRemoved from './enum-value-removed.js';
import lifecycleStageChanged from './lifecycle-stage-changed.js';
import operationAdded from './operation-added.js';
import operationDeprecated from './operation-deprecated.js';
import operationRemoved from './operation-removed.js';
import parameterAdded from './parameter-added.js';
import parameterBecameOptional from './parameter-became-optional.js';
import parameterBecameRequired from './parameter-became-required.js';
import parameterDefaultChanged from './parameter-default-changed.js';
import parameterDeprecated from './parameter-deprecated.js';
import parameterRemoved from './parameter-removed.js';
import parameterTypeChanged from './parameter-type-changed.js';
import patternPropertiesChanged from './pattern-properties-changed.js';
import prefixItemsChanged from './prefix-items-changed.js';
import propertyBecameReadOnly from './property-became-read-only.js';
import propertyNullabilityChanged from './property-nullability-changed.js';
import propertyTypeChanged from './property-type-changed.js';
import removedBeforeSunset from './removed-before-sunset.js';
import requestBodyAdded from './request-body-added.js';
import requestBodyBecameRequired from './request-body-became-required.js';
import requestBodyRemoved from './request-body-removed.js';
import requestConstraintLoosened from './request-constraint-loosened.js';
import requestConstraintTightened from './request-constraint-tightened.js';
import requestMediaTypeRemoved from './request-media-type-removed.js';
import requestPropertyAdded from './request-property-added.js';
import requestPropertyBecameOptional from './request-property-became-optional.js';
import requestPropertyBecameRequired from './request-property-became-required.js';
import requestPropertyRemoved from './request-property-removed.js';
import requiredParameterAdded from './required-parameter-added.js';
import requiredRequestPropertyAdded from './required-request-property-added.js';
import responseHeaderAdded from './response-header-added.js';
import responseHeaderRemoved from './response-header-removed.js';
import responseMediaTypeChanged from './response-media-type-changed.js';
import responsePropertyAdded from './response-property-added.js';
import responsePropertyBecameOptional from './response-property-became-optional.js';
import responsePropertyRemoved from './response-property-removed.js';
import responseStatusAdded from './response-status-added.js';
import responseStatusRemoved from './response-status-removed.js';
import sdkLifecycleChanged from './sdk-lifecycle-changed.js';
import sdkNameChanged from './sdk-name-changed.js';
import securityChanged from './security-changed.js';
import unevaluatedConstraintChanged from './unevaluated-constraint-changed.js';
import type { Rule } from '../rule.js';

export const rules: readonly Rule[] = [
  componentTypeRemoved,
  conditionalConstraintChanged,
  containsConstraintChanged,
  contentConstraintChanged,
  dependentConstraintChanged,
  deprecatedWithoutSunset,
  descriptionChanged,
  discriminatorAdded,
  discriminatorRemoved,
  discriminatorVariantAdded,
  discriminatorVariantRemoved,
  enumConstraintAdded,
  enumConstraintRemoved,
  enumValueAdded,
  enumValueRemoved,
  lifecycleStageChanged,
  operationAdded,
  operationDeprecated,
  operationRemoved,
  parameterAdded,
  parameterBecameOptional,
  parameterBecameRequired,
  parameterDefaultChanged,
  parameterDeprecated,
  parameterRemoved,
  parameterTypeChanged,
  patternPropertiesChanged,
  prefixItemsChanged,
  propertyBecameReadOnly,
  propertyNullabilityChanged,
  propertyTypeChanged,
  removedBeforeSunset,
  requestBodyAdded,
  requestBodyBecameRequired,
  requestBodyRemoved,
  requestConstraintLoosened,
  requestConstraintTightened,
  requestMediaTypeRemoved,
  requestPropertyAdded,
  requestPropertyBecameOptional,
  requestPropertyBecameRequired,
  requestPropertyRemoved,
  requiredParameterAdded,
  requiredRequestPropertyAdded,
  responseHeaderAdded,
  responseHeaderRemoved,
  responseMediaTypeChanged,
  responsePropertyAdded,
  responsePropertyBecameOptional,
  responsePropertyRemoved,
  responseStatusAdded,
  responseStatusRemoved,
  sdkLifecycleChanged,
  sdkNameChanged,
  securityChanged,
  unevaluatedConstraintChanged,
];
