import { keywordRule } from '../keyword-rule.js';

export default keywordRule('dependent-constraint-changed', 'dependent');
