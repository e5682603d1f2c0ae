// @ts-check
// The search view: a search box with suggestions, the results of the last search (each opening a simulated page in
// a new tab, each with a "Use as evidence" box), the evidence ticked so far, and the verdict as a radio group.
import { h } from "../../static/dom.js";

/** Words of a query as the search compares them: lower case, three letters or more. */
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * @param {string} text
 * @returns {string[]}
 */
export function searchWords(text) {
  return (String(text).toLowerCase().match(WORD) || []).filter((word) => word.length >= 3);
}

/**
 * The query a typed text finds: the one sharing the most words with it (its text and its `words`), the first of
 * equals; null when none shares a word.
 * @param {any[]} queries
 * @param {string} typed
 * @returns {any | null}
 */
export function matchQuery(queries, typed) {
  const asked = new Set(searchWords(typed));
  let best = null;
  let most = 0;
  for (const query of queries) {
    const own = new Set([...searchWords(query.text), ...(query.words || []).flatMap(searchWords)]);
    const shared = [...asked].filter((word) => own.has(word)).length;
    if (shared > most) {
      best = query;
      most = shared;
    }
  }
  return best;
}

/** Text that screen readers read and the page does not show. */
function unseen(/** @type {string} */ text) {
  const span = h("span", { text });
  Object.assign(span.style, { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap" });
  return span;
}

/** The folder of the book's simulated pages, from the page's root (Sphinx's `data-content_root`). */
function webFolder() {
  const root = document.documentElement.dataset.content_root || "";
  return `${root}web/`;
}

/** @type {Record<string, string>} */
const VERDICT_WORDS = { found: "Right verdict", false_alarm: "Not the right verdict", missed: "The right verdict" };
/** @type {Record<string, string>} */
const RESULT_WORDS = {
  found: "Good evidence",
  false_alarm: "Not good evidence: it costs a point",
  missed: "Good evidence you did not tick",
  discussion: "Open question: no point either way",
};

/** @type {import("../../static/widget.js").View} */
export const searchView = {
  ownPrompt: false,
  scored: true,
  keyWrong: "Not right, or not evidence",
  create(ctx) {
    const state = ctx.state;
    const search = state.search || { queries: [], results: [] };
    /** @type {Map<string, any>} */
    const results = new Map(search.results.map((/** @type {any} */ r) => [r.id, r]));
    /** @type {Map<string, any>} */
    const queries = new Map(search.queries.map((/** @type {any} */ q) => [q.id, q]));
    const verdicts = new Map(state.options.map((/** @type {any} */ o) => [o.id, o]));
    /** @type {string | null} */
    let verdict = null;
    /** @type {Set<string>} */
    const evidence = new Set();
    /** @type {string[]} */
    const searched = [];
    /** @type {string | null} the query whose results are listed */
    let current = null;
    /** @type {string} what the learner typed for the listed results (empty for a suggestion) */
    let typedText = "";
    const folder = webFolder();

    const searchBox = /** @type {HTMLInputElement} */ (h("input", { type: "search", id: `${ctx.uid}-q`, list: `${ctx.uid}-list`, autocomplete: "off" }));
    const found = h("div", { class: "ml-search-results" });
    const foundStatus = h("p", { class: "ml-search-status", role: "status" });
    const chosen = h("div", { class: "ml-evidence" });
    /** @type {HTMLInputElement[]} */
    const radios = [];
    /** @type {HTMLElement | null} */
    let verdictBox = null;

    /** @param {any} query */
    function runQuery(query, typed = "") {
      current = query.id;
      typedText = typed;
      if (!searched.includes(query.id)) searched.push(query.id);
      listResults();
      const count = query.results.length;
      foundStatus.textContent = `${count} result${count === 1 ? "" : "s"} for “${query.text}”.`;
      ctx.changed();
    }

    function searchTyped() {
      const typed = searchBox.value.trim();
      if (!typed) {
        ctx.say("Type what to search for, or choose a suggestion.");
        searchBox.focus();
        return;
      }
      const query = matchQuery(search.queries, typed);
      if (query) {
        runQuery(query, typed);
        return;
      }
      current = null;
      listResults();
      const examples = search.queries.slice(0, 2).map((/** @type {any} */ q) => `“${q.text}”`).join(" or ");
      foundStatus.textContent = `No results. Try other words, for example: ${examples}.`;
    }

    /**
     * One result as a list item: its title as a link to its page (new tab), its address, snippet and evidence box.
     * @param {any} result
     * @param {string} where "found" or "evidence": element ids differ between the two lists
     */
    function resultItem(result, where) {
      const box = /** @type {HTMLInputElement} */ (h("input", { type: "checkbox", value: result.id, id: `${ctx.uid}-${where}-${result.id}` }));
      box.checked = evidence.has(result.id);
      box.disabled = ctx.locked();
      box.addEventListener("change", () => {
        if (box.checked) evidence.add(result.id);
        else evidence.delete(result.id);
        const inEvidence = where === "evidence";
        ctx.changed();
        if (inEvidence && !box.checked) {
          ctx.say(`Removed from your evidence: ${result.title}.`);
          const heading = /** @type {HTMLElement | null} */ (chosen.querySelector("h4"));
          if (heading) heading.focus();
        }
      });
      const link = h(
        "a",
        { href: `${folder}${encodeURIComponent(result.page)}.html`, target: "_blank", rel: "noopener", class: "ml-result-link" },
        result.title,
        unseen(" (opens in a new tab)"),
      );
      return h(
        "li",
        { class: "ml-result", "data-result": result.id },
        h("p", { class: "ml-result-title" }, link),
        h("p", { class: "ml-result-address" }, h("small", { text: result.address })),
        h("p", { class: "ml-result-snippet", text: result.snippet }),
        h("p", { class: "ml-result-use" }, h("label", { for: box.id }, box, " Use as evidence", unseen(`: ${result.title}`)), h("span", { class: "ml-result-verdict" })),
      );
    }

    function listResults() {
      found.replaceChildren();
      const query = current ? queries.get(current) : null;
      if (!query) return;
      const heading = typedText ? `Results for “${typedText}”` : `Results for “${query.text}”`;
      const list = h("ol", { class: "ml-results" });
      for (const id of query.results) if (results.has(id)) list.append(resultItem(results.get(id), "found"));
      found.append(h("h4", { class: "ml-search-heading", text: heading }), list);
    }

    function listEvidence() {
      chosen.replaceChildren();
      const ticked = search.results.filter((/** @type {any} */ r) => evidence.has(r.id));
      chosen.append(h("h4", { tabindex: "-1", text: "Your evidence" }));
      if (!ticked.length) {
        chosen.append(h("p", { class: "ml-help", text: "Nothing yet. Tick “Use as evidence” under a result." }));
        return;
      }
      const list = h("ul", { class: "ml-results" });
      for (const result of ticked) list.append(resultItem(result, "evidence"));
      chosen.append(list);
    }

    /** @param {string} id */
    function rowsOf(id) {
      return /** @type {HTMLElement[]} */ ([...found.querySelectorAll(".ml-result"), ...chosen.querySelectorAll(".ml-result")].filter((row) => /** @type {HTMLElement} */ (row).dataset.result === id));
    }

    return {
      build(root) {
        if (state.context) root.append(h("blockquote", { class: "ml-context" }, h("p", { text: state.context.quote })));
        root.append(
          h("p", { class: "ml-help", text: "The search and every page it finds are a simulation, written for this book. Nothing leaves the book." }),
        );
        const datalist = h("datalist", { id: `${ctx.uid}-list` });
        for (const query of search.queries) datalist.append(h("option", { value: query.text }));
        const form = h(
          "form",
          { class: "ml-search", role: "search", "aria-label": "Simulated search" },
          h("label", { for: searchBox.id, text: "Search for" }),
          " ",
          searchBox,
          " ",
          h("button", { type: "submit", class: "ml-search-go", text: "Search" }),
          datalist,
        );
        form.addEventListener("submit", (event) => {
          event.preventDefault();
          searchTyped();
        });
        const suggestions = h("div", { class: "ml-suggestions", role: "group", "aria-labelledby": `${ctx.uid}-suggest` });
        suggestions.append(h("p", { id: `${ctx.uid}-suggest`, class: "ml-help", text: "Or search for:" }));
        for (const query of search.queries) {
          suggestions.append(h("button", { type: "button", class: "ml-suggestion", text: query.text, onclick: () => runQuery(query) }), " ");
        }
        root.append(form, suggestions, foundStatus, found, chosen);
        const box = h("fieldset", { class: "ml-options ml-verdicts" }, h("legend", { text: "Your verdict" }));
        verdictBox = box;
        box.append(h("p", { class: "ml-help", text: "Choose the verdict that fits what you found." }));
        for (const option of state.options) {
          const input = /** @type {HTMLInputElement} */ (h("input", { type: "radio", name: `${ctx.uid}-verdict`, value: option.id }));
          input.addEventListener("change", () => {
            if (input.checked) verdict = option.id;
            ctx.changed();
          });
          radios.push(input);
          box.append(h("label", { class: "ml-option", "data-option": option.id }, input, " ", h("span", { text: option.text }), h("span", { class: "ml-option-verdict" })));
        }
        root.append(box);
        listResults();
        listEvidence();
      },
      answer() {
        return { verdict, evidence: search.results.map((/** @type {any} */ r) => r.id).filter((/** @type {string} */ id) => evidence.has(id)), searched: [...searched] };
      },
      restore(raw) {
        if (typeof raw.verdict === "string" && verdicts.has(raw.verdict)) verdict = raw.verdict;
        for (const id of Array.isArray(raw.evidence) ? raw.evidence : []) if (results.has(id)) evidence.add(id);
        for (const id of Array.isArray(raw.searched) ? raw.searched : []) if (queries.has(id) && !searched.includes(id)) searched.push(id);
        current = searched.length ? searched[searched.length - 1] : null;
      },
      sync() {
        for (const input of radios) {
          input.checked = input.value === verdict;
          input.disabled = ctx.locked();
        }
        const listed = [...chosen.querySelectorAll(".ml-result")].map((row) => /** @type {HTMLElement} */ (row).dataset.result);
        const ticked = search.results.filter((/** @type {any} */ r) => evidence.has(r.id)).map((/** @type {any} */ r) => r.id);
        if (listed.join("\n") !== ticked.join("\n") || !chosen.firstChild) listEvidence();
        for (const box of /** @type {NodeListOf<HTMLInputElement>} */ (found.querySelectorAll("input[type=checkbox]"))) {
          box.checked = evidence.has(box.value);
          box.disabled = ctx.locked();
        }
        for (const box of /** @type {NodeListOf<HTMLInputElement>} */ (chosen.querySelectorAll("input[type=checkbox]"))) {
          box.checked = true;
          box.disabled = ctx.locked();
        }
      },
      blocker() {
        if (verdict) return null;
        const first = radios[0];
        if (first) first.focus();
        return "Choose a verdict before you check.";
      },
      focus() {
        searchBox.focus();
      },
      word(item) {
        return (verdicts.has(item.id) ? VERDICT_WORDS : RESULT_WORDS)[item.verdict] || "";
      },
      text(item) {
        const option = verdicts.get(item.id);
        if (option) return `Verdict: “${option.text}”`;
        const result = results.get(item.id);
        return result ? `${result.title} (${result.address})` : "";
      },
      mark(item) {
        const icons = { found: "✓", false_alarm: "✗", missed: "○", discussion: "◇" };
        const icon = icons[/** @type {keyof typeof icons} */ (item.verdict)] || "";
        if (verdicts.has(item.id) && verdictBox) {
          const label = /** @type {HTMLElement | null} */ (verdictBox.querySelector(`.ml-option[data-option="${CSS.escape(item.id)}"]`));
          const mark = label && label.querySelector(".ml-option-verdict");
          if (!label || !mark) return;
          label.dataset.verdict = item.verdict;
          mark.textContent = ` ${icon} ${VERDICT_WORDS[item.verdict] || ""}`;
          return;
        }
        for (const row of rowsOf(item.id)) {
          row.dataset.verdict = item.verdict;
          const mark = row.querySelector(".ml-result-verdict");
          if (mark) mark.textContent = ` ${icon} ${RESULT_WORDS[item.verdict] || ""}`;
        }
      },
      unmark() {
        for (const node of /** @type {HTMLElement[]} */ (verdictBox ? [...verdictBox.querySelectorAll(".ml-option")] : [])) {
          delete node.dataset.verdict;
          const mark = node.querySelector(".ml-option-verdict");
          if (mark) mark.textContent = "";
        }
        for (const row of /** @type {HTMLElement[]} */ ([...found.querySelectorAll(".ml-result"), ...chosen.querySelectorAll(".ml-result")])) {
          delete row.dataset.verdict;
          const mark = row.querySelector(".ml-result-verdict");
          if (mark) mark.textContent = "";
        }
      },
    };
  },
};
