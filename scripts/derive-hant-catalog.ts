/**
 * Writes app/i18n/catalog/zh-Hant.ts from the 简体中文 catalog with the same converter the course
 * build uses (Taiwan phrasing plus our fix-ups). Run after editing zh-Hans.ts:
 *   npm run i18n:hant
 * A unit test fails when the committed file is out of date.
 */
import fs from "node:fs";
import path from "node:path";
import { zhHans } from "../app/i18n/catalog/zh-Hans";
import { renderHantCatalog } from "../app/i18n/hant-catalog";

const out = path.resolve(process.cwd(), "app/i18n/catalog/zh-Hant.ts");
fs.writeFileSync(out, renderHantCatalog(zhHans));
console.log(`wrote ${path.relative(process.cwd(), out)} (${Object.keys(zhHans).length} keys)`);
