import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isAttributeValue } from '../names.ts';
import { grantsToUris, urisToGrants } from './member-uris.ts';
import { propertyParameters } from '../policy/policy-arbitraries.test-support.ts';

test('grantsToUris: roles then attributes, each sorted, values percent-encoded', () => {
  assert.deepEqual(grantsToUris(['b.x', 'a'], { unit: 'district-3', prison: 'JS 07' }), [
    'urn:custos:role:a',
    'urn:custos:role:b.x',
    'urn:custos:attr:prison=JS%2007',
    'urn:custos:attr:unit=district-3',
  ]);
});

test('urisToGrants: ignores non-Custos URIs', () => {
  assert.deepEqual(urisToGrants(['https://example.org', 'urn:isbn:123', 'urn:custos:role:a']), { roles: ['a'], attributes: {} });
});

test('attribute values survive the URI round trip, any Unicode text (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter(isAttributeValue), (value) => {
      assert.deepEqual(urisToGrants(grantsToUris([], { v: value })).attributes, { v: value });
    }),
    propertyParameters(),
  );
});
