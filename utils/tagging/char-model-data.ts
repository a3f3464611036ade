// The committed weights of the learned model (written by `npm run train`), and their shape.
import weights from './char-model-weights.json';

export interface ModelData {
  version: number;
  /** Category ids in the order of the weight columns (the model's CATEGORY_IDS when trained). */
  categories: string[];
  /** Per-category bias, ×100, rounded. */
  bias: number[];
  /** One feature a line: `text|cat:w,cat:w` with w ×100, rounded; absent columns are 0. */
  features: string[];
  /** How the model was trained (sources, counts), for people reading the data. */
  trainedOn: Record<string, number>;
}

export const MODEL_DATA: ModelData = weights;
