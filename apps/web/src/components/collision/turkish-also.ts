const BACK_VOWELS = 'aıouAIOU';
const FRONT_VOWELS = 'eiöüEİÖÜ';

/**
 * Turkish "de/da" ("also") after a name, by vowel harmony with the name's last vowel:
 * "Ayşe Yılmaz da", "Elif Demir de". A name without a vowel reads as a front one ("de").
 */
export function turkishAlso(name: string): 'da' | 'de' {
  for (let i = name.length - 1; i >= 0; i--) {
    if (BACK_VOWELS.includes(name[i])) {
      return 'da';
    }
    if (FRONT_VOWELS.includes(name[i])) {
      return 'de';
    }
  }
  return 'de';
}
