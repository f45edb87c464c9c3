const VOCABULARY = (
  'harbour council minister storm budget river bridge school village election court ruling police strike vote market price bank ' +
  'farmer harvest drought flood fire forest border army talks treaty summit leader party mayor city tax wage union factory port ship ' +
  'train road airport flight pilot crash rescue hospital doctor nurse virus vaccine study scientist report data company profit loss ' +
  'shares investor energy oil gas coal wind solar grid power plant water dam canal coast island beach tourist hotel museum festival ' +
  'film music artist team coach match season league title record crowd fans stadium player injury contract transfer club owner'
).split(' ');

/**
 * A text of `sentences` sentences of words drawn from a fixed vocabulary by a generator
 * seeded with `seed`: texts of different seeds share words but almost no run of five.
 * Texts of different `topic`s (0 or 1) draw from halves of the vocabulary that share no word.
 */
export function syntheticText(seed: number, sentences: number, topic?: 0 | 1): string {
  const vocabulary = topic === undefined ? VOCABULARY : VOCABULARY.filter((_, i) => i % 2 === topic);
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const out: string[] = [];
  for (let s = 0; s < sentences; s++) {
    const words = Array.from({ length: 10 + Math.floor(next() * 8) }, () => vocabulary[Math.floor(next() * vocabulary.length)]!);
    out.push(`${words.join(' ')}.`);
  }
  return out.join('\n');
}
