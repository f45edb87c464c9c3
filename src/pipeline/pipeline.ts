import { DatelineError } from '../doc/errors.js';
import type { NewsDoc } from '../doc/news-doc.js';
import type { Capability, Stage } from './stage.js';

/** An ordered, validated list of stages, frozen once built. */
export interface Pipeline<Options> {
  readonly stages: readonly Stage<Options>[];
  run(doc: NewsDoc, options: Options): NewsDoc;
}

/**
 * Checks that every stage's requirements are met by the initial capabilities or by an
 * earlier stage, and refuses to build otherwise: a misordered pipeline is a programming
 * error, better caught at construction than as a missing field halfway through a run.
 */
export function buildPipeline<Options>(
  initial: readonly Capability[],
  stages: readonly Stage<Options>[],
): Pipeline<Options> {
  const available = new Set<Capability>(initial);
  for (const stage of stages) {
    const missing = stage.requires.filter((need) => !available.has(need));
    if (missing.length > 0) {
      throw new DatelineError(
        'PIPELINE_INVALID',
        `Stage ${stage.id} requires ${missing.join(', ')}, which no earlier stage produces; ` +
          `add a stage that produces ${missing.length === 1 ? 'it' : 'them'} before ${stage.id}.`,
      );
    }
    for (const produced of stage.produces) available.add(produced);
  }
  const frozen = Object.freeze([...stages]);
  return Object.freeze({
    stages: frozen,
    run(doc: NewsDoc, options: Options): NewsDoc {
      let current = doc;
      for (const stage of frozen) {
        current = stage.run(current, options);
        current.stagesRun.push(`${stage.id}@${stage.version}`);
      }
      return current;
    },
  });
}
