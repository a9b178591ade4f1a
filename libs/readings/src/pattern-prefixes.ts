/**
 * The first two characters a match of a regular expression source can start with ("kombi|tüp" →
 * "ko", "tu"), read from the source like pattern-source reads the first one: WordStartScanner then
 * tries an alternative only at words that start so. A string shorter than two is a whole match.
 * Null when unsure (a class of Unicode properties, a negated class, ".", a back-reference, too many).
 */
type Prefixes = Set<string>;

const K = 2;
const MAX = 5000;
const WORD = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_';

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

export function firstPairs(source: string): Prefixes | null {
  let i = 0;
  const alternation = (): Prefixes => {
    const out = new Set<string>();
    for (;;) {
      sequence().forEach((p) => out.add(p));
      if (source[i] !== '|') {
        return out;
      }
      i++;
    }
  };
  const sequence = (): Prefixes => {
    let out: Prefixes = new Set(['']);
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      out = concat(out, quantified(atom()));
    }
    return out;
  };
  const quantified = (a: Prefixes): Prefixes => {
    const ch = source[i];
    let min = 1;
    let max = 1;
    if (ch === '*' || ch === '?' || ch === '+') {
      min = ch === '+' ? 1 : 0;
      max = ch === '?' ? 1 : Infinity;
      i++;
    } else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (!m) {
        throw new Unsure();
      }
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      i += m[0].length;
    } else {
      return a;
    }
    if (source[i] === '?') {
      i++;
    }
    return repeat(a, min, max);
  };
  const atom = (): Prefixes => {
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
        throw new Unsure();
      }
      const inner = alternation();
      if (source[i] !== ')') {
        throw new Unsure();
      }
      i++;
      return lookaround ? new Set(['']) : inner;
    }
    if (ch === '[') {
      return characterClass();
    }
    if (ch === '\\') {
      const e = source[i + 1];
      i += 2;
      if (e === 'b' || e === 'B') {
        return new Set(['']);
      }
      if (e === 'w') {
        return new Set(WORD);
      }
      if (e === 'd') {
        return new Set('0123456789');
      }
      if (/[sSWDpPux0-9ck]/.test(e)) {
        throw new Unsure();
      }
      return new Set([e]);
    }
    if (ch === '.' || ch === '^' || ch === '$') {
      throw new Unsure();
    }
    const char = String.fromCodePoint(source.codePointAt(i)!);
    i += char.length;
    return new Set([char]);
  };
  const characterClass = (): Prefixes => {
    i++;
    if (source[i] === '^') {
      throw new Unsure();
    }
    const out = new Set<string>();
    while (i < source.length && source[i] !== ']') {
      let from: string;
      if (source[i] === '\\') {
        const e = source[i + 1];
        i += 2;
        if (e === 'w') {
          [...WORD].forEach((c) => out.add(c));
          continue;
        }
        if (e === 'd') {
          [...'0123456789'].forEach((c) => out.add(c));
          continue;
        }
        if (/[a-zA-Z0-9]/.test(e)) {
          throw new Unsure();
        }
        from = e;
      } else {
        from = String.fromCodePoint(source.codePointAt(i)!);
        i += from.length;
      }
      if (source[i] === '-' && source[i + 1] !== ']') {
        i++;
        if (source[i] === '\\') {
          throw new Unsure();
        }
        const to = String.fromCodePoint(source.codePointAt(i)!);
        i += to.length;
        const [a, b] = [from.codePointAt(0)!, to.codePointAt(0)!];
        if (b - a > 500) {
          throw new Unsure();
        }
        for (let c = a; c <= b; c++) {
          out.add(String.fromCodePoint(c));
        }
      } else {
        out.add(from);
      }
    }
    i++;
    return out;
  };
  try {
    const result = alternation();
    // A match that may be empty starts with anything: no help.
    return i === source.length && !result.has('') ? result : null;
  } catch {
    return null;
  }
}
