/**
 * The golden fixture suite: every page under `test/fixtures/pages/<slug>/` is read with
 * `read()` and checked three ways:
 *  - invariants every output keeps (spans inside `text`, blocks sorted and disjoint,
 *    `body` = body blocks joined by blank lines, no lone surrogates, dateline span);
 *  - `facts.json`, the human-reviewed truth about the page;
 *  - `expected.json`, the whole `toArticleJson` output (volatile fields dropped, keys
 *    sorted). A missing one is written on first run; `UPDATE=1` rewrites them all.
 * See test/fixtures/README.md.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FACT_FIELDS,
  factProblems,
  goldenValue,
  invariantProblems,
  jsonDifferences,
  loadFixtures,
  readFixture,
  stableStringify,
  type Facts,
  type Fixture,
  type FixtureResult,
} from './helpers/golden.js';
import { generatedFixtures } from './fixtures/make-binary-fixtures.js';
import { REPO_ROOT } from './helpers/repo.js';

const root = REPO_ROOT;
const update = process.env.UPDATE === '1';
const fixtures = loadFixtures(root);

test('the fixture set is there', () => {
  assert.ok(fixtures.length >= 12, `expected a dozen or more fixtures, found ${fixtures.length}`);
  for (const fixture of fixtures) {
    assert.ok(existsSync(fixture.sourceFile), `${fixture.slug}: no source file ${fixture.sourceFile}`);
    assert.ok(fixture.facts !== undefined, `${fixture.slug}: no facts.json`);
  }
});

test('generated fixtures match their generator (run test/fixtures/make-binary-fixtures.ts to refresh)', () => {
  for (const generated of generatedFixtures()) {
    const path = join(root, generated.path);
    assert.ok(existsSync(path), `${generated.path} is missing`);
    assert.ok(Buffer.from(generated.bytes).equals(readFileSync(path)), `${generated.path} differs from its generator's output`);
  }
});

for (const fixture of fixtures) {
  describe(fixture.slug, () => {
    let cached: FixtureResult | undefined;
    const result = (): FixtureResult => (cached ??= readFixture(fixture));

    test('reads without throwing, the same way twice', () => {
      const first = result();
      const again = readFixture(fixture);
      assert.deepEqual(jsonDifferences(goldenValue(first.json), goldenValue(again.json)), [], 'two reads differ');
    });

    test('invariants', () => {
      const { doc, json } = result();
      const problems = invariantProblems(doc, json);
      assert.deepEqual(problems, [], `${fixture.slug} invariants:\n  ${problems.join('\n  ')}`);
    });

    const facts: Facts = fixture.facts ?? {};
    for (const field of Object.keys(facts)) {
      if (field === 'about') continue;
      test(`fact: ${field}`, () => {
        assert.ok((FACT_FIELDS as readonly string[]).includes(field), `unknown facts.json field ${field}`);
        const problems = factProblems(field as keyof Facts, facts, result().json);
        assert.deepEqual(problems, [], `${fixture.slug} fact ${field}:\n  ${problems.join('\n  ')}`);
      });
    }

    test('expected.json', (t) => checkExpected(fixture, result(), t.diagnostic.bind(t)));
  });
}

function checkExpected(fixture: Fixture, result: FixtureResult, note: (message: string) => void): void {
  const actual = goldenValue(result.json);
  const serialised = stableStringify(actual);
  if (update || !existsSync(fixture.expectedFile)) {
    writeFileSync(fixture.expectedFile, serialised);
    note(`wrote ${fixture.expectedFile}`);
    return;
  }
  const expected = JSON.parse(readFileSync(fixture.expectedFile, 'utf8')) as unknown;
  const differences = jsonDifferences(expected, actual);
  assert.deepEqual(differences, [], `${fixture.slug}: output differs from expected.json (UPDATE=1 to accept):\n  ${differences.join('\n  ')}`);
}
