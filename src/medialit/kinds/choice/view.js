// @ts-check
// The choice view: options as radio buttons (one answer) or checkboxes (several), under the prompt as legend.
import { h } from "../../static/dom.js";

/**
 * The hooks for a question of options; `note` says how to answer, `word` gives the verdict on a result item.
 * @param {import("../../static/widget.js").Context} ctx
 * @param {string} note
 * @param {(item: any) => string} word
 * @returns {import("../../static/widget.js").ViewHooks}
 */
export function optionsHooks(ctx, note, word) {
  const state = ctx.state;
  /** @type {Set<string>} */
  const choices = new Set();
  /** @type {HTMLInputElement[]} */
  const inputs = [];
  /** @type {HTMLElement | null} */
  let fieldset = null;
  return {
    build(root) {
      if (state.context) root.append(h("blockquote", { class: "ml-context" }, h("p", { text: state.context.quote })));
      const box = h("fieldset", { class: "ml-options" }, h("legend", { text: state.prompt }));
      fieldset = box;
      box.append(h("p", { class: "ml-help", text: note }));
      for (const option of state.options) {
        const input = /** @type {HTMLInputElement} */ (h("input", { type: state.multiple ? "checkbox" : "radio", name: `${ctx.uid}-choice`, value: option.id }));
        input.addEventListener("change", () => {
          if (!state.multiple) choices.clear();
          for (const other of inputs) if (other.checked) choices.add(other.value);
          for (const other of inputs) if (!other.checked) choices.delete(other.value);
          ctx.changed();
        });
        inputs.push(input);
        const mark = h("span", { class: "ml-option-verdict" });
        box.append(h("label", { class: "ml-option", "data-option": option.id }, input, " ", h("span", { text: option.text }), mark));
      }
      root.append(box);
    },
    answer() {
      return { choices: state.options.map((/** @type {any} */ o) => o.id).filter((/** @type {string} */ id) => choices.has(id)) };
    },
    restore(raw) {
      for (const id of raw.choices || []) choices.add(String(id));
    },
    sync() {
      for (const input of inputs) {
        input.checked = choices.has(input.value);
        input.disabled = ctx.locked();
      }
    },
    blocker() {
      return null;
    },
    focus() {
      const target = inputs.find((i) => i.checked) || inputs[0];
      if (target) target.focus();
    },
    word,
    text(item) {
      const option = state.options.find((/** @type {any} */ o) => o.id === item.id);
      return option ? `“${option.text}”` : "";
    },
    mark(item) {
      if (!fieldset) return;
      const label = /** @type {HTMLElement | null} */ (fieldset.querySelector(`.ml-option[data-option="${CSS.escape(item.id)}"]`));
      const verdict = label && label.querySelector(".ml-option-verdict");
      if (!label || !verdict) return;
      label.dataset.verdict = item.verdict;
      const icons = { found: "✓", false_alarm: "✗", missed: "○", discussion: "◇", chosen: "●", view: "◦" };
      verdict.textContent = ` ${icons[/** @type {keyof typeof icons} */ (item.verdict)]} ${word(item)}`;
    },
    unmark() {
      if (!fieldset) return;
      for (const label of /** @type {NodeListOf<HTMLElement>} */ (fieldset.querySelectorAll(".ml-option"))) {
        delete label.dataset.verdict;
        const verdict = label.querySelector(".ml-option-verdict");
        if (verdict) verdict.textContent = "";
      }
    },
  };
}

/** @type {Record<string, string>} */
const WORDS = { found: "Right choice", false_alarm: "Not right", missed: "Right answer", discussion: "Open question: either answer is fine" };

/** @type {import("../../static/widget.js").View} */
export const choiceView = {
  ownPrompt: true,
  scored: true,
  keyWrong: "Not right",
  create(ctx) {
    const note = ctx.state.multiple ? "Choose every answer that fits." : "Choose one answer.";
    return optionsHooks(ctx, note, (item) => WORDS[item.verdict]);
  },
};
