import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPipeline } from './pipeline.js';
import type { Stage } from './stage.js';
import { createDoc } from '../doc/news-doc.js';
import { DatelineError } from '../doc/errors.js';

const upper: Stage = {
  id: 'test.upper',
  version: 2,
  requires: ['input'],
  produces: ['text'],
  run(doc) {
    doc.text = (doc.input ?? '').toUpperCase();
    return doc;
  },
};

const blocks: Stage = {
  id: 'test.blocks',
  version: 1,
  requires: ['text'],
  produces: ['blocks'],
  run(doc) {
    doc.layers.blocks = [{ kind: 'paragraph', start: 0, end: doc.text?.length ?? 0 }];
    return doc;
  },
};

test('pipeline: runs stages in order and records their ids with versions', () => {
  const pipeline = buildPipeline(['input'], [upper, blocks]);
  const doc = pipeline.run(createDoc({ format: 'text' }, 'abc'), undefined);
  assert.equal(doc.text, 'ABC');
  assert.deepEqual(doc.layers.blocks, [{ kind: 'paragraph', start: 0, end: 3 }]);
  assert.deepEqual(doc.stagesRun, ['test.upper@2', 'test.blocks@1']);
});

test('pipeline: refuses to build when a requirement is produced by no earlier stage', () => {
  assert.throws(
    () => buildPipeline(['input'], [blocks, upper]),
    (error: unknown) =>
      error instanceof DatelineError &&
      error.code === 'PIPELINE_INVALID' &&
      /test\.blocks requires text/.test(error.message),
  );
});

test('pipeline: refuses a stage whose requirement is not among the initial capabilities', () => {
  assert.throws(() => buildPipeline([], [upper]), DatelineError);
});

test('pipeline: the stage list is frozen once built', () => {
  const pipeline = buildPipeline(['input'], [upper]);
  assert.equal(Object.isFrozen(pipeline.stages), true);
});
