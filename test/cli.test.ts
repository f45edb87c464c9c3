/**
 * `dateline read` as a user runs it: the built CLI in a child process, inputs made in a
 * temporary directory. Run `npm run build` first (`npm test` does).
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { hasStack, jsonLines, REPO_ROOT, runCli, tempDir } from './helpers/cli.js';

const ARTICLE = (title: string, body: string): string =>
  `<!doctype html><html><head><title>${title}</title><meta property="og:title" content="${title}"></head><body>` +
  `<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>` +
  `<article><h1>${title}</h1>` +
  Array.from({ length: 5 }, (_, i) => `<p>${body} This is paragraph ${i + 1} of the story, long enough to read as prose, with a few more words to make the point clear.</p>`).join('') +
  `</article><footer>© 2024 The Daily Example</footer></body></html>`;

const SCRAPED_TEXT = 'Leaders meet in Samarkand\n\nSAMARKAND, Uzbekistan: The leaders met on Friday to discuss trade and security across the region, officials said.\n\nThe talks are due to continue on Saturday, according to a statement.\n';

let dir: string;
let cleanup: () => void;

before(() => {
  ({ dir, cleanup } = tempDir('dateline-cli-'));
  writeFileSync(join(dir, 'a.html'), ARTICLE('Alpha story', 'Alpha body text.'));
  writeFileSync(join(dir, 'b.html'), ARTICLE('Bravo story', 'Bravo body text.'));
  writeFileSync(join(dir, 'c.txt'), SCRAPED_TEXT);
  // A tree for directory recursion: nested folders, gzip, hidden and unsupported files.
  const tree = join(dir, 'tree');
  mkdirSync(join(tree, 'sub', 'deeper'), { recursive: true });
  mkdirSync(join(tree, '.hidden'), { recursive: true });
  writeFileSync(join(tree, 'z-last.html'), ARTICLE('Zulu story', 'Zulu body.'));
  writeFileSync(join(tree, 'a-first.htm'), ARTICLE('First story', 'First body.'));
  writeFileSync(join(tree, 'notes.md'), '# not read');
  writeFileSync(join(tree, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  writeFileSync(join(tree, '.secret.html'), ARTICLE('Hidden', 'Hidden.'));
  writeFileSync(join(tree, '.hidden', 'x.html'), ARTICLE('Hidden dir', 'Hidden.'));
  writeFileSync(join(tree, 'sub', 'm-middle.html.gz'), gzipSync(ARTICLE('Middle story', 'Middle body.')));
  writeFileSync(join(tree, 'sub', 'deeper', 'text.txt'), SCRAPED_TEXT);
  writeFileSync(join(tree, 'sub', 'page.xhtml'), ARTICLE('Xhtml story', 'Xhtml body.'));
  mkdirSync(join(dir, 'emptydir'));
});

after(() => cleanup());

describe('dateline read: JSON and JSON Lines', () => {
  it('one input prints one JSON object with source.path and the article', async () => {
    const run = await runCli(['read', join(dir, 'a.html')]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 1);
    const doc = JSON.parse(lines[0]!) as { source: { path: string; format: string }; headline: string; body: string };
    assert.equal(doc.source.path, join(dir, 'a.html'));
    assert.equal(doc.source.format, 'html');
    assert.equal(doc.headline, 'Alpha story');
    assert.match(doc.body, /Alpha body text\./);
  });

  it('--pretty indents a single object', async () => {
    const run = await runCli(['read', '--pretty', join(dir, 'a.html')]);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^\{\n {2}"source": \{/);
    assert.equal((JSON.parse(run.stdout) as { headline: string }).headline, 'Alpha story');
  });

  it('several inputs print JSON Lines in input order, one per input, even with --pretty', async () => {
    const inputs = [join(dir, 'b.html'), join(dir, 'c.txt'), join(dir, 'a.html')];
    const run = await runCli(['read', '--pretty', ...inputs]);
    assert.equal(run.status, 0, run.stderr);
    const docs = jsonLines(run.stdout) as { source: { path: string; format: string } }[];
    assert.deepEqual(
      docs.map((d) => d.source.path),
      inputs,
    );
    assert.deepEqual(
      docs.map((d) => d.source.format),
      ['html', 'text', 'html'],
    );
    assert.equal(run.stdout.trimEnd().split('\n').length, 3);
  });

  it('a failing input gives an error line in place; the others still come out; exit 1', async () => {
    const inputs = [join(dir, 'a.html'), join(dir, 'missing.html'), join(dir, 'b.html')];
    const run = await runCli(['read', ...inputs]);
    assert.equal(run.status, 1);
    const docs = jsonLines(run.stdout);
    assert.equal(docs.length, 3);
    assert.deepEqual(docs[1], {
      source: { path: join(dir, 'missing.html') },
      error: { code: 'INPUT_NOT_FOUND', message: 'No such file or directory.' },
    });
    assert.equal((docs[2] as { headline: string }).headline, 'Bravo story');
    assert.equal(run.stderr.trimEnd().split('\n').length, 1);
    assert.match(run.stderr, /missing\.html.*INPUT_NOT_FOUND/);
    assert.ok(!hasStack(run.stderr));
  });
});

describe('dateline read: inputs', () => {
  it('- reads standard input and reports source.path "-"', async () => {
    const run = await runCli(['read', '-'], { stdin: ARTICLE('Stdin story', 'Stdin body.') });
    assert.equal(run.status, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as { source: { path: string }; headline: string };
    assert.equal(doc.source.path, '-');
    assert.equal(doc.headline, 'Stdin story');
  });

  it('- reads gzipped standard input too, and mixes with files in order', async () => {
    const run = await runCli(['read', join(dir, 'a.html'), '-'], { stdin: gzipSync(SCRAPED_TEXT) });
    assert.equal(run.status, 0, run.stderr);
    const docs = jsonLines(run.stdout) as { source: { path: string; format: string }; text: string }[];
    assert.deepEqual(
      docs.map((d) => d.source.path),
      [join(dir, 'a.html'), '-'],
    );
    assert.equal(docs[1]!.source.format, 'text');
    // Where the text reader puts these lines (body or furniture) is its business, not the CLI's.
    assert.match(JSON.stringify(docs[1]), /Samarkand/);
  });

  it('a directory is read recursively in sorted order, skipping hidden and unsupported files', async () => {
    const tree = join(dir, 'tree');
    const run = await runCli(['read', tree]);
    assert.equal(run.status, 0, run.stderr);
    const paths = jsonLines(run.stdout).map((d) => (d as { source: { path: string } }).source.path);
    assert.deepEqual(paths, [
      join(tree, 'a-first.htm'),
      join(tree, 'sub', 'deeper', 'text.txt'),
      join(tree, 'sub', 'm-middle.html.gz'),
      join(tree, 'sub', 'page.xhtml'),
      join(tree, 'z-last.html'),
    ]);
    const middle = jsonLines(run.stdout)[2] as { headline: string; source: { format: string } };
    assert.equal(middle.headline, 'Middle story');
    assert.equal(middle.source.format, 'html');
  });

  it('a directory with nothing to read is an error for that input', async () => {
    const run = await runCli(['read', join(dir, 'emptydir'), join(dir, 'a.html')]);
    assert.equal(run.status, 1);
    const docs = jsonLines(run.stdout) as { error?: { code: string } }[];
    assert.equal(docs[0]!.error?.code, 'INPUT_EMPTY');
    assert.equal(docs.length, 2);
  });

  it('--as text reads HTML markup as scraped text; --url and --content-type reach the reading', async () => {
    const asText = await runCli(['read', '--as', 'text', join(dir, 'a.html')]);
    assert.equal((JSON.parse(asText.stdout) as { source: { format: string } }).source.format, 'text');
    const latin = join(dir, 'latin.html');
    writeFileSync(latin, Buffer.concat([Buffer.from('<html><body><article><h1>Caf'), Buffer.from([0xe9]), Buffer.from('</h1><p>Un caf'), Buffer.from([0xe9]), Buffer.from(' cr'), Buffer.from([0xe8]), Buffer.from('me.</p></article></body></html>')]));
    const run = await runCli(['read', '--url', 'https://example.com/2024/05/01/cafe', '--content-type', 'text/html; charset=iso-8859-1', latin]);
    assert.equal(run.status, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as { source: { url: string; decoding: { encoding: string; decidedBy: string } }; text: string };
    assert.equal(doc.source.url, 'https://example.com/2024/05/01/cafe');
    assert.deepEqual([doc.source.decoding.encoding, doc.source.decoding.decidedBy], ['windows-1252', 'header']);
    assert.match(doc.text, /Un café crème\./);
  });
});

describe('dateline read: --format', () => {
  it('markdown, text and html print the article', async () => {
    const md = await runCli(['read', '--format', 'markdown', join(dir, 'a.html')]);
    assert.equal(md.status, 0, md.stderr);
    assert.match(md.stdout, /^# Alpha story\n/);
    assert.match(md.stdout, /Alpha body text\./);
    const text = await runCli(['read', '-f', 'text', join(dir, 'a.html')]);
    assert.equal(text.status, 0);
    assert.match(text.stdout, /Alpha story/);
    assert.doesNotMatch(text.stdout, /[<>]/);
    const html = await runCli(['read', '--format=html', join(dir, 'a.html')]);
    assert.equal(html.status, 0);
    assert.match(html.stdout, /<p>[^<]*Alpha body text\./);
    assert.doesNotMatch(html.stdout, /<script/i);
  });

  it('with several inputs each document starts with a line naming it; failures go to stderr', async () => {
    const run = await runCli(['read', '-f', 'markdown', join(dir, 'a.html'), join(dir, 'nope.html'), join(dir, 'b.html')]);
    assert.equal(run.status, 1);
    const headers = run.stdout.split('\n').filter((line) => line.startsWith('==> '));
    assert.deepEqual(headers, [`==> ${join(dir, 'a.html')} <==`, `==> ${join(dir, 'b.html')} <==`]);
    assert.doesNotMatch(run.stdout, /INPUT_NOT_FOUND/);
    assert.match(run.stderr, /nope\.html.*INPUT_NOT_FOUND/);
  });
});

describe('dateline: help, version and usage errors', () => {
  it('--help documents every option and exits 0', async () => {
    for (const flag of ['--help', '-h']) {
      const run = await runCli(['read', flag]);
      assert.equal(run.status, 0);
      for (const option of ['--format', 'json', 'markdown', 'text', 'html', '--url', '--content-type', '--as', '--pretty', '--timeout', '--help', '--version', '-']) {
        assert.ok(run.stdout.includes(option), `help mentions ${option}`);
      }
    }
    assert.equal((await runCli(['--help'])).status, 0);
  });

  it('--version prints the package version', async () => {
    const run = await runCli(['--version']);
    assert.equal(run.status, 0);
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(run.stdout.trim(), pkg.version);
  });

  const usage: [string, string[], RegExp][] = [
    ['an unknown option', ['read', '--frobnicate', 'a.html'], /unknown option '--frobnicate'/],
    ['no input', ['read'], /no input/],
    ['no command', [], /no command/],
    ['an unknown command', ['eat', 'a.html'], /unknown command 'eat'/],
    ['a bad --format', ['read', '--format', 'pdf', 'a.html'], /--format 'pdf'/],
    ['a bad --as', ['read', '--as', 'xml', 'a.html'], /--as 'xml'/],
    ['--url with several inputs', ['read', '--url', 'https://example.com/', 'a.html', 'b.html'], /--url applies to a single input/],
    ['a relative --url', ['read', '--url', 'example.com/x', 'a.html'], /not an absolute URL/],
    ['a missing option value', ['read', 'a.html', '--format'], /--format/],
  ];
  for (const [what, args, message] of usage) {
    it(`${what} exits 2 with a one-line message and a hint to --help`, async () => {
      const run = await runCli(args, { cwd: dir });
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      const lines = run.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 2, run.stderr);
      assert.match(lines[0]!, /^dateline: /);
      assert.match(lines[0]!, message);
      assert.match(lines[1]!, /--help/);
      assert.ok(!hasStack(run.stderr));
    });
  }
});

describe('size limit', () => {
  it('--max-size refuses a larger input at once with INPUT_TOO_LARGE', async () => {
    const temp = tempDir();
    after(temp.cleanup);
    const page = join(temp.dir, 'page.html');
    writeFileSync(page, `<html><body><article><p>${'word '.repeat(300_000)}</p></article></body></html>`);
    const run = await runCli(['read', '--max-size', '1', page]);
    assert.equal(run.status, 1);
    const out = JSON.parse(run.stdout) as { error: { code: string; message: string } };
    assert.equal(out.error.code, 'INPUT_TOO_LARGE');
    assert.match(out.error.message, /1 MiB/);
    const usage = await runCli(['read', '--max-size', 'lots', page]);
    assert.equal(usage.status, 2);
  });
});
