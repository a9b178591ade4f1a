import type { AST } from '@eslint-community/regexpp';
import { charactersOf, patternOf } from './pattern-source';

/**
 * The first two characters a match of a regular expression source can start with ("kombi|tüp" →
 * "ko", "tu"), read from regexpp's syntax tree like pattern-source reads the first one:
 * WordStartScanner then tries an alternative only at words that start so. A string shorter than two
 * is a whole match. Null when unsure anywhere in the source (a class of Unicode properties, a
 * negated class, ".", \s, a back-reference, too many prefixes).
 */
type Prefixes = Set<string>;

const K = 2;
const MAX = 5000;
/** Class ranges wider than this make the reader unsure. */
const WIDEST_RANGE = 500;

class Unsure extends Error {}

function concat(a: Prefixes, b: Prefixes): Prefixes {
  const out = new Set<string>();
  for (const x of a) {
    if (x.length >= K) {
      out.add(x);
      continue;
    }
    for (const y of b) {
      out.add((x + y).slice(0, K));
    }
  }
  if (out.size > MAX) {
    throw new Unsure();
  }
  return out;
}

function repeat(x: Prefixes, min: number, max: number): Prefixes {
  let power: Prefixes = new Set(['']);
  for (let n = 0; n < min; n++) {
    power = concat(power, x);
  }
  const out = new Set(power);
  // Beyond K more pieces nothing new fits in K characters.
  for (let n = min; n < Math.min(max, min + K); n++) {
    power = concat(power, x);
    power.forEach((p) => out.add(p));
  }
  return out;
}

/** Every node is read, even past the first K characters, so a construct the reader cannot vouch for anywhere gives null. */
function prefixesOf(node: AST.Node): Prefixes {
  switch (node.type) {
    case 'Pattern':
    case 'CapturingGroup':
      return eitherOf(node.alternatives);
    case 'Group':
      // Modifiers ("(?i:…)") change what the letters inside match.
      if (node.modifiers) {
        throw new Unsure();
      }
      return eitherOf(node.alternatives);
    case 'Alternative':
      return node.elements.reduce<Prefixes>((out, element) => concat(out, prefixesOf(element)), new Set(['']));
    case 'Quantifier':
      return repeat(prefixesOf(node.element), node.min, node.max);
    case 'Assertion':
      // \b, ^, $ and look-arounds consume nothing.
      return new Set(['']);
    case 'Character':
    case 'CharacterClass':
    case 'CharacterSet': {
      const chars = charactersOf(node, WIDEST_RANGE);
      if (!chars) {
        throw new Unsure();
      }
      return chars;
    }
    default:
      // A back-reference.
      throw new Unsure();
  }
}

function eitherOf(alternatives: AST.Alternative[]): Prefixes {
  const out = new Set<string>();
  alternatives.forEach((a) => prefixesOf(a).forEach((p) => out.add(p)));
  return out;
}

export function firstPairs(source: string): Prefixes | null {
  const pattern = patternOf(source);
  try {
    const prefixes = pattern && prefixesOf(pattern);
    // A match that may be empty starts with anything: no help.
    return prefixes && !prefixes.has('') ? prefixes : null;
  } catch (error) {
    if (error instanceof Unsure) {
      return null;
    }
    throw error;
  }
}
