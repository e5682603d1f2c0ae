// @ts-check
// Small DOM helpers shared by the exercise widget (joined into its bundle by medialit.frontend) and by progress.js
// (put in front of it by the build). Text is always inserted as text, never as HTML.

/**
 * A new element: attributes (`text` sets textContent, `class` the class name, `on…` adds a listener; null, undefined
 * and false are left out) and children (strings become text; null, undefined and false are left out).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any>} [attrs]
 * @param {...(Node | string | null | undefined | false)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "text") node.textContent = value;
    else if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/**
 * Points as a learner reads them: whole numbers as they are, others to two decimals.
 * @param {number} value
 * @returns {string}
 */
export const points = (value) => (Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100));
