/**
 * A number with the Turkish possessive accusative ("19'unu", "20'sini", "3'ünü"): the ending
 * follows the vowel harmony of the number's last spoken word.
 */
export function turkishAccusative(n: number, written: string): string {
  return `${written}'${ending(Math.abs(Math.trunc(n)))}`;
}

/** Endings of 1–9 by the units word (bir, iki, üç, dört, beş, altı, yedi, sekiz, dokuz). */
const UNITS = ['', 'ini', 'sini', 'ünü', 'ünü', 'ini', 'sını', 'sini', 'ini', 'unu'];
/** Endings of 10–90 by the tens word (on, yirmi, otuz, kırk, elli, altmış, yetmiş, seksen, doksan). */
const TENS = ['', 'unu', 'sini', 'unu', 'ını', 'sini', 'ını', 'ini', 'ini', 'ını'];

function ending(n: number): string {
  if (n === 0) {
    return 'ını'; // sıfır
  }
  if (n % 10 !== 0) {
    return UNITS[n % 10];
  }
  if (n % 100 !== 0) {
    return TENS[(n % 100) / 10];
  }
  if (n % 1000 !== 0) {
    return 'ünü'; // yüz
  }
  if (n % 1_000_000 !== 0) {
    return 'ini'; // bin
  }
  return n % 1_000_000_000 !== 0 ? 'unu' : 'ını'; // milyon, milyar
}
