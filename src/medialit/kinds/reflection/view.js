// @ts-check
// The reflection view: the options of a choice question, one view to pick, never scored.
import { optionsHooks } from "../choice/view.js";

/** @type {import("../../static/widget.js").View} */
export const reflectionView = {
  ownPrompt: true,
  scored: false,
  keyWrong: "",
  create(ctx) {
    const note = "Choose the view closest to yours. There is no right answer, and this question is not scored.";
    return optionsHooks(ctx, note, (item) => (item.verdict === "chosen" ? "Your view" : "Another view"));
  },
};
