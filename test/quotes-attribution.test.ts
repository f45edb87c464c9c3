/**
 * Who said what, on the failures measured on news from other outlets (issue 10): pronouns
 * that must agree with their person, unnamed sources that keep their own words, places
 * that speak only alone, reported speech on either side of its cue, words that are no
 * cue, names with a full stop inside, what each quote reports, and the confidence that
 * keeps guesses off a person's page. Each text runs through `read()` as a user's would.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { read } from '../src/read.js';
import { toArticleJson, type ArticleJson } from '../src/output/json.js';
import { articleFacts } from '../src/collect/article-facts.js';
import { PERSON_PAGE_CONFIDENCE } from '../src/stages/quotes/index.js';

type QuoteJson = ArticleJson['quotes'][number];

function quotesOf(body: string): QuoteJson[] {
  return toArticleJson(read({ content: `Local news\n\n${body}\n`, format: 'text' })).quotes;
}

function quoteStarting(quotes: readonly QuoteJson[], opening: string): QuoteJson {
  const found = quotes.find((quote) => quote.text.startsWith(opening));
  assert.ok(found, `no quote starts with "${opening}"; found: ${quotes.map((quote) => quote.text).join(' | ')}`);
  return found;
}

test('"he" never resolves to a woman named before it; with no man in reach it stays unresolved', () => {
  const quotes = quotesOf('Sarah Collins, 12, scored twice on Saturday. "We played well today," he said.');
  const quote = quoteStarting(quotes, 'We played well');
  assert.equal(quote.speakerMention?.text, 'he');
  assert.equal(quote.speaker, null);
  assert.equal(quote.speakerKind, 'unresolved');
  assert.ok(quote.confidence < PERSON_PAGE_CONFIDENCE);
});

test('"he" goes past a woman to the man named before her', () => {
  const quotes = quotesOf('Tom Reed has coached the team for a decade. Sarah Collins scored twice on Saturday. "We played well today," he said.');
  const quote = quoteStarting(quotes, 'We played well');
  assert.equal(quote.speaker?.name, 'Tom Reed');
  assert.equal(quote.speakerAntecedent?.text, 'Tom Reed');
  assert.equal(quote.speakerKind, 'person');
});

test('"he" never stands for a plural group or a thing: "scientists", "a statement"', () => {
  const quotes = quotesOf('NASA scientists said the plumes were real. "It is somewhat hard to find beyond Earth," he said.');
  const quote = quoteStarting(quotes, 'It is somewhat hard');
  assert.notEqual(quote.speakerAntecedent?.text, 'NASA scientists');
  assert.equal(quote.speaker, null);
});

test('an unnamed source keeps its own words and borrows no name from the sentence before', () => {
  const quotes = quotesOf('Secretary of State Antony Blinken met his counterpart on Monday. "We are not there yet," a person familiar with the talks said.');
  const quote = quoteStarting(quotes, 'We are not there yet');
  assert.equal(quote.speakerMention?.text, 'a person familiar with the talks');
  assert.equal(quote.speakerKind, 'unnamed');
  assert.equal(quote.speaker, null);
  const officials = quoteStarting(quotesOf('Administration officials said the talks had stalled over the weekend.'), 'the talks had stalled');
  assert.equal(officials.speakerKind, 'unnamed');
  assert.equal(officials.speaker, null);
});

test('a place inside a description does not speak; a place alone speaks for its government', () => {
  const coach = quoteStarting(quotesOf('A Vancouver peewee hockey coach said the league had ignored his complaints for years.'), 'the league had ignored');
  assert.equal(coach.speakerKind, 'unnamed');
  assert.equal(coach.speaker, null);
  const beijing = quoteStarting(quotesOf('Beijing said the sanctions were illegal and would be answered.'), 'the sanctions were illegal');
  assert.equal(beijing.speakerMention?.text, 'Beijing');
  assert.equal(beijing.speakerKind, 'organisation');
});

test('reported speech before its cue is the clause said, not the time and place after the cue', () => {
  const quotes = quotesOf(
    "Dubai's flagship carrier Emirates Airline finalized a deal to purchase 30 of Boeing's 787-9 Dreamliner jets, executives of both companies announced Wednesday at the Dubai Air Show.",
  );
  assert.ok(!quotes.some((quote) => quote.text.startsWith('Wednesday')), 'the time and place after the cue are not what was said');
  const quote = quoteStarting(quotes, "Dubai's flagship carrier");
  assert.equal(quote.speakerMention?.text, 'executives of both companies');
  assert.equal(quote.act, 'speech');
});

test('a noun that looks like a cue gives no speaker made of other words ("revealed lofty plans")', () => {
  const quotes = quotesOf('The company in October revealed lofty plans to sell a million cars by 2030.');
  for (const quote of quotes) assert.ok(!/October|lofty/u.test(quote.speakerMention?.text ?? ''), `speaker "${quote.speakerMention?.text}"`);
});

test('a full stop inside a name does not end the words said ("the ID. SPACE VIZZION")', () => {
  const quote = quoteStarting(quotesOf('Volkswagen said it will offer the ID. SPACE VIZZION in Europe and North America from 2021.'), 'it will offer');
  assert.ok(quote.text.includes('SPACE VIZZION in Europe'), quote.text);
  assert.equal(quote.speaker?.name, 'Volkswagen');
});

test('each quote says what it reports: speech, a stance, a belief or an intention', () => {
  const act = (body: string, opening: string): string => quoteStarting(quotesOf(body), opening).act;
  assert.equal(act('The mayor said the plant would close in March.', 'the plant would close'), 'speech');
  assert.equal(act('The mayor believes the plant will close in March.', 'the plant will close'), 'belief');
  assert.equal(act('The mayor plans to close the plant in March.', 'to close the plant'), 'intention');
  assert.equal(act('"We will not back down," the mayor said.', 'We will not back down'), 'speech');
});

test('confidence: a named speaker beside the cue above a resolved pronoun above a guess; the person page keeps only the sure ones, and no beliefs', () => {
  const body =
    'Mayor Ann Lee opened the bridge on Friday. "It took ten years," Lee said. Crowds lined the river. ' +
    'Officials counted 4,000 visitors.\n\nThe council met later. "We are proud," she said.';
  const quotes = quotesOf(body);
  const named = quoteStarting(quotes, 'It took ten years');
  const pronoun = quoteStarting(quotes, 'We are proud');
  assert.equal(named.speaker?.name, 'Ann Lee');
  assert.ok(named.confidence >= pronoun.confidence);
  assert.ok(named.confidence >= PERSON_PAGE_CONFIDENCE);

  // A quote below the threshold keeps its speaker in the article but is not put on the person's page:
  // "she" with the only woman named five paragraphs back is a guess.
  const far = [
    'Ann Lee opened the new bridge over the river on Friday morning, ten years after the first plans were drawn.',
    'The vote to fund it passed by a single seat in 2019, after a long campaign by residents on both banks.',
    'Work stopped twice, once for a flood and once when the steel supplier went out of business.',
    'Crowds lined both banks for the opening, and the ferry that had carried commuters for a century made its last trip.',
    'The council expects about 4,000 crossings a day once the approach roads are finished next spring.',
    '"It was close, and it was worth every year," she said.',
  ].join('\n\n');
  const doc = read({ content: `Local news\n\n${far}\n`, format: 'text' });
  const guess = quoteStarting(toArticleJson(doc).quotes, 'It was close');
  assert.equal(guess.speaker?.name, 'Ann Lee');
  assert.ok(guess.confidence < PERSON_PAGE_CONFIDENCE, String(guess.confidence));
  const stored = articleFacts(doc, new Uint8Array(0)).quotes.find((quote) => quote.start === guess.start);
  assert.equal(stored?.speakerLocalId, null);
  assert.equal(stored?.speakerMention, 'she');

  // A belief is no statement: it keeps its speaker in the article and stays off the page.
  const belief = read({ content: 'Local news\n\nMayor Ann Lee believes the bridge will pay for itself within a decade.\n', format: 'text' });
  const beliefQuote = quoteStarting(toArticleJson(belief).quotes, 'the bridge will pay');
  assert.equal(beliefQuote.act, 'belief');
  assert.equal(beliefQuote.speaker?.name, 'Ann Lee');
  assert.equal(articleFacts(belief, new Uint8Array(0)).quotes.find((quote) => quote.start === beliefQuote.start)?.speakerLocalId, null);
});

test('a quotation signed by a dash and a name in its own paragraph is that person’s, as sure as beside a cue', () => {
  const body = [
    'We asked readers what they made of the debate.',
    '“He is ignorant of our culture and lives. He makes blanket statements about people he knows nothing about.” ― Pamela Padilla',
    '“Maybe, we can build a wall around the whole campaign.” — Steve Quinlan.',
  ].join('\n\n');
  const quotes = quotesOf(body);
  const padilla = quoteStarting(quotes, 'He is ignorant');
  assert.equal(padilla.speakerMention?.text, 'Pamela Padilla');
  assert.equal(padilla.attribution, 'signature');
  assert.ok(padilla.confidence >= PERSON_PAGE_CONFIDENCE);
  assert.equal(quoteStarting(quotes, 'Maybe, we can').speakerMention?.text, 'Steve Quinlan');
  // A dash that goes on into a sentence signs nothing.
  const running = quotesOf('“We will not back down,” — the slogan of the campaign — was printed on every sign.');
  assert.ok(running.every((quote) => quote.attribution !== 'signature'));
});

test('the subject of a participle or of "to say" is found past an opening adverbial, and a possessive name speaks only through a thing, not a person', () => {
  const rallied = quoteStarting(
    quotesOf('In response to the proposal to bar visitors from entering the United States, Hillary Clinton’s right-hand woman rallied supporters, saying: “We have to be ready to stop him.”'),
    'We have to be ready',
  );
  assert.equal(rallied.speakerMention?.text, 'Hillary Clinton’s right-hand woman');
  assert.equal(rallied.speakerKind, 'unnamed');
  assert.equal(rallied.speaker, null);
  const expanded = quoteStarting(
    quotesOf('At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton tried to expand on her statement, saying that the country should “be rallying our partners and allies.”'),
    'be rallying',
  );
  assert.equal(expanded.speakerMention?.text, 'Mrs. Clinton');
  const prompted = quoteStarting(quotesOf('The debate was so subdued that Mr. Trump was prompted to say, “So far, I cannot believe how civil it has been up here.”'), 'So far');
  assert.equal(prompted.speakerMention?.text, 'Mr. Trump');
});

test('a person named before "of" is the speaker, not the laboratory after it', () => {
  const quote = quoteStarting(
    quotesOf('“Organics are very important for the possibility of life on Titan,” said planetary geologist Rosaly Lopes of NASA’s Jet Propulsion Laboratory.'),
    'Organics are very important',
  );
  assert.equal(quote.speakerKind, 'person');
  assert.equal(quote.speaker?.name, 'Rosaly Lopes');
});

test('a definite description with a title speaks for the person of that title named before it; a description before any name stays unnamed', () => {
  const body = [
    'Wikileaks co-founder Julian Assange appeared in court in London on Monday.',
    'The Wikileaks founder said his fear of being extradited was why he had taken refuge in the embassy.',
  ].join('\n\n');
  const founder = quoteStarting(quotesOf(body), 'his fear of being extradited');
  assert.equal(founder.speaker?.name, 'Julian Assange');
  assert.equal(founder.speakerKind, 'person');
  const later = quoteStarting(
    quotesOf('Interior Minister Wolfgang Peschorn visited the town on Monday.\n\nThe house will be turned into a police station, Austria’s interior minister said on Tuesday.'),
    'The house will be',
  );
  assert.equal(later.speaker?.name, 'Wolfgang Peschorn');
  assert.ok(later.confidence >= PERSON_PAGE_CONFIDENCE && later.confidence < 0.9);
  const first = quoteStarting(quotesOf('The house will be turned into a police station, Austria’s interior minister said on Tuesday. Wolfgang Peschorn took office in June.'), 'The house will be');
  assert.equal(first.speakerKind, 'unnamed');
  assert.equal(first.speaker, null);
});

test('"she" goes to the subject of the sentence before past its opening adverb, not to a man named earlier', () => {
  const body = [
    'Piarul Islam of Phulbari village has also improved his livelihood through homestead gardening.',
    'Similarly, Shaheda Begum of Ishwaripur village described the initiative as very helpful.',
    'She said she learned about the importance of seed conservation and the proper use of land.',
  ].join('\n\n');
  const quote = quoteStarting(quotesOf(body), 'she learned about');
  assert.equal(quote.speakerAntecedent?.text, 'Shaheda Begum');
});

test('a participle takes the speaker of the clause, not a thing described by a past participle ("a letter posted")', () => {
  const quote = quoteStarting(
    quotesOf('Omar asked for compassion during the sentencing in a letter posted on Twitter on Tuesday, saying she did not think a severe sentence would be helpful.'),
    'she did not think',
  );
  assert.equal(quote.speakerMention?.text, 'Omar');
});

test('"described X as Y" is a stance on what follows; a quoted description stays a quotation of its own', () => {
  const stance = quoteStarting(quotesOf('Shaheda Begum of Ishwaripur village described the initiative as very helpful in improving living standards.'), 'the initiative as');
  assert.equal(stance.kind, 'indirect');
  assert.equal(stance.act, 'stance');
  assert.equal(stance.speaker?.name, 'Shaheda Begum');
  const quoted = quotesOf('The White House described the inquiry as “a sham” on Tuesday.');
  assert.ok(quoted.every((quote) => quote.kind !== 'indirect'));
});

test('a short quotation that is a sentence of its own continues the speaker before it; a short phrase inside a sentence stays a scare quote', () => {
  const quotes = quotesOf('“Hands! Let me see your hands!” an officer ordered. “Step out.” Webb emerged from the house a minute later.');
  const order = quoteStarting(quotes, 'Step out.');
  assert.equal(order.speakerMention?.text, 'an officer');
  assert.equal(order.attribution, 'continuation');
  const scare = quotesOf('“Hands! Let me see your hands!” an officer ordered. Neighbours saw the “chaos” from their windows.');
  assert.ok(scare.every((quote) => quote.text !== 'chaos'), 'a short phrase inside a sentence is no continuation');
});

test('reported words that hold a clause of their own stay before an inverted cue, and the speaker after it', () => {
  const quotes = quotesOf('Rainfall occurs everywhere on Titan, but the equatorial regions are drier than the poles, said study co-author Anezina Solomonidou, a research fellow.');
  const quote = quoteStarting(quotes, 'Rainfall occurs everywhere');
  assert.equal(quote.kind, 'indirect');
  assert.match(quote.text, /drier than the poles$/u);
  assert.match(quote.speakerMention?.text ?? '', /Anezina Solomonidou$/u);
  assert.ok(!quotes.some((q) => q.text.startsWith('study co-author')), 'the speaker is not taken for what was said');
});

test('an organisation written in capitals speaks, though its letters spell a function word', () => {
  const quotes = quotesOf('Those suffering from bubonic plague have a 30-60 per cent chance of dying. Untreated pneumonic plague is "always fatal", says WHO.');
  for (const opening of ['Untreated pneumonic plague', 'always fatal']) assert.equal(quoteStarting(quotes, opening).speakerMention?.text, 'WHO', opening);
});

test('a capitalised name after "The" is its own organisation, never the organisation named before it', () => {
  const quotes = quotesOf('Toyota Motor Corporation recalled 40,000 cars on Monday. The Examiner says the recall was ordered after three crashes.');
  const quote = quoteStarting(quotes, 'the recall was ordered');
  assert.equal(quote.speakerMention?.text, 'The Examiner');
  assert.notEqual(quote.speaker?.name, 'Toyota Motor Corporation');
});

test('a product recall is no recollection: "recalled" reports a clause only with "that"', () => {
  assert.deepEqual(quotesOf('Toyota Motor Corporation recalled 40,000 cars on Monday after three crashes.').map((quote) => quote.text), []);
  const recalled = quoteStarting(quotesOf('Maria Lopez recalled that the river rose within an hour.'), 'that the river rose');
  assert.equal(recalled.speakerMention?.text, 'Maria Lopez');
});

test('a ruling and a recognition report their clause, past a sentence adverb set off by commas', () => {
  const ruled = quoteStarting(quotesOf('But a judge ruled that the defendant should remain in jail until his hearing.'), 'that the defendant');
  assert.equal(ruled.speakerMention?.text, 'a judge');
  const recognized = quoteStarting(quotesOf('Recent governments have, however, recognized that the country was also a perpetrator.'), 'that the country');
  assert.equal(recognized.speakerMention?.text, 'Recent governments');
  assert.deepEqual(quotesOf('The new rules that take effect in May will cut fees for small firms.').map((quote) => quote.text), []);
});

test('a clause opened by its pronoun is what was said, whatever "that" comes later in it', () => {
  const quote = quoteStarting(quotesOf("Tim Cook said he's extremely proud of his company's trajectory on that front."), "he's extremely proud");
  assert.equal(quote.kind, 'indirect');
  assert.match(quote.text, /on that front$/u);
});

test('"according to" after a clause with a quoted phrase reports the clause; the phrase is partial', () => {
  const quotes = quotesOf('Nutritionist Keri Gans expects change. The idea of "clean eating" will continue to be a focus in 2025, according to Gans.');
  assert.equal(quoteStarting(quotes, 'The idea of').kind, 'indirect');
  assert.equal(quoteStarting(quotes, 'clean eating').kind, 'partial');
});

test('"writing" reports nothing without "that": companies write apps as often as clauses', () => {
  assert.deepEqual(quotesOf('Eight out of ten companies are writing custom apps for their own staff.').map((quote) => quote.text), []);
});

test('a capitalised adverb opening a line is no speaker ("2. Never urged Ukraine to …")', () => {
  const quotes = quotesOf('The two sides were not focused on shared interests, he warned.\n\n2. Never urged Ukraine to investigate Joe Biden\n\n"At no time was I aware of such an effort," Volker said.');
  assert.ok(!quotes.some((quote) => /Never/u.test(quote.speakerMention?.text ?? '')), quotes.map((quote) => quote.speakerMention?.text).join(' | '));
});

test('reported words end where the speaker acts again, and the next act is reported on its own', () => {
  const quotes = quotesOf('Mr. Kasich said that he had voted for Mr. Rubio, but cautioned against reading it as an endorsement.');
  assert.equal(quoteStarting(quotes, 'that he had voted').text, 'that he had voted for Mr. Rubio');
  const both = quotesOf('The federation is asking landowners to get in touch, and says even a single acre could provide twenty new plots.');
  assert.equal(quoteStarting(both, 'to get in touch').text, 'to get in touch');
  assert.equal(quoteStarting(both, 'even a single acre').speakerMention?.text, 'The federation');
  const kept = quoteStarting(quotesOf('Ms. Ortiz said the plant would close, and workers would be paid until June.'), 'the plant would close');
  assert.match(kept.text, /until June$/u, 'a clause that is not the speaker acting again stays');
});

test('"he" after another man was named since the last speaker is not given to the speaker: it stays off the speaker\'s page', () => {
  const quotes = quotesOf(
    'Mark Davis wrote online: "Thousands of people are here. I will be seeing them!"\n\n' +
      'Davis flew over the rally on his way to the coast. Former adviser Paul Grant was on stage while Davis flew over. ' +
      'It was the first time Grant spoke in public since he was pardoned by Davis. He said "That is pretty cool, flying around like that."',
  );
  const quote = quoteStarting(quotes, 'That is pretty cool');
  assert.equal(quote.speakerMention?.text, 'He');
  // At most a guess, below what a person's page shows.
  assert.ok(quote.confidence < PERSON_PAGE_CONFIDENCE, `${quote.speaker?.name} at confidence ${quote.confidence}`);
});

test('a man named only after a preposition or as an owner since the last speaker leaves "he" to the speaker', () => {
  const quotes = quotesOf(
    'Mark Davis said: "We have had problems with intrusions in the past, and we will have them again."\n\n' +
      'Davis spoke after a meeting with Russian President Paul Grant. The talks were held at Grant\'s residence. ' +
      'He said "Our goal is not to start a new conflict over this."',
  );
  const quote = quoteStarting(quotes, 'Our goal is not');
  assert.equal(quote.speaker?.name, 'Mark Davis');
  assert.ok(quote.confidence >= PERSON_PAGE_CONFIDENCE, `confidence ${quote.confidence}`);
});

test('"according to Johnson\'s critics": the critics speak, not Johnson, and the clause after the comma is what they say', () => {
  const quotes = quotesOf('Boris Johnson asked for a break. According to Johnson\'s critics, this is a ploy to achieve a no-deal Brexit.');
  const quote = quoteStarting(quotes, 'this is a ploy');
  assert.equal(quote.speakerMention?.text, "Johnson's critics");
  assert.equal(quote.speaker, null);
  assert.equal(quote.speakerKind, 'unnamed');
});

test('a cue that opens the quotation ending its sentence reports nothing before its subject', () => {
  const quotes = quotesOf('Joe Biden spoke. Once, when Donald Trump interjected, Biden said "Will you shut up, man?" Then he left.');
  assert.deepEqual(
    quotes.map((quote) => quote.text),
    ['Will you shut up, man?'],
  );
  // With words after the quotation, the clause before is still reported.
  const reported = quotesOf('The deal is done, Putin said "with pleasure" on Tuesday.');
  assert.ok(reported.some((quote) => quote.kind === 'indirect' && quote.text === 'The deal is done'), reported.map((quote) => quote.text).join(' | '));
});

test('"asked X for Y": what was asked for follows the object, and a name after "the" is part of the object', () => {
  const asked = quoteStarting(quotesOf('Boris Johnson asked the Queen for a break in Parliament last week.'), 'for a break');
  assert.equal(asked.text, 'for a break in Parliament last week');
  assert.equal(asked.speakerMention?.text, 'Boris Johnson');
  const told = quoteStarting(quotesOf('Jane Smith told the Times the deal was done.'), 'the deal');
  assert.equal(told.text, 'the deal was done');
  // A name right after a plain object still opens the clause.
  assert.equal(quoteStarting(quotesOf('Jane Smith told reporters Trump was wrong.'), 'Trump').text, 'Trump was wrong');
});

test('"told X “…”": the quotation is what was told; the addressee and the quotation are not reported speech as well', () => {
  const quotes = quotesOf('Joe Biden spoke on Friday. He told radio host Charlamagne tha God “you ain\'t black” in an interview.');
  assert.deepEqual(
    quotes.map((quote) => `${quote.kind}: ${quote.text}`),
    ["partial: you ain't black"],
  );
  // "told X to …" still reports what follows "to".
  const told = quotesOf('Jane Smith told the agent to “go home” at once.');
  assert.ok(told.some((quote) => quote.kind === 'indirect' && quote.text.startsWith('to')), told.map((quote) => quote.text).join(' | '));
});

test('"he was told by X “…”": the agent of a passive cue speaks, never its subject, who only heard it', () => {
  const briefed = quotesOf(
    'President Vladimir Putin flew to Magnitogorsk on Monday. In a meeting that day he was told by Emergencies Minister Yevgeny Zinichev of "presumably between 36 and 40 people under the rubble", while officials said 68 people were missing.',
  );
  const rubble = quoteStarting(briefed, 'presumably between');
  assert.equal(rubble.speaker?.name, 'Yevgeny Zinichev');
  // The quotation after the cue: the same.
  const after = quoteStarting(quotesOf('Maria Lopez visited the site. "The bridge will hold," she was told by engineer Tom Hardy.'), 'The bridge');
  assert.equal(after.speaker?.name, 'Tom Hardy');
  // No agent: whoever spoke is not named, and the one who heard it is not the speaker.
  const unnamed = quoteStarting(quotesOf('Maria Lopez visited the site on Monday. She was told "the bridge will hold for a decade" and left.'), 'the bridge');
  assert.notEqual(unnamed.speaker?.name, 'Maria Lopez');
  assert.notEqual(unnamed.speakerMention?.text, 'She');
  // Whom the words are about does not speak them either; a name given is the agent's.
  const furious = quotesOf('Party chairman Reince Priebus was said to be "furious" with the candidate for his remarks.');
  assert.ok(!furious.some((quote) => quote.speaker?.name === 'Reince Priebus'), furious.map((quote) => `${quote.text}: ${quote.speaker?.name}`).join(' | '));
  const named = quoteStarting(quotesOf('Jane Doe has been described as "a tireless advocate for the river" by the Daily Hive.'), 'a tireless');
  assert.equal(named.speakerMention?.text, 'the Daily Hive');
  // "is reported to have called": the subject speaks through the cue it raises.
  const raised = quoteStarting(quotesOf('President Barack Obama is reported to have called the Saudis "free riders" who rely on others.'), 'free riders');
  assert.equal(raised.speaker?.name, 'Barack Obama');
  // So does a participle after the passive: "is shown lecturing: “…”".
  const shown = quoteStarting(quotesOf('In the video, cleric Anwar al-Awlaki is shown lecturing: "Muslims of the West, take heed and learn from history."'), 'Muslims of the West');
  assert.equal(shown.speaker?.name, 'Anwar al-Awlaki');
});

test('a name before a cue in its bare form is another verb\'s object ("requested Donald Trump declare …"); plural subjects keep the bare form', () => {
  const requested = quotesOf('Governor John Bel Edwards has requested U.S. President Donald Trump declare a state of emergency in Louisiana on the federal level.');
  assert.ok(!requested.some((quote) => quote.speaker?.name === 'Donald Trump'), requested.map((quote) => `${quote.text}: ${quote.speaker?.name}`).join(' | '));
  const two = quoteStarting(quotesOf('But Mr. Grassley and Mr. Leahy say other changes are needed in the program.'), 'other changes');
  assert.ok(two.speakerMention?.text.includes('Leahy'));
  assert.equal(quoteStarting(quotesOf('Democrats say the bill will pass next week.'), 'the bill').speakerMention?.text, 'Democrats');
  // A name ending a phrase of the plural subject: that whole subject speaks, never the name.
  const executives = quoteStarting(quotesOf('Though executives who have worked with Lachlan Murdoch say they assume he shares his father\'s views, little is known.'), 'they assume');
  assert.equal(executives.speakerMention?.text, 'executives who have worked with Lachlan Murdoch');
  assert.notEqual(executives.speaker?.name, 'Lachlan Murdoch');
  // A verb whose past is its bare form still reports: "As Professor Foner put it".
  const put = quoteStarting(quotesOf('As Professor Eric Foner put it: "The United States does a better job at accepting immigrants."'), 'The United States');
  assert.equal(put.speaker?.name, 'Eric Foner');
});

test('a description of an office never goes to its deputy: "Chelyabinsk\'s governor" is not the deputy governor named before it', () => {
  const quotes = quotesOf('Rescuers worked through the night. Chelyabinsk regional Deputy Governor Oleg Klimov visited the site on Monday. Chelyabinsk\'s governor has promised each victim will be paid one million rubles.');
  const promise = quoteStarting(quotes, 'each victim');
  assert.notEqual(promise.speaker?.name, 'Oleg Klimov');
  // Asked for, the deputy is found.
  const deputy = quoteStarting(quotesOf('Chelyabinsk regional Deputy Governor Oleg Klimov visited the site on Monday. The deputy governor said the site would stay closed for a month.'), 'the site would');
  assert.equal(deputy.speaker?.name, 'Oleg Klimov');
});

test('a time before a speaker\'s name is not part of the speaker ("This Wednesday Greek Foreign Minister …"), but a given name that is a month is', () => {
  const katrougalos = quoteStarting(quotesOf('This Wednesday Greek Foreign Minister George Katrougalos said the approval of UNESCO was required.'), 'the approval');
  assert.equal(katrougalos.speakerMention?.text, 'Greek Foreign Minister George Katrougalos');
  const mellody = quoteStarting(quotesOf('April Mellody, a spokeswoman for the convention, said that the security team would work with the police.'), 'that the security');
  assert.ok(mellody.speakerMention?.text.startsWith('April Mellody'), mellody.speakerMention?.text);
});

test('a name, then a role set off by commas, then a description of the role\'s organisation: the name speaks', () => {
  const quote = quoteStarting(
    quotesOf('Jeff Sanborn, president of Chapter & Verse, a Spokane and Seattle advertising and design agency, said he thought the campaign was meant to raise eyebrows.'),
    'he thought',
  );
  assert.equal(quote.speaker?.name, 'Jeff Sanborn');
});

test('a place after "in" is where the speaker is, not who speaks ("Hospital officials in Omsk said")', () => {
  const officials = quoteStarting(quotesOf('Hospital officials in Omsk said no traces of poison were found in his blood.'), 'no traces');
  assert.equal(officials.speakerMention?.text, 'Hospital officials in Omsk');
  assert.equal(officials.speaker, null);
  const named = quoteStarting(quotesOf('Ecologist Ryan Norris of the University of Guelph in Ontario said human actions had little to do with it.'), 'human actions');
  assert.equal(named.speaker?.name, 'Ryan Norris');
  // A time after "in" is not part of the subject: Sanders criticized, whatever "in the past" says.
  const past = quoteStarting(quotesOf('She noted that Senator Bernie Sanders in the past has criticized the president for accepting contributions from Wall Street.'), 'the president for');
  assert.equal(past.speaker?.name, 'Bernie Sanders');
});

test('a role held "to" a country is one subject with it: "China\'s ambassador to Britain" speaks, not Britain', () => {
  const quote = quoteStarting(quotesOf('China’s ambassador to Britain warned that the Chinese government would not sit on its hands.'), 'that the Chinese');
  assert.equal(quote.speakerMention?.text, 'China’s ambassador to Britain');
  assert.notEqual(quote.speakerKind, 'organisation');
});

test('a participle\'s speaker is the main clause\'s subject after an opening time ("Hours before the game, …")', () => {
  const quote = quoteStarting(
    quotesOf('Hours before Zach Parise’s two-goal performance Tuesday, Wild coach Bruce Boudreau expressed confidence in the veteran winger, saying he always finds a way to start scoring.'),
    'he always finds',
  );
  assert.equal(quote.speaker?.name, 'Bruce Boudreau');
});

test('a quotation attributed by its own cue is not reported again by the "according to" after it', () => {
  const quotes = quotesOf('Border agents "say you have got to pay attention to this, $53 million a week is coming across the border in drugs," he said, according to the Intelligencer.');
  assert.equal(quotes.length, 1, quotes.map((quote) => `${quote.text} (${quote.speakerMention?.text})`).join(' | '));
  assert.equal(quotes[0]!.speakerMention?.text, 'he');
  // A word that only looks like a cue keeps the report: "by 4 percentage points, according to HuffPost".
  const poll = quoteStarting(quotesOf('Sanders trails Clinton in California by 4 percentage points, according to HuffPost Pollster.'), 'Sanders trails');
  assert.equal(poll.speakerMention?.text, 'HuffPost Pollster');
});

test('asking not to be identified reports nothing', () => {
  const quotes = quotesOf('A refugee who feared retaliation and asked not to be identified by name told reporters the camp was safe.');
  assert.ok(!quotes.some((quote) => quote.text.startsWith('to be identified')), quotes.map((quote) => quote.text).join(' | '));
});

test('a document speaks for its named author: "Amex\'s recent report", "the … report by Technomic", "data from the Education Data Initiative"', () => {
  const amex = quoteStarting(quotesOf('According to Amex\'s recent report, 42% of millennials are prioritizing paying off debt.'), '42% of');
  assert.equal(amex.speaker?.name, 'Amex');
  const technomic = quoteStarting(quotesOf('The average unit volume last year was $2.8 million, according to the Top 500 Restaurant Chain report by Technomic, a sister brand.'), 'The average unit');
  assert.equal(technomic.speaker?.name, 'Technomic');
  const data = quoteStarting(quotesOf('According to data from the World Health Organisation, in 2018 there were approximately 10 million cases of measles.'), 'in 2018');
  assert.equal(data.speaker?.name, 'World Health Organisation');
});

test('an opening "According to" source runs to its comma; the report starts after it', () => {
  const quote = quoteStarting(quotesOf('According to a 2013 study by economists Peter Schott and Justin Pierce, the Great Recession is partly to blame for lost jobs.'), 'the Great Recession');
  assert.ok(quote.text.startsWith('the Great Recession'));
});

test('"the utility" is the organisation named before it; "the group" borrows no organisation\'s name', () => {
  const utility = quoteStarting(quotesOf('Pacific Gas & Electric Co. cut power to 50,000 customers. The utility said it will closely monitor the weather.'), 'it will closely');
  assert.equal(utility.speaker?.name, 'Pacific Gas & Electric Co.');
  const group = quoteStarting(quotesOf('Employees posted a letter to WeWork on Twitter. The group said the contract has confused employees with pay discrepancies.'), 'the contract');
  assert.equal(group.speaker, null);
});

test('an acronym the tagger left unmarked speaks for the organisation whose initials it spells', () => {
  const quote = quoteStarting(quotesOf('Cases of plague were reported to the World Health Organization last week. WHO said untreated pneumonic plague is always fatal.'), 'untreated');
  assert.equal(quote.speaker?.name, 'World Health Organization');
});

test('reported speech goes on past a cue set off by commas in the middle of its sentence', () => {
  const landers = quotesOf('The larger landers, he said, could deliver tools needed by astronauts ahead of their landing missions.');
  quoteStarting(landers, 'could deliver tools');
  const tipton = quotesOf('Paris Baguette remains a true bakery, Tipton said, and quality is key to its growth.');
  quoteStarting(tipton, 'Paris Baguette remains');
  quoteStarting(tipton, 'quality is key');
  // An adverbial after the cue is not what was said.
  const leaving = quotesOf('The plant will close next year, he said, before leaving the room.');
  assert.ok(!leaving.some((quote) => quote.text.startsWith('before leaving')));
});

test('a comma inside a number ("1,000") sets off no description: the speaker named after the cue speaks', () => {
  const quote = quoteStarting(quotesOf('The plan is to reach 1,000 bakeries in the U.S. by 2030, said Darren Tipton, CEO of Paris Baguette.'), 'The plan');
  assert.equal(quote.speaker?.name, 'Darren Tipton');
});

test('"he" after "Wild defenseman Ryan Suter …" is Suter: a team and a role before a name leave the name the subject', () => {
  const quote = quoteStarting(quotesOf('Zach Parise scored twice. Wild defenseman Ryan Suter could see the frustration on his friend’s face. “He’s used to scoring goals,” he said.'), 'He’s used');
  assert.equal(quote.speaker?.name, 'Ryan Suter');
  const spokesman = quoteStarting(quotesOf('President Barack Obama spoke on Monday. White House press secretary Josh Earnest told reporters the trip was on. "I would think that would have some influence," he said.'), 'I would think');
  assert.equal(spokesman.speaker?.name, 'Josh Earnest');
});

test('a name, then an age or a description with "a" set off by commas: the name speaks', () => {
  const lamrani = quoteStarting(quotesOf('Omar Lamrani, a senior military analyst at Stratfor, the Texas-based intelligence firm, told Business Insider that the group was secular.'), 'that the group');
  assert.equal(lamrani.speaker?.name, 'Omar Lamrani');
  const purner = quoteStarting(quotesOf('Cecelia Purner, 67, a retired customer service representative in Allentown, Pa., said she had not decided.'), 'she had not');
  assert.equal(purner.speaker?.name, 'Cecelia Purner');
  // With no name before it, the description is the speaker.
  const analyst = quoteStarting(quotesOf('A senior analyst at Stratfor, the Texas-based intelligence firm, told reporters that the base was safe.'), 'that the base');
  assert.equal(analyst.speakerMention?.text, 'A senior analyst at Stratfor, the Texas-based intelligence firm');
});

test('a relative clause belongs to its subject: nobody inside it speaks ("The man who shot Smith said")', () => {
  const shooter = quoteStarting(quotesOf('Tom Smith was hurt on Friday. The man who shot Smith said he was sorry.'), 'he was sorry');
  assert.equal(shooter.speakerMention?.text, 'The man who shot Smith');
  assert.notEqual(shooter.speaker?.name, 'Tom Smith');
  const spokesperson = quoteStarting(quotesOf('A spokesperson who did not wish to be named because of agency policy said the agency never has administered vaccines.'), 'the agency never');
  assert.ok(spokesperson.speakerMention?.text.startsWith('A spokesperson who'));
  // "who" with a subject of its own is no subject's clause: "people who you think …".
  const voters = quoteStarting(quotesOf('Voters who backed Trump in 2016 say they will do so again.'), 'they will');
  assert.equal(voters.speakerMention?.text, 'Voters who backed Trump in 2016');
});

test('a person named after a preposition and a form of address is not who speaks ("A representative for Mr. Pinchuk said")', () => {
  const quote = quoteStarting(quotesOf('Victor Pinchuk hosted a dinner. A representative for Mr. Pinchuk said the investigation had nothing to do with it.'), 'the investigation');
  assert.equal(quote.speaker, null);
  const adviser = quoteStarting(quotesOf('Barack Obama spoke on Monday. A top adviser for President Obama explained that the benefits were not worth the cost.'), 'that the benefits');
  assert.equal(adviser.speaker, null);
});

test('a possessive before a noun of speech is its owner\'s ("his often-repeated vow that …"), kept off person pages', () => {
  const quote = quoteStarting(quotesOf('Boris Johnson spoke on Monday. Johnson is under fire for failing to deliver on his often-repeated vow that Britain would leave the EU on Oct. 31.'), 'that Britain');
  assert.equal(quote.speakerMention?.text, 'his');
  assert.equal(quote.speaker?.name, 'Boris Johnson');
  assert.ok(quote.confidence < PERSON_PAGE_CONFIDENCE);
  // A noun that can be the subject is no cue's owner: "His spokesman said".
  const spokesman = quoteStarting(quotesOf('Tom Reed spoke on Monday. His spokesman said the talks would go on.'), 'the talks');
  assert.equal(spokesman.speakerMention?.text, 'His spokesman');
});

test('"She" after a sentence opening with an adverbial is its subject, never a name owning something before it', () => {
  const quotes = quotesOf(
    'Atlanta\'s Democratic mayor Keisha Lance Bottoms\'s handling of the incident raised her prospects. With the issue of race at the forefront of the campaign, Senator Amy Klobuchar of Minnesota withdrew her name from consideration. She said the party should choose a woman of color.',
  );
  assert.equal(quoteStarting(quotes, 'the party should').speaker?.name, 'Amy Klobuchar');
});

test('a clause after a mid-sentence cue that has a cue of its own is not the first speaker\'s', () => {
  const quotes = quotesOf('The Tongs indicated issues staffing the hotel, something David Clay recognised, and Mr Tong had said they intended to restore the hall to its former glory.');
  assert.ok(!quotes.some((quote) => quote.speaker?.name === 'David Clay' && quote.text.includes('Mr Tong')), quotes.map((quote) => `${quote.text} (${quote.speaker?.name})`).join(' | '));
});
