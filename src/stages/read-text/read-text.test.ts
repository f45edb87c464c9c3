import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createDoc, type NewsDoc } from '../../doc/news-doc.js';
import { bodyText } from '../../output/json.js';
import { bylineAuthors, lineDates } from './head.js';
import { readTextStage } from './index.js';
import { splitUnits } from './lines.js';
import { SEED_EXPECTED, SEED_PAGE } from '../../../test/helpers/repo.js';

function readText(input: string): NewsDoc {
  return readTextStage.run(createDoc({ format: 'text' }, input), {});
}

function paragraphs(doc: NewsDoc): string[] {
  const body = bodyText(doc);
  return body === '' ? [] : body.split('\n\n');
}

/** Every block span covers its text in doc.text; every furniture span covers its text in the input. */
function assertSpans(doc: NewsDoc): void {
  const text = doc.text ?? '';
  let previousEnd = 0;
  for (const block of doc.layers.blocks ?? []) {
    assert.ok(block.start >= previousEnd && block.end <= text.length && block.start <= block.end, 'block span in order');
    previousEnd = block.end;
  }
  assert.equal(
    (doc.layers.blocks ?? []).map((b) => text.slice(b.start, b.end)).join('\n\n'),
    text,
    'doc.text is the blocks joined by blank lines',
  );
  for (const item of doc.layers.furniture ?? []) {
    assert.ok(item.inputSpan !== undefined);
    assert.equal((doc.input ?? '').slice(item.inputSpan.start, item.inputSpan.end), item.text);
  }
}

// Five paragraphs of ordinary news prose, reused by the furniture cases.
const P1 =
  'The city council voted on Tuesday to approve a new budget that raises spending on public transport by a fifth, after months of debate over how to pay for the long-delayed tram extension.';
const P2 =
  'Council leader Maria Lopez said the plan would cut journey times for thousands of commuters and that the money would come from a mix of fares, a small increase in parking charges and a grant from the regional government.';
const P3 =
  'Opposition members argued that the figures were optimistic and that the council had not explained what would happen if the grant was smaller than expected, or if the works ran late as they had before.';
const P4 =
  'The first stage of the extension is due to open in the spring of next year, with further stations to follow as the funding allows and as the contractors finish the work on the bridge.';
const P5 =
  'Residents who spoke to reporters outside the town hall were divided, with some welcoming the investment and others saying that the money should have gone to schools and to repairing the roads in their neighbourhoods.';
const ARTICLE = [P1, P2, P3, P4, P5];

describe('read-text: the seed page', () => {
  const page = readFileSync(SEED_PAGE, 'utf8');
  const expected = JSON.parse(readFileSync(SEED_EXPECTED, 'utf8')) as {
    headline: string;
    body: { paragraphs: number; starts_with: string; ends_with: string; must_not_contain: string[] };
    boilerplate: { starts_with: string; items: number };
  };
  const doc = readText(page);

  it('finds the headline', () => {
    assert.equal(doc.metadata.headline, expected.headline);
    assert.equal(doc.layers.blocks?.[0]?.kind, 'headline');
  });

  it('reads the body as the expected paragraphs, the dateline paragraph first', () => {
    const body = bodyText(doc);
    assert.equal(paragraphs(doc).length, expected.body.paragraphs);
    assert.ok(body.startsWith(expected.body.starts_with), body.slice(0, 80));
    assert.ok(body.endsWith(expected.body.ends_with), body.slice(-80));
    for (const phrase of expected.body.must_not_contain) assert.ok(!body.includes(phrase), phrase);
    const firstBody = (doc.layers.blocks ?? []).find((b) => b.kind !== 'headline')!;
    assert.ok((doc.text ?? '').slice(firstBody.start, firstBody.end).startsWith('SAMARKAND, Uzbekistan:'));
  });

  it('keeps the trending headlines as furniture, not deleted', () => {
    const furniture = doc.layers.furniture ?? [];
    assert.equal(furniture.length, expected.boilerplate.items);
    assert.ok(furniture[0]!.text.startsWith(expected.boilerplate.starts_with));
    for (const item of furniture) {
      assert.equal(item.kind, 'headline-list');
      assert.ok(item.reason.length > 0);
    }
    assert.ok(doc.diagnostics.some((d) => d.code === 'TEXT_FURNITURE'));
    assert.ok(!doc.diagnostics.some((d) => d.code === 'TEXT_NO_HEADLINE'));
  });

  it('has consistent spans', () => assertSpans(doc));
});

describe('read-text: furniture kinds', () => {
  const cases: { kind: string; before?: string[]; middle?: string[]; after?: string[]; line: string }[] = [
    { kind: 'related-links', middle: ['Related: Tram works delayed again as costs rise'], line: 'Related: Tram works delayed again as costs rise' },
    { kind: 'related-links', after: ['Read more: How the city pays for its buses'], line: 'Read more: How the city pays for its buses' },
    { kind: 'share-prompt', after: ['Share on Facebook', 'Share on X', 'Email this'], line: 'Share on Facebook' },
    { kind: 'subscribe-prompt', after: ['Sign up for our free morning newsletter'], line: 'Sign up for our free morning newsletter' },
    {
      kind: 'cookie-notice',
      before: ['We use cookies to improve your experience on our site. Accept all or manage your preferences.'],
      line: 'We use cookies to improve your experience on our site. Accept all or manage your preferences.',
    },
    { kind: 'copyright', after: ['© 2024 Example Media Ltd. All rights reserved.'], line: '© 2024 Example Media Ltd. All rights reserved.' },
    { kind: 'navigation', before: ['Home', 'World', 'Politics', 'Business', 'Sport'], line: 'Politics' },
    { kind: 'advertisement', middle: ['Advertisement'], line: 'Advertisement' },
    { kind: 'byline', before: ['By Jane Doe'], line: 'By Jane Doe' },
    { kind: 'separator', after: ['ENDS'], line: 'ENDS' },
    {
      kind: 'headline-list',
      after: [
        'Trending Now',
        'Police Investigate Break-In At Local Museum',
        'New Bakery Opens On The High Street This Weekend',
        'Football Club Signs Striker From Rival Team',
        'Weather Warning Issued For Heavy Rain On Friday',
      ],
      line: 'New Bakery Opens On The High Street This Weekend',
    },
    { kind: 'other', after: ['Reply', 'jsmith says:'], line: 'jsmith says:' },
  ];
  for (const c of cases) {
    it(`${c.kind}: "${c.line}"`, () => {
      const lines = ['Council approves transport budget', ...(c.before ?? []), P1, P2, ...(c.middle ?? []), P3, P4, P5, ...(c.after ?? [])];
      if (c.before !== undefined) lines.splice(0, 1);
      const doc = readText(lines.join('\n'));
      const item = (doc.layers.furniture ?? []).find((f) => f.text === c.line);
      assert.ok(item !== undefined, `"${c.line}" is furniture; furniture: ${JSON.stringify(doc.layers.furniture)}`);
      assert.equal(item.kind, c.kind, item.reason);
      assert.ok(item.reason.length > 10);
      assert.deepEqual(paragraphs(doc), ARTICLE, 'the article paragraphs are all kept, and nothing else');
      assertSpans(doc);
    });
  }

  it('drops no word-less separator silently: it is counted in the diagnostic', () => {
    const doc = readText(['Council approves transport budget', ...ARTICLE, '***', 'Most Read Stories Today Are Here', 'Another Headline About The Mayor Today', 'Third Headline For The List Below', 'Fourth Headline In The Trending List'].join('\n'));
    assert.deepEqual(paragraphs(doc), ARTICLE);
    const message = doc.diagnostics.find((d) => d.code === 'TEXT_FURNITURE')?.message ?? '';
    assert.match(message, /1 separator line/);
  });
});

describe('read-text: article shapes', () => {
  it('a text with no headline: the first paragraph is body, TEXT_NO_HEADLINE is reported', () => {
    const doc = readText(ARTICLE.join('\n\n'));
    assert.equal(doc.metadata.headline, undefined);
    assert.deepEqual(paragraphs(doc), ARTICLE);
    assert.ok(doc.diagnostics.some((d) => d.code === 'TEXT_NO_HEADLINE'));
  });

  it('a text that is all body: nothing is furniture', () => {
    const doc = readText(ARTICLE.join('\n'));
    assert.deepEqual(paragraphs(doc), ARTICLE);
    assert.deepEqual(doc.layers.furniture, []);
    assert.ok(!doc.diagnostics.some((d) => d.code === 'TEXT_FURNITURE'));
  });

  it('sets a comment section aside even when it is longer than the article', () => {
    const comment =
      'I have lived in this city for thirty years and I have never seen the council agree on anything so quickly, which makes me wonder what was promised to whom before the vote.';
    const thread = ['3 Comments', 'jsmith says:', comment, 'Reply', 'anna_k says:', comment.replace('thirty', 'twenty'), 'Reply', 'bob says:', comment.replace('thirty', 'ten'), 'Reply'];
    const doc = readText(['Council approves transport budget', ...ARTICLE, ...thread].join('\n'));
    assert.deepEqual(paragraphs(doc), ARTICLE);
    const set = (doc.layers.furniture ?? []).map((f) => f.text);
    assert.ok(set.includes('3 Comments') && set.includes(comment));
  });

  it('keeps a short paragraph and a quote line in the middle of the article', () => {
    const short = 'She declined to comment.';
    const quote = '“We will not give up,” he said.';
    const doc = readText(['Council approves transport budget', P1, P2, short, quote, P3, P4, P5].join('\n'));
    assert.deepEqual(paragraphs(doc), [P1, P2, short, quote, P3, P4, P5]);
  });

  it('reads markdown-ish headings, list items and quotes as block kinds', () => {
    const input = [
      '# Council approves transport budget',
      '',
      P1,
      '',
      '## What the budget pays for',
      '',
      P2,
      '',
      '- More trams on the busiest routes at peak times',
      '- Cheaper fares for students and pensioners',
      '1. A new bridge over the river for the tram line',
      '',
      '> The money is there, and the plan is sound, the council leader told reporters.',
      '',
      P3,
    ].join('\n');
    const doc = readText(input);
    assert.equal(doc.metadata.headline, 'Council approves transport budget');
    const text = doc.text ?? '';
    const kinds = (doc.layers.blocks ?? []).map((b) => [b.kind, text.slice(b.start, b.end)]);
    assert.deepEqual(kinds, [
      ['headline', 'Council approves transport budget'],
      ['paragraph', P1],
      ['heading', 'What the budget pays for'],
      ['paragraph', P2],
      ['list-item', 'More trams on the busiest routes at peak times'],
      ['list-item', 'Cheaper fares for students and pensioners'],
      ['list-item', '1. A new bridge over the river for the tram line'],
      ['quote', 'The money is there, and the plan is sound, the council leader told reporters.'],
      ['paragraph', P3],
    ]);
    assert.equal((doc.layers.blocks ?? [])[2]!.level, 2);
  });

  it('reads an html2text-style dump: link-only lines are navigation, link targets are not words', () => {
    const input = [
      '[Home](https://example.com/) | [World](https://example.com/world) | [Sport](https://example.com/sport)',
      '',
      '# Council approves transport budget',
      '',
      P1,
      '',
      `${P2} See [the budget](https://example.com/budget.pdf).`,
      '',
      P3,
      '',
      '  * [Privacy](https://example.com/privacy)',
      '  * [Contact us](https://example.com/contact)',
    ].join('\n');
    const doc = readText(input);
    assert.equal(doc.metadata.headline, 'Council approves transport budget');
    assert.deepEqual(paragraphs(doc), [P1, `${P2} See [the budget](https://example.com/budget.pdf).`, P3]);
    const nav = (doc.layers.furniture ?? []).find((f) => f.text.startsWith('[Home]'));
    assert.equal(nav?.kind, 'navigation');
  });

  it('joins hard-wrapped lines into paragraphs', () => {
    const wrap = (p: string) => p.replace(/(.{1,60})(\s|$)/g, '$1\n').trim();
    const input = ['Council approves transport budget', '', ...ARTICLE.map(wrap).join('\n\n').split('\n')].join('\n');
    const doc = readText(input);
    assert.deepEqual(paragraphs(doc), ARTICLE);
  });

  it('reads CRLF line endings as LF, with spans into the CRLF input', () => {
    const lines = ['Council approves transport budget', 'Home', 'World', 'Politics', 'Sport', P1, P2, P3, P4, P5, '© 2024 Example Media Ltd. All rights reserved.'];
    const lf = readText(lines.join('\n'));
    const crlf = readText(lines.join('\r\n'));
    assert.equal(crlf.text, lf.text);
    assert.deepEqual(crlf.layers.blocks, lf.layers.blocks);
    assert.deepEqual(
      (crlf.layers.furniture ?? []).map((f) => [f.kind, f.text]),
      (lf.layers.furniture ?? []).map((f) => [f.kind, f.text]),
    );
    assert.ok(!(crlf.text ?? '').includes('\r'));
    assertSpans(crlf);
  });

  it('counts offsets in UTF-16 units through emoji and CJK', () => {
    const emoji = 'Fans 🎉🎉 celebrated in the streets of the old town until late into the night, waving flags 🇺🇦 and singing songs that everyone seemed to know by heart.';
    const cjk = '东京（共同社）日本政府周二宣布了新的经济刺激计划，旨在应对物价上涨和日元贬值带来的压力，并计划在年底前向低收入家庭发放补贴。';
    const input = ['🔥 Menu', 'Home', 'News', 'Sport', 'Tokyo 東京 celebrates 🎉', emoji, P1, cjk, P2, '© 2024 例 Media 🙂 All rights reserved.'].join('\n');
    const doc = readText(input);
    assert.deepEqual(paragraphs(doc), [emoji, P1, cjk, P2]);
    assertSpans(doc);
    const copyright = (doc.layers.furniture ?? []).find((f) => f.kind === 'copyright');
    assert.ok(copyright !== undefined);
    assert.equal(copyright.inputSpan!.start, input.indexOf('© 2024'));
  });

  it('splits units with their offsets', () => {
    const units = splitUnits('  one line  \r\n\r\ntwo\rthree');
    assert.deepEqual(
      units.map((u) => [u.text, u.start, u.end, u.blankBefore]),
      [
        ['one line', 2, 10, true],
        ['two', 16, 19, true],
        ['three', 20, 25, false],
      ],
    );
  });

  it('handles empty and whitespace-only input without throwing', () => {
    const doc = readText('  \n \n');
    assert.equal(doc.text, '');
    assert.deepEqual(doc.layers.blocks, []);
  });
});

describe('read-text: bylines', () => {
  it('reads a person from "By …"', () => {
    assert.deepEqual(bylineAuthors('By Nina Castellano'), [{ name: 'Nina Castellano', kind: 'person' }]);
    assert.deepEqual(bylineAuthors('Written by Nina Castellano'), [{ name: 'Nina Castellano', kind: 'person' }]);
  });

  it('reads two people from "By X and Y"', () => {
    assert.deepEqual(bylineAuthors('By Jane Doe and John Roe'), [
      { name: 'Jane Doe', kind: 'person' },
      { name: 'John Roe', kind: 'person' },
    ]);
  });

  it('reads an agency after the writer: "By X, Reuters", "By X (AP)", "By The Associated Press"', () => {
    assert.deepEqual(bylineAuthors('By Jane Doe, Reuters'), [
      { name: 'Jane Doe', kind: 'person' },
      { name: 'Reuters', kind: 'agency' },
    ]);
    assert.deepEqual(bylineAuthors('By Jane Doe (AP)'), [
      { name: 'Jane Doe', kind: 'person' },
      { name: 'AP', kind: 'agency' },
    ]);
    assert.deepEqual(bylineAuthors('By The Associated Press'), [{ name: 'AP', kind: 'agency' }]);
  });

  it('leaves out a date, a reading time or a role on the byline line', () => {
    assert.deepEqual(bylineAuthors('By Jane Doe | 3 May 2024'), [{ name: 'Jane Doe', kind: 'person' }]);
    assert.deepEqual(bylineAuthors('By Jane Doe on May 3, 2024'), [{ name: 'Jane Doe', kind: 'person' }]);
    assert.deepEqual(bylineAuthors('By Korin MillerPublished: Jan 29, 2025'), [{ name: 'Korin Miller', kind: 'person' }]);
    assert.deepEqual(bylineAuthors('By Matthew Richardson ⋅ Review Editor ⋅ Updated November 18, 2025'), [
      { name: 'Matthew Richardson', kind: 'person' },
    ]);
    assert.deepEqual(bylineAuthors('By Jane Doe 5 min read'), [{ name: 'Jane Doe', kind: 'person' }]);
    assert.deepEqual(bylineAuthors('By Colin Gray Colin Gray'), [{ name: 'Colin Gray', kind: 'person' }]);
  });

  it('reads no byline from a sentence or a credit that starts with "by"', () => {
    assert.equal(bylineAuthors('By now the damage was done'), undefined);
    assert.equal(bylineAuthors('By then'), undefined);
    assert.equal(bylineAuthors('Photo by Jane Doe'), undefined);
    assert.equal(bylineAuthors('Published 3 May 2024'), undefined);
  });
});

describe('read-text: date lines', () => {
  const line = (text: string, dateLine = false) => lineDates(text, { dateLine, words: text.split(/\s+/).length });

  it('reads "Published 3 May 2024" as a publication date', () => {
    assert.deepEqual(line('Published 3 May 2024'), [{ value: '2024-05-03', label: 'published' }]);
  });

  it('reads "Updated: …" as an update, the day only when the time has no offset', () => {
    assert.deepEqual(line('Updated: May 3, 2024 10:02 AM'), [{ value: '2024-05-03', label: 'updated' }]);
  });

  it('reads a bare date line, with its time when it carries an offset', () => {
    assert.deepEqual(line('May 3, 2024 10:02 AM', true), [{ value: '2024-05-03', label: 'none' }]);
    assert.deepEqual(line('2024-05-03', true), [{ value: '2024-05-03', label: 'none' }]);
    assert.deepEqual(line('2024-05-03T10:02:00+01:00', true), [{ value: '2024-05-03T10:02:00+01:00', label: 'none' }]);
    assert.deepEqual(line('2024-05-03T10:02:00Z', true), [{ value: '2024-05-03T10:02:00Z', label: 'none' }]);
  });

  it('reads both dates of "Published …, updated …" with their labels', () => {
    assert.deepEqual(line('Published 3 May 2024, updated 4 May 2024'), [
      { value: '2024-05-03', label: 'published' },
      { value: '2024-05-04', label: 'updated' },
    ]);
  });

  it('reads no date from a sentence that mentions one', () => {
    assert.deepEqual(line('The council met on 3 May 2024 to vote on the budget.'), []);
  });
});

describe('read-text: headline, authors and date from the top of the page', () => {
  const top = ['Skip to main content', 'Home | News | Sport | Business | Opinion | Weather', 'We use cookies to give you the best experience. Accept and close'];

  it('takes the headline after leading furniture, the byline and the published date', () => {
    const doc = readText([...top, 'Council approves transport budget', 'By Nina Castellano', 'Published 3 May 2024', 'Share this article', ...ARTICLE].join('\n'));
    assert.equal(doc.metadata.headline, 'Council approves transport budget');
    assert.deepEqual(doc.metadata.authors, [{ name: 'Nina Castellano', kind: 'person' }]);
    assert.deepEqual(doc.metadata.published, { value: '2024-05-03', source: 'visible-text' });
    assert.deepEqual(paragraphs(doc), ARTICLE);
    const furniture = doc.layers.furniture ?? [];
    for (const text of ['By Nina Castellano', 'Published 3 May 2024']) {
      assert.equal(furniture.find((f) => f.text === text)?.kind, 'byline', text);
    }
    assert.equal(furniture.find((f) => f.text.startsWith('Home |'))?.kind, 'navigation');
    assertSpans(doc);
  });

  it('reads an agency byline and a date-time with an offset', () => {
    const doc = readText(['Council approves transport budget', 'By Jane Doe and John Roe, Reuters', '2024-05-03T10:02:00+01:00', ...ARTICLE].join('\n'));
    assert.deepEqual(doc.metadata.authors, [
      { name: 'Jane Doe', kind: 'person' },
      { name: 'John Roe', kind: 'person' },
      { name: 'Reuters', kind: 'agency' },
    ]);
    assert.deepEqual(doc.metadata.published, { value: '2024-05-03T10:02:00+01:00', source: 'visible-text' });
    assert.deepEqual(paragraphs(doc), ARTICLE);
  });

  it('takes an "Updated" date as the published date when it is the only one, and as the modified date', () => {
    const doc = readText(['Council approves transport budget', 'By Jane Doe', 'Updated: May 4, 2024 10:02 AM', ...ARTICLE].join('\n'));
    assert.deepEqual(doc.metadata.published, { value: '2024-05-04', source: 'visible-text' });
    assert.deepEqual(doc.metadata.modified, { value: '2024-05-04', source: 'visible-text' });
  });

  it('prefers the "Published" date to the "Updated" one', () => {
    const doc = readText(['Council approves transport budget', 'Updated 4 May 2024', 'Published 3 May 2024', ...ARTICLE].join('\n'));
    assert.deepEqual(doc.metadata.published, { value: '2024-05-03', source: 'visible-text' });
    assert.deepEqual(doc.metadata.modified, { value: '2024-05-04', source: 'visible-text' });
  });

  it('finds the headline above the byline, past a photo credit before the body', () => {
    const doc = readText(['Home', 'World', 'Politics', 'Council approves transport budget', 'By Jane Doe', 'Updated 3 May 2024', 'Photo: John Roe/Getty Images', ...ARTICLE].join('\n'));
    assert.equal(doc.metadata.headline, 'Council approves transport budget');
    assert.deepEqual(doc.metadata.authors, [{ name: 'Jane Doe', kind: 'person' }]);
    assert.deepEqual(paragraphs(doc), ARTICLE);
  });

  it('reads no authors or date from the body, nor from a page without bylines', () => {
    const bare = readText(['Council approves transport budget', ...ARTICLE].join('\n'));
    assert.deepEqual(bare.metadata.authors, []);
    assert.equal(bare.metadata.published, undefined);
    const prose = 'By the time the council met on 3 May 2024, the budget had already been agreed in private by the leaders of the largest groups.';
    const doc = readText(['Council approves transport budget', P1, P2, prose, P3, P4, P5].join('\n'));
    assert.deepEqual(doc.metadata.authors, []);
    assert.equal(doc.metadata.published, undefined);
  });
});
