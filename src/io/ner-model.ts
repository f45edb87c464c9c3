import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { NewsDoc } from '../doc/news-doc.js';
import type { Stage } from '../pipeline/stage.js';
import { createNerStage, NER_STAGE_VERSION, NerModelError, NerTagger, type NerModelFiles } from '../stages/ner/index.js';

/**
 * Reads the entity tagger's files (models/ner: model.bin, clusters.bin,
 * gazetteers.txt, truecase.txt) from the package, found as the nearest `models/ner` folder above
 * this module (it sits at a different depth in `src/` and in `dist/src/`).
 */
export function readNerModelFiles(folder?: string): NerModelFiles {
  const base = folder === undefined ? findModelFolder() : pathToFileURL(folder.endsWith('/') ? folder : `${folder}/`);
  return {
    weights: new Uint8Array(readFileSync(new URL('model.bin', base))),
    clusters: new Uint8Array(readFileSync(new URL('clusters.bin', base))),
    gazetteers: readFileSync(new URL('gazetteers.txt', base), 'utf8'),
    truecase: readFileSync(new URL('truecase.txt', base), 'utf8'),
  };
}

let cached: NerTagger | undefined;

/** The package's tagger, loaded once per process. */
export function loadNerTagger(): NerTagger {
  cached ??= NerTagger.load(readNerModelFiles());
  return cached;
}

function findModelFolder(): URL {
  let url = new URL('./', import.meta.url);
  for (let i = 0; i < 6; i++) {
    const candidate = new URL('models/ner/', url);
    if (existsSync(fileURLToPath(new URL('model.bin', candidate)))) return candidate;
    url = new URL('../', url);
  }
  throw new NerModelError('models/ner/model.bin was not found beside the package');
}

let cachedStage: Stage | undefined;

/**
 * The entity stage with the package's model, loaded from disk the first time a
 * document reaches it (so a run that switches entities off never reads the model).
 */
export const nerStage: Stage = {
  id: 'ner',
  version: NER_STAGE_VERSION,
  requires: ['text', 'tokens', 'sentences'],
  produces: ['mentions'],
  run(doc: NewsDoc, options: unknown): NewsDoc {
    cachedStage ??= createNerStage(loadNerTagger());
    return cachedStage.run(doc, options);
  },
};
