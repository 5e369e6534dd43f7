import { describe, expect, it } from 'vitest';
import {
  camelCase,
  escapeComment,
  jsdoc,
  kebabCase,
  pascalCase,
  singular,
  tsKey,
  tsString,
  mdCell,
} from '../../generator/helpers.js';

describe('case conversion', () => {
  it.each([
    {
      input: 'privateLinkAccesses',
      camel: 'privateLinkAccesses',
      pascal: 'PrivateLinkAccesses',
      kebab: 'private-link-accesses',
    },
    {
      input: 'Networks (networking/v1)',
      camel: 'networksNetworkingV1',
      pascal: 'NetworksNetworkingV1',
      kebab: 'networks-networking-v1',
    },
    { input: 'page_size', camel: 'pageSize', pascal: 'PageSize', kebab: 'page-size' },
    { input: 'odd-id', camel: 'oddId', pascal: 'OddId', kebab: 'odd-id' },
    { input: 'HTTPServer', camel: 'httpServer', pascal: 'HttpServer', kebab: 'http-server' },
    { input: '123start', camel: '_123start', pascal: '_123start', kebab: '123start' },
  ])('$input', ({ input, camel, pascal, kebab }) => {
    expect(camelCase(input)).toBe(camel);
    expect(pascalCase(input)).toBe(pascal);
    expect(kebabCase(input)).toBe(kebab);
  });
});

describe('singular', () => {
  it.each([
    ['networks', 'network'],
    ['privateLinkAccesses', 'privateLinkAccess'],
    ['policies', 'policy'],
    ['peerings', 'peering'],
    ['status', 'status'],
    ['boxes', 'box'],
  ])('%s → %s', (input, out) => expect(singular(input)).toBe(out));
});

describe('escaping', () => {
  it.each([
    ['ends */ here', 'ends *\\/ here'],
    ['opens /* here', 'opens /\\* here'],
    ['crlf\r\nline', 'crlf\nline'],
  ])('escapeComment(%j)', (input, out) => expect(escapeComment(input)).toBe(out));

  it.each([
    ["it's", "'it\\'s'"],
    ['back\\slash', "'back\\\\slash'"],
    ['new\nline', "'new\\nline'"],
  ])('tsString(%j)', (input, out) => {
    expect(tsString(input)).toBe(out);
    // The literal must evaluate back to the input.
    expect(new Function(`return ${tsString(input)}`)()).toBe(input);
  });

  it.each([
    ['id', 'id'],
    ['spec.cloud', "'spec.cloud'"],
    ['odd-id', "'odd-id'"],
    ['$ok', '$ok'],
  ])('tsKey(%j)', (input, out) => expect(tsKey(input)).toBe(out));

  it('jsdoc: one line, several lines, nothing', () => {
    expect(jsdoc(['Hello */ world'])).toBe('/** Hello *\\/ world */\n');
    expect(jsdoc(['A', undefined, false, 'B\nC'], '  ')).toBe('  /**\n   * A\n   * B\n   * C\n   */\n');
    expect(jsdoc([undefined, ''])).toBe('');
  });

  it('mdCell folds newlines and escapes pipes', () => expect(mdCell('a | b\n\nc')).toBe('a \\| b c'));
});
