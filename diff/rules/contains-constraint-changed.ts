import { keywordRule } from '../keyword-rule.js';

export default keywordRule('contains-constraint-changed', 'contains');
