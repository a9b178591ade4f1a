import type { SeededRandom } from './seeded-random';

/** What the municipality's officers answer, resolve and reject with, in their own varied words. */
const FIRST_REPLIES = [
  'Merhaba {ad}, talebiniz {birim} Müdürlüğümüze iletilmiştir. Başvuru numaranız: {no}.',
  'İyi günler {ad}, bildiriminiz için teşekkür ederiz. {no} numaralı başvurunuz {birim} ekiplerimize yönlendirildi.',
  'Sayın {ad}, konu {birim} Müdürlüğü tarafından incelenecektir. Başvuru no: {no}',
  'Merhaba, ilginiz için teşekkürler. Ekiplerimiz en kısa sürede bölgeye yönlendirilecek (başvuru no {no}).',
  '{ad} merhaba, talebiniz kayda alındı ({no}). Gelişmeleri buradan bildireceğiz.',
];

const FORWARD_REPLIES = [
  'Merhaba {ad}, bu konu {kurum} sorumluluğundadır; talebinizi {no} numarasıyla kuruma ilettik, yanıtı size bildireceğiz.',
  'Sayın {ad}, başvurunuz ({no}) {kurum} birimine iletilmiştir. Sonucu buradan paylaşacağız.',
];

/** Answers to questions (the citizen's text has a question mark) and to thanks or praise. */
const INFO_REPLIES = [
  'Merhaba {ad}, bilgi için 153 Beyaz Masa hattımızı arayabilir ya da belediyemizin internet sitesini ziyaret edebilirsiniz.',
  'İyi günler, sorunuzun yanıtı için ilgili birimimizle görüştük: başvurular hafta içi 08.30–17.30 arasında alınıyor.',
  'Merhaba {ad}, duyurularımızı sosyal medya hesaplarımızdan takip edebilirsiniz; tarih netleşince paylaşacağız.',
  "Merhaba {ad}, başvurunuzu Beyaz Masa'dan ya da e-Belediye üzerinden takip edebilirsiniz; isterseniz numarayı iletin, bakalım.",
];
const THANKS_REPLIES = [
  'Güzel sözleriniz için çok teşekkür ederiz {ad}, ekiplerimize iletiyoruz. 🌷',
  'Teşekkür ederiz, iyi dilekleriniz için sağ olun.',
  'Biz teşekkür ederiz {ad}, her zaman bekleriz.',
];

const MAYOR_INFO_REPLIES = [
  'Değerli hemşehrimiz, Başkanımız mesajınızı okudu, teşekkürlerini iletiyor.',
  'Sayın {ad}, talebiniz Başkanlık Özel Kalem Müdürlüğümüzce kayda alınmıştır, sizinle iletişime geçeceğiz.',
  'Merhaba {ad}, güzel dilekleriniz için Başkanımız adına teşekkür ederiz.',
];

const ASK_LOCATION = [
  'Tam konumu paylaşabilir misiniz?',
  'Adres tarifi ya da konum gönderebilir misiniz, ekibi yönlendirelim.',
  'Bir fotoğraf gönderebilirseniz ekiplerimiz daha hızlı müdahale eder.',
];

/** Resolutions by category code (what the crew did). */
const RESOLUTIONS: Record<string, string[]> = {
  'yol-cukur': [
    'Çukur sıcak asfalt yama ile kapatıldı.',
    'Kaldırım taşları yeniden döşendi.',
    'Yol yüzeyi onarıldı, rögar kapağı kotuna alındı.',
  ],
  aydinlatma: [
    'Arızalı armatür değiştirildi, aydınlatma çalışıyor.',
    'Sigorta arızası giderildi.',
    'Eğilen direk sabitlendi.',
  ],
  cop: [
    'Konteyner boşaltıldı ve çevresi yıkandı.',
    'Moloz ve atıklar kaldırıldı.',
    'Konteyner yenisiyle değiştirildi, toplama saati güncellendi.',
  ],
  'su-arizasi': [
    'Boru arızası giderildi, su verildi.',
    'Rögar temizlendi, kanal açıldı.',
    'Vana contası değiştirildi, kaçak giderildi.',
  ],
  park: [
    'Salıncak onarıldı.',
    'Ağaç budaması yapıldı.',
    'Kırık banklar yenilendi.',
    'Devrilen ağaç kaldırıldı, yol açıldı.',
  ],
  zabita: [
    'Zabıta ekiplerince yerinde denetim yapıldı, tutanak tutuldu.',
    'Kaldırım işgali kaldırıldı, işletme uyarıldı.',
    'İşletmeye idari para cezası uygulandı.',
  ],
  ulasim: [
    'Sefer sıklığı sabah saatlerinde artırıldı.',
    'Durak camı yenilendi.',
    'Şoför hakkında işlem başlatıldı, güzergâh duyurusu yapıldı.',
  ],
  dogalgaz: ['Ekipler tarafından kaçak kontrolü yapıldı, sızıntı giderildi.'],
  elektrik: ['Arıza giderildi, enerji verildi.', 'Sarkan kablolar toplandı.'],
};

const GENERIC_RESOLUTIONS = ['Ekiplerimizce yerinde incelendi ve sorun giderildi.'];

export const REJECTION_REASONS = [
  'Bahsi geçen alan özel mülk sınırları içindedir, belediyemizin yetki alanı dışındadır.',
  'Yerinde yapılan incelemede bildirilen sorun tespit edilmemiştir.',
  'Talep edilen düzenleme imar planına aykırı olduğundan karşılanamamaktadır.',
  'Yol Karayolları sorumluluğundadır; başvurunuzun ilgili kuruma yapılması gerekmektedir.',
  'Talep bütçe programında yer almadığından bu yıl yapılamayacaktır.',
];

/** What an external body writes back when it closes a forwarded request. */
const BODY_ANSWERS = [
  'Ekiplerimiz bölgeye gitmiş, arıza giderilmiştir.',
  'Gerekli kontroller yapılmış ve sorun çözülmüştür.',
  'Hat onarımı tamamlanmış, hizmet normale dönmüştür.',
  'Yerinde müdahale edilmiş, güvenlik önlemleri alınmıştır.',
];

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => values[key] ?? '');
}

export function firstReply(random: SeededRandom, values: { ad: string; birim: string; no: string }): string {
  return fill(random.pick(FIRST_REPLIES), values);
}

export function forwardReply(random: SeededRandom, values: { ad: string; kurum: string; no: string }): string {
  return fill(random.pick(FORWARD_REPLIES), values);
}

/** The answer to a message that asks for no case: a question gets information, thanks get thanks. */
export function infoReply(random: SeededRandom, first: string, mayor: boolean, citizenText: string): string {
  const list = mayor ? MAYOR_INFO_REPLIES : citizenText.includes('?') ? INFO_REPLIES : THANKS_REPLIES;
  return fill(random.pick(list), { ad: first });
}

export function askLocation(random: SeededRandom): string {
  return random.pick(ASK_LOCATION);
}

export function resolutionText(random: SeededRandom, categoryCode: string): string {
  return random.pick(RESOLUTIONS[categoryCode] ?? GENERIC_RESOLUTIONS);
}

export function bodyAnswer(random: SeededRandom): string {
  return random.pick(BODY_ANSWERS);
}

/** The message the citizen gets when the case is closed (as CaseResolutionService words it). */
export function outcomeMessage(
  name: string,
  caseNumber: string,
  outcome: string,
  organization: string,
  rejected: boolean,
): string {
  const what = rejected
    ? `${caseNumber} numaralı başvurunuz hakkında: ${outcome}`
    : `${caseNumber} numaralı başvurunuz sonuçlandı: ${outcome}`;
  return `Sayın ${name}, ${what} Bilginize sunarız. ${organization}`;
}
