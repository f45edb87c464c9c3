import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acronymKey, foldedName, nameParts, siblingEntity, surnameHolder } from './names.js';

test('names fold case, accents, dots and spacing, never letters', () => {
  assert.equal(foldedName('François  Hollande'), 'francois hollande');
  assert.equal(foldedName('Recep Tayyip Erdoğan'), 'recep tayyip erdogan');
  assert.equal(foldedName('Donald J. Trump'), 'donald j trump');
  assert.equal(foldedName("Beto O'Rourke"), 'beto orourke');
  assert.notEqual(foldedName('Ivan Petrov'), foldedName('Ivana Petrova'));
});

test('a person name has a first name, middle names and a surname; a suffix stays with the surname', () => {
  assert.deepEqual(nameParts('hillary rodham clinton'), { first: 'hillary', middle: 'rodham', last: 'clinton' });
  assert.deepEqual(nameParts('martin luther king jr'), { first: 'martin', middle: 'luther', last: 'king jr' });
  assert.deepEqual(nameParts('xi jinping'), { first: 'xi', middle: '', last: 'jinping' });
  assert.equal(nameParts('putin'), null);
});

test('a middle name more or less joins two names only when no other middle name stands between them', () => {
  const hillary = nameParts('hillary clinton')!;
  assert.equal(siblingEntity(hillary, [{ middle: 'rodham', entity: 7 }]), 7);
  assert.equal(siblingEntity(nameParts('donald j trump')!, [{ middle: '', entity: 3 }]), 3);
  // Two presidents Bush: neither middle name joins the other, and "George Bush" alone joins neither.
  assert.equal(siblingEntity(nameParts('george h w bush')!, [{ middle: 'w', entity: 1 }]), null);
  assert.equal(siblingEntity(nameParts('george h w bush')!, [{ middle: 'w', entity: 1 }, { middle: '', entity: 2 }]), null);
  assert.equal(siblingEntity(nameParts('george bush')!, [{ middle: 'w', entity: 1 }, { middle: 'h w', entity: 4 }]), null);
  assert.equal(siblingEntity(nameParts('george bush')!, []), null);
});

test('a surname alone stands for the person who holds nearly all of its articles, and only one seen often', () => {
  assert.equal(surnameHolder([{ entity: 1, articles: 135 }, { entity: 2, articles: 13 }]), 1);
  assert.equal(surnameHolder([{ entity: 1, articles: 607 }, { entity: 2, articles: 97 }]), null, 'Hillary and Bill Clinton share "Clinton"');
  assert.equal(surnameHolder([{ entity: 1, articles: 2 }]), null, 'a name seen twice is not enough');
  assert.equal(surnameHolder([]), null);
});

test('an acronym stands for an organisation only when it looks like one', () => {
  assert.equal(acronymKey('NATO'), 'nato');
  assert.equal(acronymKey('AT&T'), 'at&t');
  assert.equal(acronymKey('Nato'), null);
  assert.equal(acronymKey('A'), null);
});
