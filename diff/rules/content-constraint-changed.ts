import { keywordRule } from '../keyword-rule.js';

export default keywordRule('content-constraint-changed', 'content');
