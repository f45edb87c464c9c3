/**
 * The entity stage over real articles (English Wikinews, CC BY 2.5, the demo corpus in demo/wikinews),
 * with a crude capitalised-words tagger standing in for the NER tagger: no crash, and
 * the invariants every consumer relies on.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createDoc, type NewsDoc } from '../../doc/news-doc.js';
import { isValidSpan } from '../../doc/span.js';
import { WIKINEWS } from '../../../test/helpers/repo.js';
import { entitiesStage } from './index.js';
import { capitalisedMentions } from '../../../test/helpers/mentions.js';

const CORPUS = WIKINEWS;

interface Article {
  id: string;
  title: string;
  text: string;
}

function articles(): Article[] {
  const all = readFileSync(CORPUS, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Article);
  // Every tenth article, plus the longest (an interview past 100 k characters).
  const sample = all.filter((_, i) => i % 10 === 0);
  const longest = all.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  if (!sample.includes(longest)) sample.push(longest);
  return sample;
}

function checkInvariants(doc: NewsDoc, id: string): void {
  const text = doc.text!;
  const mentions = doc.layers.mentions!;
  const entities = doc.layers.entities!;
  const listed = new Array<number>(mentions.length).fill(0);
  entities.forEach((entity, index) => {
    assert.equal(entity.id, index, id);
    assert.ok(entity.mentions.length > 0, `${id}: entity ${entity.name} has no mention`);
    assert.ok(entity.name.trim() !== '', `${id}: entity ${index} has an empty name`);
    assert.ok(
      entity.mentions.some((m) => mentions[m]!.text.includes(entity.name)),
      `${id}: the name ${entity.name} is none of its mentions' text`,
    );
    let previous = -1;
    for (const m of entity.mentions) {
      const mention = mentions[m]!;
      assert.equal(mention.entity, index, `${id}: mention ${mention.text} points elsewhere`);
      assert.equal(mention.type, entity.type, `${id}: mention ${mention.text} keeps another type`);
      assert.ok(mention.start >= previous, `${id}: mentions of ${entity.name} out of order`);
      previous = mention.start;
      listed[m]! += 1;
    }
    for (const span of [...entity.roles, ...entity.references]) {
      assert.ok(isValidSpan(text, span), `${id}: bad span for ${entity.name}`);
      assert.equal(text.slice(span.start, span.end), span.text, id);
      assert.equal(entity.type, 'PER', `${id}: only people have roles and references`);
    }
    for (const acronym of entity.acronyms) assert.match(acronym, /^\p{Lu}/u, id);
  });
  assert.ok(listed.every((count) => count === 1), `${id}: a mention is in no entity or in two`);
}

test('entities: Wikinews articles with a crude tagger keep every invariant', () => {
  let tokens = 0;
  let elapsed = 0;
  let people = 0;
  let withRoles = 0;
  for (const article of articles()) {
    const doc = createDoc({ format: 'text' });
    doc.text = `${article.title}\n\n${article.text}`;
    doc.layers.mentions = capitalisedMentions(doc.text);
    tokens += doc.text.split(/\s+/).length;
    const started = performance.now();
    entitiesStage.run(doc, {});
    elapsed += performance.now() - started;
    checkInvariants(doc, article.id);
    for (const entity of doc.layers.entities!) {
      if (entity.type !== 'PER') continue;
      people += 1;
      if (entity.roles.length > 0) withRoles += 1;
    }
  }
  assert.ok(people > 0 && withRoles > 0, 'some people, some with roles');
  // Generous: the stage's share of the 20,000 tokens/s pipeline budget is a small part.
  assert.ok(tokens / (elapsed / 1000) > 50_000, `${Math.round(tokens / (elapsed / 1000))} tokens/s`);
});
