/**
 * Screens everything a request would send upstream as one text: the student's own system prompt
 * (explore mode), their earlier messages in the conversation, and the new prompt. Pure: no I/O.
 *
 * Each part is screened on its own with every detector, exactly as a single prompt is, so joining
 * messages can never make a false positive out of two unrelated numbers (a year at the end of one
 * message and a count at the start of the next). Across the joint between two parts only one
 * thing is checked: whether the digits at the end of one part and at the start of the next
 * together form a number whose shape is unmistakable — a mainland resident ID (check digit,
 * region, birth date), a mainland, Taiwan or UK mobile, a Taiwan, Hong Kong or Macau ID. That is how
 * "my ID is 110105 1949" + "12310021" is caught, while "in 1998" + "2024 was…" is not.
 * A keyword at the end of one part may also announce a value at the start of the next ("my qq is"
 * + "123456789"): that is found by screening the joint, keeping only what lies wholly in the next
 * part and was not found in it alone, so the keyword, not a neighbouring number, made it.
 *
 * Model replies are not part of it: they were not typed by the student, and a phone number a
 * model invented in a story must not lock the student out of their conversation.
 */
import { foldForScreening } from "./digit-disguises";
import { foldNumeralsAtEdges, originalSpan, type MappedText } from "./normalize-text";
import { isValidHongKongId, isValidResidentId, isValidTaiwanId } from "./id-checksums";
import { passwordNamedAfter } from "./screen-passwords";
import { findPersonalDataIn } from "./screen-personal-data";
import type { Finding, PersonalDataKind, ScreeningPolicy } from "./screen-types";
import { findBlockedTopics } from "./screen-word-lists";

export type ContextSource = "system" | "history" | "prompt";

export interface ContextPart {
  source: ContextSource;
  text: string;
}

export interface ContextFinding extends Finding {
  /** Index of the part the match is in. */
  part: number;
  source: ContextSource;
  /** One piece of an item split across several parts (each piece is reported). */
  split: boolean;
}

export type ContextScreenResult = { ok: true } | { ok: false; findings: ContextFinding[] };

export function screenContext(parts: readonly ContextPart[], policy: ScreeningPolicy): ContextScreenResult {
  const findings: ContextFinding[] = [];
  // Each part is folded once, for its own detectors and for the joints.
  const folded = parts.map((part) => foldForScreening(part.text));
  parts.forEach((part, i) => {
    const found = [...findPersonalDataIn(folded[i]!, part.text), ...findBlockedTopics(part.text, policy.blockedTopics)];
    for (const f of found) findings.push({ ...f, part: i, source: part.source, split: false });
  });
  // The joints also read Chinese numerals at a part's edges, however few ("一三八" + "一二三四…").
  const atEdges = parts.map((part, i) => {
    const edges = foldNumeralsAtEdges(part.text);
    return edges === part.text ? folded[i]! : foldForScreening(edges);
  });
  // A piece of a split number may also have been found on its own ("身份证号110105…" is an ID
  // number by its keyword): the split finding says more, so it replaces the overlapping one.
  // The text around each joint, taken once for the two readings of it.
  const joints = jointsOf(parts);
  const acrossJoints = [...findSplitAcrossParts(parts, atEdges), ...findAnnouncedAcrossParts(parts, joints), ...findTopicsAcrossParts(parts, joints, policy.blockedTopics)];
  // A password said to be one only after it was sent ("fluffy123" ⏎ "that's my password"; a red
  // team, 8 December): it is in the earlier message, which goes to the AI with every message, so
  // it is found there and the student is told to start a new conversation.
  for (let i = 1; i < parts.length; i++) {
    const named = passwordNamedAfter(parts[i - 1]!.text, parts[i]!.text);
    if (!named || findings.some((k) => k.part === i - 1 && k.index < named.index + named.match.length && named.index < k.index + k.match.length)) continue;
    findings.push({ kind: "password", ...named, part: i - 1, source: parts[i - 1]!.source, split: false });
  }
  for (const f of acrossJoints) {
    // a piece both readings found ("my number is 077" + "00900" + "123": a keyword and a UK mobile's shape) is one piece
    if (findings.some((k) => k.split && k.part === f.part && k.index === f.index && k.match === f.match)) continue;
    const overlapping = (k: ContextFinding) =>
      !k.split && k.part === f.part && f.index < k.index + k.match.length && k.index < f.index + f.match.length;
    for (let i = findings.length - 1; i >= 0; i--) if (overlapping(findings[i]!)) findings.splice(i, 1);
    findings.push(f);
  }
  findings.sort((a, b) => a.part - b.part || a.index - b.index);
  return findings.length === 0 ? { ok: true } : { ok: false, findings };
}

// ---------------------------------------------------------------------------------------------
// A keyword in one part announcing a value in the next, and items written across a joint

/** How much of each side of a joint is screened: a keyword phrase and a value fit in it. */
const JOINT_REACH = 60;

/** One part's text in a window around a joint; `at`: its offset in the window's text. */
interface Segment {
  part: number;
  /** Offset of `text` in the part's text. */
  start: number;
  text: string;
  at: number;
}

interface JointWindow {
  text: string;
  segments: Segment[];
  /** Offset in `text` of the first segment after the joint. */
  joint: number;
  /** The segments of the parts just before and just after the joint. */
  lastBefore: Segment;
  first: Segment;
}

/** The window around each joint between two parts with text (by the index of the part after it). */
function jointsOf(parts: readonly ContextPart[]): Map<number, JointWindow> {
  const joints = new Map<number, JointWindow>();
  for (let i = 1; i < parts.length; i++) {
    if (parts[i - 1]!.text.trim() && parts[i]!.text.trim()) joints.set(i, windowAt(parts, i));
  }
  return joints;
}

/**
 * The text around the joint before part `i`: up to JOINT_REACH characters each way, taken from as
 * many parts as it needs (short messages: "my number is 077" + "00900" + "123"), joined by spaces.
 */
function windowAt(parts: readonly ContextPart[], i: number): JointWindow {
  const before: Omit<Segment, "at">[] = [];
  for (let k = i - 1, room = JOINT_REACH; k >= 0 && room > 0; k--) {
    const text = parts[k]!.text.slice(-room);
    before.unshift({ part: k, start: parts[k]!.text.length - text.length, text });
    room -= text.length + 1;
  }
  const after: Omit<Segment, "at">[] = [];
  for (let k = i, room = JOINT_REACH; k < parts.length && room > 0; k++) {
    const text = parts[k]!.text.slice(0, room);
    after.push({ part: k, start: 0, text });
    room -= text.length + 1;
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const segment of [...before, ...after]) {
    segments.push({ ...segment, at });
    at += segment.text.length + 1;
  }
  return {
    text: segments.map((x) => x.text).join(" "),
    segments,
    joint: segments[before.length]!.at,
    lastBefore: segments[before.length - 1]!,
    first: segments[before.length]!,
  };
}

/** A finding in a window's text as one piece per part it touches, in that part's offsets. */
function piecesInParts<F extends Finding>(f: F, window: JointWindow, parts: readonly ContextPart[]): ContextFinding[] {
  const end = f.index + f.match.length;
  return window.segments.flatMap((x) => {
    const from = Math.max(f.index, x.at);
    const to = Math.min(end, x.at + x.text.length);
    if (from >= to) return [];
    const index = x.start + from - x.at;
    const match = parts[x.part]!.text.slice(index, index + to - from);
    return match.trim() ? [{ ...f, match, index, part: x.part, source: parts[x.part]!.source, split: true }] : [];
  });
}

/**
 * Kinds that two unrelated messages cannot make by sitting side by side: an address, a school
 * and class, an e-mail, an account ("I live at 12" + "Maple Street", "lilychen2011" + "@gmail.com",
 * 我在育才中学 + 初二3班). A number across a joint counts only when a keyword announced it.
 */
const WORD_SHAPED: ReadonlySet<string> = new Set<PersonalDataKind>(["email", "street_address", "school_class", "account"]);

function findAnnouncedAcrossParts(parts: readonly ContextPart[], joints: ReadonlyMap<number, JointWindow>): ContextFinding[] {
  const found: ContextFinding[] = [];
  for (const window of joints.values()) {
    const { lastBefore, first } = window;
    const alone = findPersonalDataIn(foldForScreening(first.text), first.text);
    for (const f of findPersonalDataIn(foldForScreening(window.text), window.text)) {
      const end = f.index + f.match.length;
      // wholly before the joint, or across an earlier one (that joint reports it)
      if (end <= window.joint || f.index < lastBefore.at) continue;
      if (f.index >= window.joint) {
        // wholly after: a keyword before the joint announced a value in the next part alone
        if (end > first.at + first.text.length) continue;
        const index = f.index - first.at;
        if (alone.some((a) => index < a.index + a.match.length && a.index < index + f.match.length)) continue;
        found.push(...piecesInParts(f, window, parts));
        continue;
      }
      const pieces = piecesInParts(f, window, parts);
      if (WORD_SHAPED.has(f.kind) || (!foundWithoutWordsBefore(f, window.text) && sentAsNumbers(pieces.slice(1), parts))) found.push(...pieces);
    }
  }
  return found;
}

/**
 * Whether a number across a joint is found with nothing before it: if so, its shape made it, and
 * two numbers side by side are not one (findSplitAcrossParts reads the shapes that are); if not, a
 * keyword before it did ("my number is 077" + "00900" + "123").
 */
function foundWithoutWordsBefore(f: Finding, text: string): boolean {
  const rest = text.slice(f.index);
  return findPersonalDataIn(foldForScreening(rest), rest).some((a) => a.index === 0 && a.match === f.match);
}

/**
 * The pieces after the joint are numbers sent on their own, not the start of a sentence: "00900",
 * "123", but not 一一 of 一一得一 (a times table after "电话会议在2024-03-15").
 */
function sentAsNumbers(pieces: readonly ContextFinding[], parts: readonly ContextPart[]): boolean {
  return pieces.every((p) => !/^\s*\p{L}/u.test(parts[p.part]!.text.slice(p.index + p.match.length)));
}

/** A blocked topic written across a joint: "赌" + "博", "gamb" + "ling", "video" + "games". */
function findTopicsAcrossParts(parts: readonly ContextPart[], joints: ReadonlyMap<number, JointWindow>, blockedTopics: readonly string[]): ContextFinding[] {
  if (blockedTopics.length === 0) return [];
  const found: ContextFinding[] = [];
  for (const window of joints.values()) {
    for (const f of findBlockedTopics(window.text, blockedTopics)) {
      if (f.index < window.lastBefore.at || f.index >= window.joint || f.index + f.match.length <= window.joint) continue;
      found.push(...piecesInParts(f, window, parts));
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Numbers split across parts

/** Digits (and an ID's letters or check character) with short separators between them. */
const CHAIN = /(?<![A-Za-z])(?:[A-Za-z]{1,2}[\s-]?)?\d(?:[\s\-._/()]{0,3}(?:\d|[XxA](?![A-Za-z])))*\)?/g;

interface Chain {
  part: number;
  mapped: MappedText;
  start: number;
  end: number;
}

/** One compact character of a linked chain, and where it came from. */
interface Piece {
  ch: string;
  chain: number;
  /** Folded offset in its part. */
  at: number;
  /** A separator (or the start of the chain) comes before it. */
  groupStart: boolean;
}

const SPLIT_SHAPES: { kind: PersonalDataKind; test: (s: string) => boolean }[] = [
  { kind: "cn_resident_id", test: (s) => /^\d{17}[\dX]$/.test(s) && isValidResidentId(s) },
  { kind: "cn_mobile", test: (s) => /^(?:86)?1[3-9]\d{9}$/.test(s) && !/0{7}$/.test(s) },
  { kind: "phone", test: (s) => /^(?:886)?09\d{8}$/.test(s) },
  // a UK mobile: a keyword before "07700" and "900123" in the next message was missed, because the
  // number's own shape, not the keyword, finds it there (a fact-check of the help page, 7 December)
  { kind: "phone", test: (s) => /^(?:07|447)\d{9}$/.test(s) },
  { kind: "phone", test: (s) => /^(?:852|853)[2-9]\d{7}$/.test(s) },
  { kind: "id_number", test: (s) => /^[A-Z][1289]\d{8}$/.test(s) && isValidTaiwanId(s) },
  { kind: "id_number", test: (s) => /^[A-Z]{1,2}\d{6}\([\dA]\)$/.test(s) || (/^[A-Z]{1,2}\d{6}[\dA]$/.test(s) && isValidHongKongId(s)) },
  { kind: "id_number", test: (s) => /^[157]\d{6}\(\d\)$/.test(s) },
];

/** The longest shape above ("886" and a Taiwan mobile; a resident ID is 18). */
const MAX_SHAPE_LENGTH = 20;

function chainsOf(mapped: MappedText, part: number): Chain[] {
  return [...mapped.text.matchAll(CHAIN)].map((m) => ({ part, mapped, start: m.index, end: m.index + m[0].length }));
}

function findSplitAcrossParts(parts: readonly ContextPart[], folded: readonly MappedText[]): ContextFinding[] {
  const chains = folded.map((mapped, i) => chainsOf(mapped, i));
  // Link the last chain of a part to the first chain of the next part; a part that holds one
  // chain only passes the link on ("110105" + "19491231" + "0021").
  const linked: Chain[][] = [];
  const flush = (run: Chain[]) => {
    if (run.length > 1) linked.push(run);
  };
  let current: Chain[] = [];
  for (const list of chains) {
    if (list.length === 0) {
      flush(current);
      current = [];
      continue;
    }
    current.push(list[0]!);
    if (list.length > 1) {
      flush(current);
      current = [list.at(-1)!];
    }
  }
  flush(current);
  return linked.flatMap((group) => matchLinked(group, parts));
}

function matchLinked(group: Chain[], parts: readonly ContextPart[]): ContextFinding[] {
  const pieces: Piece[] = [];
  group.forEach((c, chainIndex) => {
    let afterSeparator = true;
    for (let at = c.start; at < c.end; at++) {
      const ch = c.mapped.text[at]!;
      if (/[\s\-._/]/.test(ch)) {
        afterSeparator = true;
        continue;
      }
      pieces.push({ ch: ch.toUpperCase(), chain: chainIndex, at, groupStart: afterSeparator });
      afterSeparator = false;
    }
  });
  const found: ContextFinding[] = [];
  // Candidates start where a group starts and end where one ends, and span at least one joint.
  for (let i = 0; i < pieces.length; i++) {
    if (!pieces[i]!.groupStart) continue;
    for (let j = i + 1; j < Math.min(pieces.length, i + MAX_SHAPE_LENGTH); j++) {
      const endsGroup = j === pieces.length - 1 || pieces[j + 1]!.groupStart;
      if (!endsGroup || pieces[j]!.chain === pieces[i]!.chain) continue;
      const candidate = pieces.slice(i, j + 1).map((p) => p.ch).join("");
      const shape = SPLIT_SHAPES.find((s) => s.test(candidate));
      if (shape) {
        found.push(...piecesToFindings(shape.kind, pieces.slice(i, j + 1), group, parts));
        i = j;
        break;
      }
    }
  }
  return found;
}

function piecesToFindings(kind: PersonalDataKind, pieces: Piece[], group: Chain[], parts: readonly ContextPart[]): ContextFinding[] {
  const byChain = new Map<number, Piece[]>();
  for (const p of pieces) byChain.set(p.chain, [...(byChain.get(p.chain) ?? []), p]);
  return [...byChain.entries()].map(([chainIndex, ps]) => {
    const chain = group[chainIndex]!;
    const [start, end] = originalSpan(chain.mapped, ps[0]!.at, ps.at(-1)!.at + 1);
    const text = parts[chain.part]!.text;
    return { kind, match: text.slice(start, end), index: start, part: chain.part, source: parts[chain.part]!.source, split: true };
  });
}

// ---------------------------------------------------------------------------------------------
// The rest of a number whose first part was blocked

/**
 * Personal data written as digits. A message blocked for one of these is kept without it, and
 * left out of what later messages are read with, so "my ID number is 11010519491231" (blocked)
 * then "the rest is 002X" would get the rest through alone: it has no shape of its own.
 */
const NUMBER_KINDS: ReadonlySet<string> = new Set<PersonalDataKind>(["phone", "cn_mobile", "cn_resident_id", "id_number", "account"]);

/** Four digits or more (spaced or dashed as numbers are), or three and an ID's check character. */
const NUMBER_RUN = /\d(?:[\s\-._/]{0,2}\d){2,}(?:[\s\-._/]{0,2}[Xx](?![A-Za-z]))?/g;
const isNumberPiece = (run: string) => run.replace(/\D/g, "").length >= 4 || /[Xx]$/.test(run);

/**
 * How much else a message may say and still be "the rest" of the number: a few words ("the rest
 * is", "and it ends with", 后面几位是). A question that happens to hold a year ("what year was the
 * first chatbot made, 1966?") says more. Han characters count double, as each says more.
 */
const FEW_LETTERS = 20;

/**
 * The digits of `prompt` read as the rest of a number the student's message just before was
 * blocked for (`blockedBefore`: that message's flags): a number sent with a few words at most.
 * Each is reported as the kind that was blocked.
 */
export function restOfBlockedNumber(prompt: string, blockedBefore: readonly string[]): Finding[] {
  const kind = blockedBefore.find((k) => NUMBER_KINDS.has(k)) as PersonalDataKind | undefined;
  return kind ? numbersSentAlone(prompt).map((n) => ({ kind, ...n })) : [];
}

/**
 * Whether the prompt is a number sent with a few words at most: only then is the student's message
 * before it worth looking up (restOfBlockedNumber), which most messages never need.
 */
export function couldBeRestOfNumber(prompt: string): boolean {
  return numbersSentAlone(prompt).length > 0;
}

function numbersSentAlone(prompt: string): { match: string; index: number }[] {
  const folded = foldForScreening(prompt);
  const runs = [...folded.text.matchAll(NUMBER_RUN)].filter((m) => isNumberPiece(m[0]));
  if (runs.length === 0) return [];
  const around = folded.text.replace(NUMBER_RUN, " ");
  const letters = [...around.matchAll(/\p{L}/gu)].reduce((n, [ch]) => n + (/\p{Script=Han}/u.test(ch) ? 2 : 1), 0);
  if (letters > FEW_LETTERS) return [];
  return runs.map((m) => {
    const [start, end] = originalSpan(folded, m.index, m.index + m[0].length);
    return { match: prompt.slice(start, end), index: start };
  });
}
