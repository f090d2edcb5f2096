import intentWeights from "./models/intent.json";
import requestWeights from "./models/request.json";
import unhappyWeights from "./models/unhappy.json";

/**
 * Which committed weights the language reading decides with: the start of each model's `weightsSha256` (written by
 * scripts/train/language.ts). Decisions kept from a reading (the scan's body facts) hold only for the weights that
 * made them, so a retrained model makes them stale without anyone having to remember to raise a version by hand.
 */
export const LANGUAGE_MODELS_STAMP: string = [intentWeights, requestWeights, unhappyWeights]
  .map((model) => {
    const sha: unknown = (model.header as Record<string, unknown>).weightsSha256;
    return typeof sha === "string" ? sha.slice(0, 12) : "";
  })
  .join(".");
