import type { AST } from '@eslint-community/regexpp';
import { RegExpParser } from '@eslint-community/regexpp';
import type { WordEdge } from './word-start.scanner';

/**
 * Reading the readings' own regular expression sources through regexpp's syntax tree: a whole-word
 * alternation's alternatives, the characters a match can start with, the literal it starts with.
 * WordStartScanner and the sentiment phrases' gates use them; a source these readers are unsure of
 * gives null (no shortcut), never an answer narrower than what the expression can match.
 */

const PARSER = new RegExpParser();
const WORD_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_';
const DIGITS = '0123456789';
/** Class ranges wider than this are "any character" to firstCharacters. */
const WIDEST_RANGE = 2000;
/** What literalStarts keeps: the gates were written for the Latin-letter phrases (Arabic ones have `arabic`). */
const PLAIN = /^[a-z0-9 ]$/;

/** The syntax tree of a source as WordStartScanner compiles it (flag 'u'), or null when it does not parse. */
export function patternOf(source: string): AST.Pattern | null {
  try {
    return PARSER.parsePattern(source, 0, source.length, { unicode: true });
  } catch {
    return null;
  }
}

/**
 * The characters a single character, class or set matches, or null for many or unknown ones:
 * negated, Unicode properties, \s, ".", or a range of more than `widest` characters.
 */
export function charactersOf(node: AST.Node, widest: number): Set<string> | null {
  switch (node.type) {
    case 'Character':
      return new Set([String.fromCodePoint(node.value)]);
    case 'CharacterClassRange': {
      const [from, to] = [node.min.value, node.max.value];
      return to - from > widest
        ? null
        : new Set(Array.from({ length: to - from + 1 }, (_, k) => String.fromCodePoint(from + k)));
    }
    case 'CharacterSet':
      // Without the i flag \w and \d are ASCII even in Unicode mode.
      if (node.kind === 'word' && !node.negate) {
        return new Set(WORD_CHARS);
      }
      return node.kind === 'digit' && !node.negate ? new Set(DIGITS) : null;
    case 'CharacterClass': {
      if (node.negate) {
        return null;
      }
      const out = new Set<string>();
      for (const element of node.elements) {
        const chars = charactersOf(element, widest);
        if (!chars) {
          return null;
        }
        chars.forEach((c) => out.add(c));
      }
      return out;
    }
    default:
      return null;
  }
}

interface First {
  /** null: any character. */
  chars: Set<string> | null;
  nullable: boolean;
}

/** What the reader cannot vouch for: any first character, or none. */
const UNSURE: First = { chars: null, nullable: true };

function firstOf(node: AST.Node): First {
  switch (node.type) {
    case 'Pattern':
    case 'CapturingGroup':
      return eitherOf(node.alternatives);
    case 'Group':
      // Modifiers ("(?i:…)") change what the letters inside match.
      return node.modifiers ? UNSURE : eitherOf(node.alternatives);
    case 'Alternative': {
      let chars: Set<string> | null = new Set();
      for (const element of node.elements) {
        const first = firstOf(element);
        chars = union(chars, first.chars);
        if (!first.nullable) {
          return { chars, nullable: false };
        }
      }
      return { chars, nullable: true };
    }
    case 'Quantifier': {
      const first = firstOf(node.element);
      return { chars: first.chars, nullable: first.nullable || node.min === 0 };
    }
    case 'Assertion':
      // \b, ^, $ and look-arounds consume nothing: they only narrow what follows.
      return { chars: new Set(), nullable: true };
    case 'Character':
    case 'CharacterClass':
    case 'CharacterSet':
      return { chars: charactersOf(node, WIDEST_RANGE), nullable: false };
    default:
      // A back-reference repeats a group that may have matched anything, or nothing.
      return UNSURE;
  }
}

function eitherOf(alternatives: AST.Alternative[]): First {
  const firsts = alternatives.map(firstOf);
  return {
    chars: firsts.reduce<Set<string> | null>((chars, f) => union(chars, f.chars), new Set()),
    nullable: firsts.some((f) => f.nullable),
  };
}

function union(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  return a === null || b === null ? null : new Set([...a, ...b]);
}

/**
 * The characters a match of `source` can start with, or null when it may be any (or the reader is
 * unsure: classes of Unicode properties, negated classes, an alternative that may match nothing).
 */
export function firstCharacters(source: string): Set<string> | null {
  const pattern = patternOf(source);
  const first = pattern ? firstOf(pattern) : UNSURE;
  return first.nullable ? null : first.chars;
}

/**
 * Literal text every match of a whole-word alternation made by wordPattern starts with, one per
 * alternative ("sag ?olun|helal olsun" → ["sag", "helal olsun"]), or null when an alternative starts
 * otherwise (a group, a class): a cheap `includes` gate before running the pattern.
 */
export function literalStarts(pattern: RegExp): string[] | null {
  const inner = innerOf(pattern);
  const starts = inner ? inner.alternatives.map(literalStart) : [];
  return starts.length > 0 && starts.every((s) => s.length > 0) ? [...new Set(starts)] : null;
}

/** The plain letters, digits and spaces an alternative starts with ("sag ?olun" → "sag", "t+amam" → "t"). */
function literalStart(alternative: AST.Alternative): string {
  let literal = '';
  for (const element of alternative.elements) {
    const quantified = element.type === 'Quantifier';
    const node = quantified ? element.element : element;
    const char = node.type === 'Character' ? String.fromCodePoint(node.value) : '';
    // An optional character ends the literal before it; a repeated one ("t+") after its first.
    if (!PLAIN.test(char) || (quantified && element.min === 0)) {
      break;
    }
    literal += char;
    if (quantified) {
      break;
    }
  }
  return literal;
}

/** The edges wordPattern puts around its alternation, per kind of edge: before, after. */
const EDGES: [WordEdge, string, string][] = [
  ['ascii', '\\b', '\\b'],
  ['unicode', '(?<![\\p{L}\\p{N}])', '(?![\\p{L}\\p{N}])'],
];

/**
 * The alternatives of a whole-word alternation made by wordPattern (`\b(?:A|B)\b` or its Unicode
 * form) and its kind of edge, or null for another shape, or for flags WordStartScanner would drop
 * when it compiles the alternatives again with 'u' (i, m, s, v, y).
 */
export function innerOf(pattern: RegExp): { alternatives: AST.Alternative[]; edge: WordEdge } | null {
  const tree = /^d?g?u$/.test(pattern.flags) ? patternOf(pattern.source) : null;
  const elements = tree?.alternatives.length === 1 ? tree.alternatives[0].elements : [];
  const [before, group, after] = elements;
  if (elements.length !== 3 || group.type !== 'Group' || group.modifiers) {
    return null;
  }
  const edge = EDGES.find(([, b, a]) => before.raw === b && after.raw === a)?.[0];
  return edge ? { alternatives: group.alternatives, edge } : null;
}
