import type { WordEdge } from './word-start.scanner';

/**
 * Reading the readings' own regular expression sources: their top-level alternatives, the
 * characters a match can start with, the literal it starts with. WordStartScanner and the
 * sentiment phrases' gates use them; a source this reader is unsure of gives null (no shortcut).
 */

/**
 * The top-level alternatives of a regular expression source ("a|b(?:c|d)" → ["a", "b(?:c|d)"]).
 */
export function alternativesOf(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
    } else if (inClass) {
      inClass = ch !== ']';
    } else if (ch === '[') {
      inClass = true;
    } else if (ch === '(') {
      depth++;
    } else if (ch === ')') {
      depth--;
    } else if (ch === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

interface First {
  /** null: any character. */
  chars: Set<string> | null;
  nullable: boolean;
}

const WORD_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_';
const DIGITS = '0123456789';

/**
 * The characters a match of `source` can start with, or null when it may be any (or the reader is
 * unsure: classes of Unicode properties, negated classes, an alternative that may match nothing).
 * Reads the syntax the readings' patterns use: groups, look-arounds, classes, escapes, quantifiers.
 */
export function firstCharacters(source: string): Set<string> | null {
  let i = 0;
  const union = (a: Set<string> | null, b: Set<string> | null) =>
    a === null || b === null ? null : new Set([...a, ...b]);

  const alternation = (): First => {
    let result: First = { chars: new Set(), nullable: false };
    for (;;) {
      const seq = sequence();
      result = { chars: union(result.chars, seq.chars), nullable: result.nullable || seq.nullable };
      if (source[i] === '|') {
        i++;
        continue;
      }
      return result;
    }
  };

  const sequence = (): First => {
    let chars: Set<string> | null = new Set();
    let nullable = true;
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      const a = quantified(atom());
      if (nullable) {
        chars = union(chars, a.chars);
        nullable = a.nullable;
      }
    }
    return { chars, nullable };
  };

  const quantified = (a: First): First => {
    const ch = source[i];
    let minZero = false;
    if (ch === '*' || ch === '?') {
      minZero = true;
      i++;
    } else if (ch === '+') {
      i++;
    } else if (ch === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(source.slice(i));
      if (!m) {
        throw new Error(`unread quantifier at ${i}`);
      }
      minZero = Number(m[1]) === 0;
      i += m[0].length;
    } else {
      return a;
    }
    if (source[i] === '?') {
      i++;
    }
    return { chars: a.chars, nullable: a.nullable || minZero };
  };

  const atom = (): First => {
    const ch = source[i];
    if (ch === '(') {
      i++;
      let lookaround = false;
      if (source.startsWith('?:', i)) {
        i += 2;
      } else if (/^\?(?:=|!|<=|<!)/.test(source.slice(i, i + 3))) {
        lookaround = true;
        i += source[i + 1] === '<' ? 3 : 2;
      } else if (source[i] === '?') {
        throw new Error(`unread group at ${i}`);
      }
      const inner = alternation();
      if (source[i] !== ')') {
        throw new Error(`unclosed group at ${i}`);
      }
      i++;
      // A look-around consumes nothing: it only narrows what follows, so it adds no first character.
      return lookaround ? { chars: new Set(), nullable: true } : inner;
    }
    if (ch === '[') {
      return characterClass();
    }
    if (ch === '\\') {
      return escape(false);
    }
    i++;
    if (ch === '.') {
      return { chars: null, nullable: false };
    }
    if (ch === '^' || ch === '$') {
      return { chars: new Set(), nullable: true };
    }
    const code = source.codePointAt(i - 1)!;
    if (code > 0xffff) {
      i++;
    }
    return { chars: new Set([String.fromCodePoint(code)]), nullable: false };
  };

  /** After a backslash; inside a class a "\b" would be a backspace, never used here. */
  const escape = (inClass: boolean): First => {
    const ch = source[i + 1];
    i += 2;
    if (ch === 'b' || ch === 'B') {
      if (inClass) {
        throw new Error('\\b in a class');
      }
      return { chars: new Set(), nullable: true };
    }
    if (ch === 'w') {
      return { chars: new Set(WORD_CHARS), nullable: false };
    }
    if (ch === 'd') {
      return { chars: new Set(DIGITS), nullable: false };
    }
    if (ch === 'p' || ch === 'P') {
      const close = source.indexOf('}', i);
      i = close + 1;
      return { chars: null, nullable: false };
    }
    if (/[sSWDux0-9ck]/.test(ch)) {
      if (/[1-9k]/.test(ch)) {
        throw new Error('back-reference');
      }
      return { chars: null, nullable: false };
    }
    if (/[nrtfv]/.test(ch)) {
      return { chars: new Set([{ n: '\n', r: '\r', t: '\t', f: '\f', v: '\v' }[ch]!]), nullable: false };
    }
    return { chars: new Set([ch]), nullable: false };
  };

  const characterClass = (): First => {
    i++;
    if (source[i] === '^') {
      const close = classEnd();
      i = close + 1;
      return { chars: null, nullable: false };
    }
    let chars: Set<string> | null = new Set();
    while (i < source.length && source[i] !== ']') {
      let from: string | null;
      if (source[i] === '\\') {
        const e = escape(true);
        if (e.chars === null || e.chars.size !== 1) {
          chars = union(chars, e.chars);
          continue;
        }
        from = [...e.chars][0];
      } else {
        const code = source.codePointAt(i)!;
        from = String.fromCodePoint(code);
        i += from.length;
      }
      if (source[i] === '-' && source[i + 1] !== ']') {
        i++;
        let to: Set<string> | null;
        if (source[i] === '\\') {
          to = escape(true).chars;
        } else {
          const last = String.fromCodePoint(source.codePointAt(i)!);
          i += last.length;
          to = new Set([last]);
        }
        if (to === null || to.size !== 1) {
          return { chars: null, nullable: false };
        }
        const [a, b] = [from.codePointAt(0)!, [...to][0].codePointAt(0)!];
        if (b - a > 2000) {
          chars = null;
        } else if (chars !== null) {
          for (let c = a; c <= b; c++) {
            chars.add(String.fromCodePoint(c));
          }
        }
      } else if (chars !== null) {
        chars.add(from);
      }
    }
    i++;
    return { chars, nullable: false };
  };

  const classEnd = (): number => {
    for (let k = i; k < source.length; k++) {
      if (source[k] === '\\') {
        k++;
      } else if (source[k] === ']') {
        return k;
      }
    }
    throw new Error('unclosed class');
  };

  try {
    const result = alternation();
    if (i !== source.length) {
      return null;
    }
    return result.nullable ? null : result.chars;
  } catch {
    return null;
  }
}

/**
 * Literal text every match of a whole-word alternation made by wordPattern starts with, one per
 * alternative ("sag ?olun|helal olsun" → ["sag", "helal olsun"]), or null when an alternative starts
 * otherwise (a group, a class): a cheap `includes` gate before running the pattern.
 */
export function literalStarts(pattern: RegExp): string[] | null {
  const inner = innerOf(pattern.source);
  if (!inner) {
    return null;
  }
  const starts: string[] = [];
  for (const alternative of alternativesOf(inner.source)) {
    let literal = '';
    for (let i = 0; i < alternative.length && /[a-z0-9 ]/.test(alternative[i]); i++) {
      // A quantifier after a letter makes it optional ("sag ?ol"): the literal ends before it.
      if (/[?*{]/.test(alternative[i + 1] ?? '')) {
        break;
      }
      literal += alternative[i];
      if (alternative[i + 1] === '+') {
        break;
      }
    }
    if (literal.length === 0) {
      return null;
    }
    starts.push(literal);
  }
  return [...new Set(starts)];
}

export function innerOf(source: string): { source: string; edge: WordEdge } | null {
  const unicodeStart = '(?<![\\p{L}\\p{N}])(?:';
  const unicodeEnd = ')(?![\\p{L}\\p{N}])';
  if (source.startsWith('\\b(?:') && source.endsWith(')\\b')) {
    return { source: source.slice(5, -3), edge: 'ascii' };
  }
  if (source.startsWith(unicodeStart) && source.endsWith(unicodeEnd)) {
    return { source: source.slice(unicodeStart.length, -unicodeEnd.length), edge: 'unicode' };
  }
  return null;
}
