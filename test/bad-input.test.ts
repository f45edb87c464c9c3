/**
 * Bad input through the built CLI (RELIABILITY.md §4 E-*, §6 P-2/P-5/P-7): each gives a
 * clear one-line error or a correct reading within 10 s, never a stack trace, and in a
 * run of several inputs the others still come out. Inputs are generated at test time in
 * a temporary directory. Run `npm run build` first (`npm test` does).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { hasStack, jsonLines, runCli, tempDir, type CliRun } from './helpers/cli.js';

const LIMIT_MS = 10_000;

interface Reading {
  source: { path: string; format: string; decoding?: { encoding: string; decidedBy: string; declared?: string; replacements: number } };
  isArticle: boolean;
  headline: string | null;
  body: string;
  text: string;
  diagnostics: { code: string }[];
}
interface Failure {
  source: { path: string };
  error: { code: string; message: string };
}

const PARAGRAPHS = Array.from(
  { length: 6 },
  (_, i) => `<p>Paragraph ${i + 1} of the article. The minister said the talks would continue next week in Geneva, officials said on Monday, and that both sides wanted a deal.</p>`,
).join('');
const GOOD = `<!doctype html><html><head><title>Talks to continue</title></head><body><article><h1>Talks to continue</h1>${PARAGRAPHS}</article></body></html>`;

let dir: string;
let cleanup: () => void;
const file = (name: string): string => join(dir, name);

before(() => {
  ({ dir, cleanup } = tempDir('dateline-bad-'));
  writeFileSync(file('good.html'), GOOD);
  writeFileSync(file('empty.html'), '');
  writeFileSync(file('whitespace.html'), ' \n\t \r\n ');
  // A PNG named as a page.
  writeFileSync(
    file('image.html'),
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.alloc(2000, 0x07)]),
  );
  // 50 MB: an article, then a huge comment section.
  const comments: string[] = [];
  let size = 0;
  for (let i = 0; size < 50 * 1024 * 1024; i++) {
    const comment = `<div class="comment"><p>Comment ${i} says something about the story, with a <a href="/u/${i}">link</a>.</p></div>\n`;
    comments.push(comment);
    size += comment.length;
  }
  writeFileSync(
    file('huge.html'),
    `<!doctype html><html><head><title>Big page</title></head><body><article><h1>Big page headline</h1>${PARAGRAPHS}</article><section class="comments">${comments.join('')}</section></body></html>`,
  );
  writeFileSync(file('deep.html'), `<!doctype html><html><body>${'<div>'.repeat(100_000)}<p>Deep text paragraph.</p>${'</div>'.repeat(100_000)}</body></html>`);
  // Mostly valid UTF-8 with an overlong sequence, a UTF-16 surrogate and a sequence cut at EOF.
  writeFileSync(
    file('invalid-utf8.html'),
    Buffer.concat([
      Buffer.from(`<!doctype html><html><head><meta charset="utf-8"><title>Zürich</title></head><body><article><h1>Zürich naïve café</h1>${PARAGRAPHS}<p>Broken: `, 'utf8'),
      Buffer.from([0xc0, 0xaf]),
      Buffer.from(' and ', 'utf8'),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from(' — “quoted” — ', 'utf8'),
      Buffer.from([0xe2, 0x82]),
    ]),
  );
  // Declared UTF-8, written in windows-1252.
  writeFileSync(
    file('misdeclared.html'),
    Buffer.from(
      `<!doctype html><html><head><meta charset="utf-8"><title>Caf\u00e9 society</title></head><body><article><h1>Caf\u00e9 society</h1>${PARAGRAPHS}<p>The caf\u00e9 owner said the cr\u00e8me br\u00fbl\u00e9e was \u201cthe best\u201d \u2013 at 5\u20ac.</p></article></body></html>`.replace(/[\u201c\u201d\u2013\u20ac]/g, (c) => ({ '\u201c': '\x93', '\u201d': '\x94', '\u2013': '\x96', '\u20ac': '\x80' })[c]!),
      'latin1',
    ),
  );
  // A product grid: no article on the page.
  const products = Array.from(
    { length: 24 },
    (_, i) => `<li class="product"><a href="/p/${i}"><img src="/i/${i}.jpg" alt=""><h3>Wireless Headphones Model ${i}</h3></a><span class="price">$${19 + i}.99</span><button>Add to cart</button></li>`,
  ).join('');
  writeFileSync(
    file('product-grid.html'),
    `<!doctype html><html><head><title>Headphones | MegaStore</title></head><body><header><nav><a href="/">Home</a> <a href="/deals">Deals</a> <a href="/cart">Cart</a></nav></header><main><h1>Headphones</h1><ul class="grid">${products}</ul></main><footer>© 2024 MegaStore. All rights reserved.</footer></body></html>`,
  );
  const gz = gzipSync(GOOD.repeat(20));
  writeFileSync(file('truncated.html.gz'), gz.subarray(0, Math.floor(gz.length / 2)));
  // A gzip bomb: 200 MiB of spaces in about 200 KB.
  writeFileSync(file('bomb.html.gz'), gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20), { level: 9 }));
});

after(() => cleanup());

/** The common promise for any single bad input: fast, at most one stderr line, no stack. */
function assertWellBehaved(run: CliRun, what: string): void {
  assert.ok(run.ms < LIMIT_MS, `${what}: took ${Math.round(run.ms)} ms`);
  assert.equal(run.signal, null, `${what}: killed by ${run.signal}`);
  assert.ok(run.status === 0 || run.status === 1, `${what}: exit status ${run.status}`);
  assert.ok(!hasStack(run.stderr), `${what}: stack trace on stderr:\n${run.stderr}`);
  assert.ok(run.stderr.trimEnd().split('\n').length <= 1, `${what}: more than one stderr line:\n${run.stderr}`);
}

function assertError(run: CliRun, path: string, code: string): Failure {
  assertWellBehaved(run, path);
  assert.equal(run.status, 1);
  const failure = JSON.parse(run.stdout) as Failure;
  assert.deepEqual(Object.keys(failure).sort(), ['error', 'source']);
  assert.equal(failure.source.path, path);
  assert.equal(failure.error.code, code);
  assert.doesNotMatch(failure.error.message, /\n/);
  assert.match(run.stderr, new RegExp(`^dateline: .*\\[${code}\\]\\n$`));
  return failure;
}

function assertReading(run: CliRun, what: string): Reading {
  assertWellBehaved(run, what);
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as Reading;
}

const codes = (doc: Reading): string[] => doc.diagnostics.map((d) => d.code);

describe('bad input, one at a time', () => {
  it('an empty file → INPUT_EMPTY', async () => {
    assertError(await runCli(['read', file('empty.html')]), file('empty.html'), 'INPUT_EMPTY');
    assertError(await runCli(['read', file('whitespace.html')]), file('whitespace.html'), 'INPUT_EMPTY');
  });

  it('a binary file (PNG bytes named .html) → INPUT_BINARY', async () => {
    const failure = assertError(await runCli(['read', file('image.html')]), file('image.html'), 'INPUT_BINARY');
    assert.match(failure.error.message, /PNG/);
  });

  it('a 50 MB HTML page → a correct reading or a clear error, within 10 s', async () => {
    const run = await runCli(['read', file('huge.html')]);
    assertWellBehaved(run, 'huge.html');
    const out = JSON.parse(run.stdout) as Reading | Failure;
    if ('error' in out) {
      assert.ok(['EXTRACT_TIMEOUT', 'INPUT_TOO_LARGE', 'EXTRACT_OOM'].includes(out.error.code), out.error.code);
      assert.equal(run.status, 1);
    } else {
      assert.equal(out.headline, 'Big page headline');
      assert.match(out.body, /Paragraph 1 of the article/);
    }
  });

  it('100,000 nested <div>s → a reading, depth capped, no stack overflow', async () => {
    const doc = assertReading(await runCli(['read', file('deep.html')]), 'deep.html');
    assert.ok(codes(doc).includes('PARSE_DEPTH_CAPPED'));
    assert.match(doc.text, /Deep text paragraph\./);
  });

  it('invalid UTF-8 → U+FFFD where the bytes are broken, the rest intact', async () => {
    const doc = assertReading(await runCli(['read', file('invalid-utf8.html')]), 'invalid-utf8.html');
    assert.equal(doc.source.decoding?.encoding, 'utf-8');
    assert.ok((doc.source.decoding?.replacements ?? 0) >= 3);
    assert.ok(codes(doc).includes('DECODE_REPLACEMENT_CHARS'));
    assert.match(doc.text, /Zürich naïve café/);
    assert.match(doc.text, /Broken: \uFFFD+ and \uFFFD+ — “quoted” — \uFFFD/);
    assert.doesNotMatch(doc.text, /[\uD800-\uDFFF]/); // no surrogates at all in this text, lone or paired
  });

  it('a page declared UTF-8 but written in windows-1252 → read as windows-1252, and said so', async () => {
    const doc = assertReading(await runCli(['read', file('misdeclared.html')]), 'misdeclared.html');
    assert.deepEqual(doc.source.decoding, { encoding: 'windows-1252', decidedBy: 'detected', declared: 'utf-8', replacements: 0 });
    assert.ok(codes(doc).includes('DECODE_MISDECLARED'));
    assert.equal(doc.headline, 'Café society');
    assert.match(doc.text, /The café owner said the crème brûlée was “the best” – at 5€\./);
  });

  it('a page with no article (a product grid) → isArticle false with EXTRACT_NO_ARTICLE', async () => {
    const doc = assertReading(await runCli(['read', file('product-grid.html')]), 'product-grid.html');
    assert.equal(doc.isArticle, false);
    assert.ok(codes(doc).includes('EXTRACT_NO_ARTICLE'), codes(doc).join(', '));
  });

  it('a truncated gzip file → INPUT_GZIP_CORRUPT', async () => {
    assertError(await runCli(['read', file('truncated.html.gz')]), file('truncated.html.gz'), 'INPUT_GZIP_CORRUPT');
  });

  it('a gzip bomb → INPUT_TOO_LARGE, without inflating it all', async () => {
    assertError(await runCli(['read', file('bomb.html.gz')]), file('bomb.html.gz'), 'INPUT_TOO_LARGE');
  });

  it('a missing file → INPUT_NOT_FOUND', async () => {
    assertError(await runCli(['read', file('nope.html')]), file('nope.html'), 'INPUT_NOT_FOUND');
  });

  it('binary on standard input → INPUT_BINARY', async () => {
    assertError(await runCli(['read', '-'], { stdin: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0, 0, 0]) }), '-', 'INPUT_BINARY');
  });
});

describe('bad input among good input', () => {
  it('every input gets its line, in order; the good ones are read; exit 1', async () => {
    const names = [
      'good.html',
      'empty.html',
      'image.html',
      'huge.html',
      'good.html',
      'deep.html',
      'invalid-utf8.html',
      'misdeclared.html',
      'product-grid.html',
      'truncated.html.gz',
      'bomb.html.gz',
      'nope.html',
      'good.html',
    ];
    const run = await runCli(['read', ...names.map(file)], { killAfterMs: 120_000 });
    assert.equal(run.status, 1);
    assert.ok(!hasStack(run.stderr));
    const lines = jsonLines<Reading | Failure>(run.stdout);
    assert.deepEqual(
      lines.map((line) => line.source.path),
      names.map(file),
    );
    const outcome = (i: number): string => {
      const line = lines[i]!;
      return 'error' in line ? line.error.code : 'read';
    };
    assert.equal(outcome(0), 'read');
    assert.equal(outcome(1), 'INPUT_EMPTY');
    assert.equal(outcome(2), 'INPUT_BINARY');
    assert.ok(['read', 'EXTRACT_TIMEOUT', 'INPUT_TOO_LARGE', 'EXTRACT_OOM'].includes(outcome(3)));
    assert.equal(outcome(4), 'read'); // after a possible timeout, a fresh worker reads on
    for (const i of [5, 6, 7, 8]) assert.equal(outcome(i), 'read', names[i]);
    assert.equal(outcome(9), 'INPUT_GZIP_CORRUPT');
    assert.equal(outcome(10), 'INPUT_TOO_LARGE');
    assert.equal(outcome(11), 'INPUT_NOT_FOUND');
    assert.equal(outcome(12), 'read');
    assert.equal((lines[12] as Reading).headline, 'Talks to continue');
    // One stderr line per failed input, nothing else.
    const failures = lines.filter((line) => 'error' in line).length;
    assert.equal(run.stderr.trimEnd().split('\n').length, failures);
  });

  it('an input over the time limit is stopped with EXTRACT_TIMEOUT and the next input still comes out', async () => {
    const run = await runCli(['read', '--timeout', '0.05', file('deep.html'), file('good.html')]);
    assert.equal(run.status, 1);
    const lines = jsonLines<Reading | Failure>(run.stdout);
    assert.equal(lines.length, 2);
    assert.equal((lines[0] as Failure).error.code, 'EXTRACT_TIMEOUT');
    // The second input may also time out on a slow machine (a fresh worker must start in
    // 50 ms); what matters is that it has its own line.
    assert.equal(lines[1]!.source.path, file('good.html'));
    assert.ok(run.ms < LIMIT_MS);
  });

  it('an input that exhausts the heap limit → EXTRACT_OOM, and the next input still comes out', async () => {
    // --max-size lets the 50 MB page past the size check, so that it meets the heap limit.
    const run = await runCli(['read', '--max-size', '64', file('huge.html'), file('good.html')], {
      env: { ...process.env, DATELINE_MAX_HEAP_MB: '64' },
      killAfterMs: 60_000,
    });
    assert.equal(run.status, 1);
    assert.ok(!hasStack(run.stderr));
    const lines = jsonLines<Reading | Failure>(run.stdout);
    assert.equal(lines.length, 2);
    assert.ok(['EXTRACT_OOM', 'EXTRACT_TIMEOUT'].includes((lines[0] as Failure).error.code), JSON.stringify(lines[0]));
    assert.equal((lines[1] as Reading).headline, 'Talks to continue');
  });
});
