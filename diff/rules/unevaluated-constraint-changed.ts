import { keywordRule } from '../keyword-rule.js';

export default keywordRule('unevaluated-constraint-changed', 'unevaluated');
