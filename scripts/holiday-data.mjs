// esbuild plugin: bundle only the part of date-holidays that the holiday regions need (core/holidays.ts: the linker checks region codes, the simulator counts the days; the whole
// library is about 1.5 MB minified, per bundle). It does at bundle time what the library's own
// `holidays2json --pick ... --min` does to node_modules, without touching node_modules:
//  1. the data of the countries listed in server/src/core/holiday-countries.json (`--pick`);
//  2. only the calendar modules those countries' rules use (`--min`: no astronomia unless needed);
//  3. moment-timezone without its time-zone data: the simulator asks for local holiday dates only
//     (holidays.ts sets no time zone), so no zone is ever looked up.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The calendar modules a set of rules needs, as holidays2json's `dive` decides them. */
function calendarsUsed(node, used = new Set()) {
  if (!node || typeof node !== "object" || Array.isArray(node)) return used;
  for (const [key, value] of Object.entries(node)) {
    if (key !== "days") { calendarsUsed(value, used); continue; }
    for (const rule of Object.keys(value)) {
      if (/\b(Muharram|Safar|Rabi al-awwal|Rabi al-thani|Jumada al-awwal|Jumada al-thani|Rajab|Shaban|Ramadan|Shawwal|Dhu al-Qidah|Dhu al-Hijjah)\b/.test(rule)) used.add("islamic");
      else if (/\bjulian\b/.test(rule)) used.add("julian");
      else if (/\b(chinese|vietnamese|korean)\b/.test(rule)) used.add("chinese");
      else if (/\bbengali-revised\b/.test(rule)) used.add("bengali");
      else if (/\b(equinox|solstice)\b/.test(rule)) used.add("equinox");
      else if (/\b(Nisan|Iyyar|Sivan|Tamuz|Av|Elul|Tishrei|Cheshvan|Kislev|Tevet|Shvat|Adar)\b/.test(rule)) used.add("hebrew");
      else if (/\b(Farvardin|Ordibehesht|Khordad|Tir|Mordad|Shahrivar|Mehr|Aban|Azar|Dey|Bahman|Esfand)\b/.test(rule)) used.add("jalaali");
    }
  }
  return used;
}

export function holidayData() {
  return {
    name: "covenant-holiday-data",
    setup(b) {
      const { countries } = JSON.parse(readFileSync(path.join(root, "server/src/core/holiday-countries.json"), "utf8"));
      const { data } = require("date-holidays/data");
      const missing = countries.filter((c) => !(c in data.holidays));
      if (missing.length) throw new Error(`holiday-countries.json names countries date-holidays lacks: ${missing.join(", ")}`);
      const holidays = Object.fromEntries(countries.map((c) => [c, data.holidays[c]]));
      const used = calendarsUsed(holidays);

      // The package's CommonJS build (lib/*.cjs) or its ES modules (src/*.js), whichever the import resolves to.
      b.onLoad({ filter: /[\\/]date-holidays[\\/](lib[\\/]data\.cjs|src[\\/]data\.js)$/ }, (args) => ({
        contents: `${args.path.endsWith(".cjs") ? "exports.data =" : "export const data ="} ${JSON.stringify({ ...data, holidays })};`,
        loader: "js",
      }));

      b.onLoad({ filter: /[\\/]date-holidays-parser[\\/](lib[\\/]CalEventFactory\.cjs|src[\\/]CalEventFactory\.js)$/ }, (args) => {
        const text = readFileSync(args.path, "utf8");
        let blocks = 0;
        const contents = text.replace(/[ \t]*\/\/ #ifndef no(\w+)\n([\s\S]*?)[ \t]*\/\/ #endif\n/g, (_, calendar, body) => {
          blocks++;
          return used.has(calendar) ? body : "";
        });
        const warnings = blocks === 0 ? [{ text: "CalEventFactory has no prepin markers any more: every calendar module is bundled" }] : [];
        return { contents, loader: "js", warnings };
      });

      b.onResolve({ filter: /^moment-timezone$/ }, () => ({
        path: path.join(path.dirname(require.resolve("moment-timezone/package.json")), "moment-timezone.js"),
      }));
    },
  };
}
