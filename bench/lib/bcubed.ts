/** B-cubed precision, recall and F1 (Bagga & Baldwin 1998), averaged over items, in percent. */
export interface BCubed {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly clusters: number;
}

/** `predicted[i]` and `gold[i]` are item i's cluster and true class. */
export function bcubed(predicted: readonly (number | string)[], gold: readonly (number | string)[]): BCubed {
  if (predicted.length !== gold.length) throw new Error('bcubed: predicted and gold differ in length');
  const n = predicted.length;
  if (n === 0) return { precision: 0, recall: 0, f1: 0, clusters: 0 };
  const sizes = (labels: readonly (number | string)[]) => {
    const out = new Map<number | string, number>();
    for (const label of labels) out.set(label, (out.get(label) ?? 0) + 1);
    return out;
  };
  const clusterSize = sizes(predicted);
  const classSize = sizes(gold);
  const both = sizes(predicted.map((p, i) => `${String(p)}\u0000${String(gold[i])}`));
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < n; i++) {
    const shared = both.get(`${String(predicted[i])}\u0000${String(gold[i])}`)!;
    precision += shared / clusterSize.get(predicted[i]!)!;
    recall += shared / classSize.get(gold[i]!)!;
  }
  precision = (100 * precision) / n;
  recall = (100 * recall) / n;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall), clusters: clusterSize.size };
}
