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
    /** @type {string | null} the sentence whose kind picker is open */
    let kindsFor = null;
    /** @type {HTMLElement | null} */
    let kindsBox = null;
    /** @type {HTMLElement | null} the paragraph the open picker sits under */
    let under = null;
    /** @type {HTMLElement | null} */
    let noneButton = null;
    /** @type {ReturnType<typeof buildSentences> | null} */
    let sentences = null;
    const resize = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => place());

    /** @param {string} unitId */
    function toggle(unitId) {
      if (ctx.lockedNotice()) return;
      ctx.say("");
      if (marks.has(unitId)) {
        // With kinds, a selected sentence opens its picker again: change its kinds there, or unselect it.
        if (labelled) {
          showKinds(unitId, true);
          return;
        }
        marks.delete(unitId);
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
        closeKinds(false);
      }
      ctx.say(none ? "You chose: there is none. Your selections were cleared." : "");
      ctx.changed();
    }

    /**
     * The kind picker of a labelled highlight, opened right under the paragraph of the sentence just selected: it
     * stays outside the sentence list (a list holds only sentences) and the paragraph makes room for it below.
     * @param {string} unitId
     * @param {boolean} moveFocus
     */
    function showKinds(unitId, moveFocus) {
      const kinds = marks.get(unitId);
      const info = ctx.units.get(unitId);
      const option = info && info.option;
      const paragraph = option && /** @type {HTMLElement | null} */ (option.closest(".ml-para"));
      const doc = paragraph && paragraph.closest(".ml-doc");
      if (!kindsBox || !kinds || !info || !paragraph || !doc) return;
      const box = kindsBox;
      closeKinds(false);
      kindsFor = unitId;
      under = paragraph;
      const short = info.text.length > 64 ? `${info.text.slice(0, 62).trimEnd()}…` : info.text;
      const quote = h("span", { lang: info.doc.lang || "en", dir: info.doc.dir === "rtl" ? "rtl" : "ltr", text: short });
      box.replaceChildren(h("legend", {}, "Kind for: “", quote, "”"), h("p", { class: "ml-kind-place", text: info.place }));
      const boxes = state.labels.map((/** @type {any} */ label) => {
        const input = /** @type {HTMLInputElement} */ (h("input", { type: "checkbox", value: label.id }));
        input.checked = kinds.has(label.id);
        input.disabled = ctx.locked();
        // Ticking a kind closes the picker and gives the focus back to the sentence; selecting the sentence again
        // opens it with its kinds ticked (to add a second kind, or take one off).
        input.addEventListener("change", () => {
          if (input.checked) kinds.add(label.id);
          else kinds.delete(label.id);
          ctx.changed();
          if (!input.checked) return;
          closeKinds(true);
          ctx.say(`Marked as ${label.name}. To add or change a kind, select the sentence again.`);
        });
        const description = label.description ? h("span", { class: "ml-kind-help", text: ` ${label.description}` }) : null;
        box.append(h("label", { class: "ml-kind" }, input, " ", h("span", { class: "ml-kind-name", text: label.name }), description));
        return input;
      });
      const done = h("button", { type: "button", class: "ml-kinds-done", text: "Done", onclick: () => closeKinds(true) });
      const drop = h("button", {
        type: "button",
        class: "ml-kinds-drop",
        text: "Unselect this sentence",
        onclick: () => {
          if (ctx.lockedNotice()) return;
          marks.delete(unitId);
          closeKinds(true);
          ctx.changed();
        },
      });
      box.append(h("div", { class: "ml-kinds-actions" }, done, drop));
      doc.append(box);
      box.hidden = false;
      place();
      if (resize) {
        resize.observe(box);
        resize.observe(paragraph);
      }
      if (moveFocus && boxes.length) {
        boxes[0].focus();
        box.scrollIntoView({ block: "nearest" });
      }
    }

    // Put the open picker under its paragraph, and give the paragraph the picker's height as room below it.
    function place() {
      if (!kindsBox || !under || kindsBox.hidden) return;
      const doc = /** @type {HTMLElement} */ (kindsBox.parentElement);
      const top = under.getBoundingClientRect().bottom - doc.getBoundingClientRect().top;
      kindsBox.style.top = `${top}px`;
      under.style.marginBottom = `calc(${kindsBox.offsetHeight}px + 1.25rem)`;
    }

    /** @param {boolean} refocus Return the focus to the sentence. */
    function closeKinds(refocus) {
      const info = kindsFor === null ? null : ctx.units.get(kindsFor);
      if (resize) resize.disconnect();
      if (under) under.style.marginBottom = "";
      under = null;
      kindsFor = null;
      if (kindsBox) kindsBox.hidden = true;
      if (refocus && info && info.option) info.option.focus();
    }

    /** @param {KeyboardEvent} event */
    function onKindsKey(event) {
      if (!kindsBox) return;
      const inputs = [...kindsBox.querySelectorAll("input")];
      const at = inputs.indexOf(/** @type {HTMLInputElement} */ (event.target));
      if (event.key === "Escape") closeKinds(true);
      else if (event.key === "ArrowDown" && at >= 0) inputs[Math.min(at + 1, inputs.length - 1)].focus();
      else if (event.key === "ArrowUp" && at >= 0) inputs[Math.max(at - 1, 0)].focus();
      else return;
      event.preventDefault();
      event.stopPropagation();
    }

    return {
      build(root) {
        const help = labelled
          ? "Click a sentence to select it and choose its kind. Click it again to change its kind or to unselect it."
          : "Click a sentence to select it. Click it again to undo.";
        sentences = buildSentences(ctx, root, help, toggle, () => {});
        if (labelled) {
          const box = h("fieldset", { class: "ml-kinds", id: `${ctx.uid}-kinds`, hidden: true });
          // It stays open while the focus moves elsewhere (closing then would move the text under a pointer about
          // to click): a kind ticked, Done, Escape, another sentence selected, or Check close it.
          box.addEventListener("keydown", onKindsKey);
          kindsBox = box;
        }
        if (state.allow_none) {
          noneButton = h("button", { type: "button", class: "ml-none", "aria-pressed": "false", text: "There is none", onclick: toggleNone });
          root.append(h("div", { class: "ml-tools" }, noneButton));
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
          if (kindsFor !== null && (!marks.has(kindsFor) || ctx.locked())) closeKinds(false);
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
