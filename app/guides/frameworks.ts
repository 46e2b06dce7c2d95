/**
 * The frameworks the course is mapped to. Only identifiers listed here are accepted by the build,
 * so a guide cannot cite a standard that does not exist. Labels live in the i18n catalogs
 * (guide.fw.*).
 *
 * - AI4K12 Five Big Ideas (AI4K12 Initiative, AAAI and CSTA): 1–5.
 * - CSTA K-12 Computer Science Standards (revised 2017): only identifiers whose wording we checked.
 * - 中小学人工智能通识教育指南（2025年版）, published 12 May 2025 by the Ministry of Education's
 *   基础教育教学指导委员会. Its opening sentence defines AI general education as teaching
 *   基本概念、技术原理、应用场景、伦理安全和社会影响; we map lessons to those five areas, quoted from
 *   the document itself, rather than to strand names we could not verify in the text.
 */
export const BIG_IDEAS = [1, 2, 3, 4, 5] as const;

export const CSTA_STANDARDS = [
  "2-DA-07",
  "2-IC-20",
  "2-IC-21",
  "2-IC-23",
  "3A-DA-09",
  "3A-IC-24",
  "3A-IC-25",
  "3A-IC-30",
  "3B-AP-08",
  "3B-IC-25",
] as const;

export const CHINA_2025_AREAS = ["concepts", "principles", "applications", "ethics-safety", "social-impact"] as const;
