/**
 * What citizens write back to the product's automatic messages in the demo history and the live
 * sandbox, and the officers' short first answers once the automatic acknowledgement has quoted the
 * case number. Every rating text reads as its rating to the real parser (satisfaction-answer.parser).
 */

/** Typed answers to the satisfaction question, by rating (channels without reply buttons). */
export const TYPED_RATINGS: Record<number, readonly string[]> = {
  5: ['5', 'çok iyi', '5, teşekkürler', 'Çok memnunum', '5/5', '⭐⭐⭐⭐⭐', 'mükemmel'],
  4: ['4', 'iyi', '4 puan', 'memnun kaldım', '⭐⭐⭐⭐'],
  3: ['3', 'orta', 'idare eder', '3 puan'],
  2: ['2', 'kötü', 'memnun değilim'],
  1: ['1', 'çok kötü', 'berbat'],
};

/** The WhatsApp reply buttons' titles (the button reply's text), as SatisfactionSurveyService offers them. */
export const BUTTON_RATINGS: Record<number, string> = { 5: '5 - Çok iyi', 3: '3 - Orta', 1: '1 - Kötü' };

/** "Not solved" answers: the case goes back to its department. */
export const NOT_SOLVED_ANSWERS: readonly { text: string; rating: number | null }[] = [
  { text: 'Çözülmedi, hâlâ aynı durumda.', rating: null },
  { text: '1, sorun devam ediyor', rating: 1 },
  { text: 'Hiçbir şey yapılmadı, çukur hâlâ orada.', rating: null },
  { text: '2 - düzelmedi', rating: 2 },
];

/** How a citizen asks for the status of their case ({no}: the case number). */
export const STATUS_QUERIES: readonly string[] = [
  'durum {no}',
  'Durum {no}',
  '{no} ne oldu?',
  'başvurum {no} ne durumda',
  '{no} numaralı başvurum ne aşamada?',
  'durum: {no}',
];

/** Stop automatic messages. */
export const OPT_OUTS: readonly string[] = ['DUR', 'dur', 'Dur', 'STOP'];

/** An officer's first answer when the automatic acknowledgement already gave the number. */
export const SHORT_FIRST_REPLIES: readonly string[] = [
  'Merhaba {ad}, bildiriminiz için teşekkürler; {birim} ekiplerimiz konuyla ilgileniyor.',
  'İyi günler {ad}, talebinizi {birim} Müdürlüğümüze ilettik.',
  'Merhaba, ekiplerimiz en kısa sürede bölgeye yönlendirilecek. Teşekkürler.',
  'Sayın {ad}, konu {birim} Müdürlüğü tarafından incelenecektir.',
];

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_whole, name: string) => values[name] ?? '');
}

/** An officer's first answer on a case an external body handles, once the automatic message gave the number. */
export const SHORT_FORWARD_REPLIES: readonly string[] = [
  'Merhaba {ad}, bu konu {kurum} sorumluluğundadır; talebinizi kuruma ilettik, yanıtı size bildireceğiz.',
  'Sayın {ad}, başvurunuz {kurum} birimine iletilmiştir. Sonucu buradan paylaşacağız.',
];
