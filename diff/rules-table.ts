// The rule table of diff/README.md, generated from the registry (a test keeps the README in step).
import { RULE_IDS, RULES } from './registry.js';

export function rulesTable(): string {
  const rows = RULE_IDS.map((id) => {
    const meta = RULES[id];
    const level =
      typeof meta.level === 'string'
        ? meta.level
        : Object.entries(meta.level)
            .map(([variant, l]) => `${variant}: ${l}`)
            .join('<br>');
    return `| \`${id}\` | ${level} | ${meta.description.replace(/\|/g, '\\|')} |`;
  });
  return ['| Rule | Level | Description |', '|---|---|---|', ...rows].join('\n');
}
