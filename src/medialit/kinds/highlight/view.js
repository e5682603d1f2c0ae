// @ts-check
// The highlight view: mark sentences (with a kind each, when the exercise has kinds), or answer "There is none".
import { h } from "../../static/dom.js";
import { buildSentences } from "../sentences.js";

/** @type {import("../../static/widget.js").View} */
export const highlightView = {
  ownPrompt: false,
  scored: true,
  keyWrong: "Looks suspicious, but is fine",
  create(ctx) {
    const state = ctx.state;
    const labelled = state.labels.length > 0;
    /** @type {Map<string, Set<string | null>>} unit id → kinds (null when the exercise has no kinds) */
    const marks = new Map();
    let none = false;
    /** @type {string | null} */
    let kindsFor = null;
    /** @type {HTMLElement | null} */
    let kindsBox = null;
    /** @type {HTMLElement | null} */
    let noneButton = null;
    /** @type {ReturnType<typeof buildSentences> | null} */
    let sentences = null;

    /** @param {string} unitId */
    function toggle(unitId) {
      if (ctx.lockedNotice()) return;
      ctx.say("");
      if (marks.has(unitId)) {
        marks.delete(unitId);
        if (kindsFor === unitId) kindsFor = null;
      } else {
        none = false;
        marks.set(unitId, labelled ? new Set() : new Set([null]));
        if (labelled) {
          ctx.changed();
          showKinds(unitId, true);
          return;
        }
      }
      ctx.changed();
    }

    function toggleNone() {
      if (ctx.lockedNotice()) return;
      none = !none;
      if (none) {
        marks.clear();
        kindsFor = null;
      }
      ctx.say(none ? "You chose: there is none. Your selections were cleared." : "");
      ctx.changed();
    }

    /**
     * The kind menu of a labelled highlight: shown for the marked sentence last selected or focused.
     * @param {string} unitId
     * @param {boolean} moveFocus
     */
    function showKinds(unitId, moveFocus) {
      const kinds = marks.get(unitId);
      const info = ctx.units.get(unitId);
      if (!kindsBox || !kinds || !info) return;
      const box = kindsBox;
      kindsFor = unitId;
      box.replaceChildren(h("legend", { text: `What kind is this sentence? (${info.place})` }));
      const boxes = state.labels.map((/** @type {any} */ label) => {
        const input = /** @type {HTMLInputElement} */ (h("input", { type: "checkbox", value: label.id }));
        input.checked = kinds.has(label.id);
        input.disabled = ctx.locked();
        input.addEventListener("change", () => {
          if (input.checked) kinds.add(label.id);
          else kinds.delete(label.id);
          ctx.changed();
        });
        const description = label.description ? h("span", { class: "ml-kind-help", text: ` ${label.description}` }) : null;
        box.append(h("label", { class: "ml-kind" }, input, " ", h("span", { text: label.name }), description));
        return input;
      });
      const done = h("button", {
        type: "button",
        text: "Done",
        onclick: () => {
          if (info.option) info.option.focus();
        },
      });
      box.append(h("p", {}, done));
      box.hidden = false;
      if (moveFocus && boxes.length) boxes[0].focus();
    }

    return {
      build(root) {
        sentences = buildSentences(ctx, root, "Click a sentence to select it. Click it again to undo.", toggle, (unitId) => showKinds(unitId, false));
        if (labelled) {
          kindsBox = h("fieldset", { class: "ml-kinds", hidden: true });
          root.append(kindsBox);
        }
        if (state.allow_none) {
          noneButton = h("button", { type: "button", class: "ml-none", "aria-pressed": "false", text: "There is none", onclick: toggleNone });
          root.append(h("p", { class: "ml-none-row" }, noneButton));
        }
      },
      answer() {
        const out = [];
        for (const id of state.unit_ids) {
          const kinds = marks.get(id);
          if (!kinds) continue;
          if (!labelled) out.push({ unit: id, label: null });
          else for (const label of state.labels) if (kinds.has(label.id)) out.push({ unit: id, label: label.id });
        }
        return state.allow_none ? { marks: out, none } : { marks: out };
      },
      restore(raw) {
        none = raw.none === true;
        for (const mark of raw.marks || []) {
          if (!ctx.units.has(mark.unit)) continue;
          const kinds = marks.get(mark.unit) || new Set();
          marks.set(mark.unit, kinds);
          kinds.add(labelled ? mark.label : null);
        }
      },
      sync() {
        for (const [id, info] of ctx.units) {
          if (!info.option) continue;
          info.option.setAttribute("aria-selected", String(marks.has(id)));
          let badge = "";
          const kinds = marks.get(id);
          if (labelled && kinds) {
            const names = state.labels.filter((/** @type {any} */ l) => kinds.has(l.id)).map((/** @type {any} */ l) => l.name);
            badge = names.length ? ` (${names.join(", ")})` : " (choose a kind)";
          }
          if (info.option.lastChild) info.option.lastChild.textContent = badge;
        }
        if (sentences) sentences.sync();
        if (noneButton) noneButton.setAttribute("aria-pressed", String(none));
        if (kindsBox) {
          if (kindsFor === null || !marks.has(kindsFor)) {
            kindsBox.hidden = true;
            kindsFor = null;
          }
          for (const input of kindsBox.querySelectorAll("input")) input.disabled = ctx.locked();
        }
      },
      blocker() {
        if (!labelled) return null;
        const bare = [...marks].find(([, kinds]) => kinds.size === 0);
        if (!bare) return null;
        showKinds(bare[0], true);
        return `Choose a kind for every sentence you selected. ${ctx.units.get(bare[0])?.place} has none yet.`;
      },
      focus() {
        if (sentences) sentences.focusActive();
      },
      word(item) {
        if (item.verdict === "found") return item.credit < 1 ? "Found in part" : "Found";
        if (item.verdict === "missed") return "Missed";
        // A false alarm on a target's own sentence is a kind ticked beside the right one.
        const targets = state.key ? state.key.targets : [];
        if (targets.some((/** @type {any} */ t) => t.anchors[0].units.includes(item.units[0]))) return "Wrong kind";
        return "Not a target";
      },
      text(item) {
        if (item.id === "none") return item.verdict === "missed" ? "The answer: there is none." : "You chose: there is none.";
        return item.units.map(ctx.quoteOf).join(" ");
      },
      mark(item) {
        for (const id of item.units) {
          const info = ctx.units.get(id);
          if (!info || !info.option) continue;
          info.option.dataset.verdict = item.verdict === "found" && !marks.has(id) ? "missed" : item.verdict;
        }
      },
      unmark() {
        for (const info of ctx.units.values()) if (info.option) delete info.option.dataset.verdict;
      },
    };
  },
};
