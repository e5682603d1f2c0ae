// Runs answers through the widget's bundle under Node: `node run_cases.mjs <bundle.mjs> <input.json>`.
// The input is a list of {state, answer}; the output (on stdout, JSON) has one outcome per answer, as the browser
// test gets them: ["ok", result], ["format", {code, params, message}] or ["other", message].
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [bundlePath, inputPath] = process.argv.slice(2);
const m = await import(pathToFileURL(bundlePath).href);
const input = JSON.parse(readFileSync(inputPath, "utf-8"));
const outcomes = input.map(({ state, answer }) => {
  try {
    return ["ok", m.score(state, answer)];
  } catch (error) {
    if (error instanceof m.FormatError) return ["format", { code: error.code, params: error.params, message: error.message }];
    return ["other", String(error && error.message)];
  }
});
process.stdout.write(JSON.stringify(outcomes));
