import { keywordRule } from '../keyword-rule.js';

export default keywordRule('conditional-constraint-changed', 'conditional');
