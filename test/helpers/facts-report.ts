/**
 * Prints, for every golden fixture, the invariants and facts that do not hold, one line
 * each — a quicker read than the test runner's output when many facts fail:
 *
 *     npx tsx test/helpers/facts-report.ts [slug ...]
 *
 * Writes nothing. Under `node --test` (which runs every .js file below `test/`) it does nothing.
 */
import { pathToFileURL } from 'node:url';
import { FACT_FIELDS, factProblems, invariantProblems, loadFixtures, readFixture, type Facts } from './golden.js';
import { REPO_ROOT } from './repo.js';

export function factsReport(only: readonly string[] = []): { lines: string[]; failing: number; passing: number } {
  const root = REPO_ROOT;
  const lines: string[] = [];
  let failing = 0;
  let passing = 0;
  for (const fixture of loadFixtures(root)) {
    if (only.length > 0 && !only.includes(fixture.slug)) continue;
    let result;
    try {
      result = readFixture(fixture);
    } catch (error) {
      lines.push(`✖ ${fixture.slug}: read() threw ${String(error)}`);
      failing++;
      continue;
    }
    const invariants = invariantProblems(result.doc, result.json);
    for (const problem of invariants) lines.push(`✖ ${fixture.slug} invariant: ${problem}`);
    const facts: Facts = fixture.facts ?? {};
    for (const field of Object.keys(facts)) {
      if (field === 'about') continue;
      if (!(FACT_FIELDS as readonly string[]).includes(field)) {
        lines.push(`✖ ${fixture.slug} ${field}: unknown facts.json field`);
        failing++;
        continue;
      }
      const problems = factProblems(field as keyof Facts, facts, result.json);
      if (problems.length === 0) passing++;
      else failing++;
      for (const problem of problems) lines.push(`✖ ${fixture.slug} ${field}: ${problem}`);
    }
  }
  return { lines, failing, passing };
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain && process.env.NODE_TEST_CONTEXT === undefined) {
  const { lines, failing, passing } = factsReport(process.argv.slice(2));
  for (const line of lines) console.log(line);
  console.log(`facts: ${passing} hold, ${failing} fail`);
}
