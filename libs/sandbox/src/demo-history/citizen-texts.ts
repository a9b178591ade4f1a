import { LANDMARKS, STREETS, withoutDiacritics } from './people-and-places';
import type { SeededRandom } from './seeded-random';

/** Where a request is: the neighbourhood, a street and a landmark people name. */
export interface RequestPlace {
  neighbourhood: string;
  street: string;
  landmark: string;
}

/**
 * Requests by category code of the default catalogue. {mah}, {sok}, {yer}, {gun} are filled in;
 * a category the catalogue gained later gets the generic wording with its name.
 */
const REQUESTS: Record<string, string[]> = {
  'yol-cukur': [
    '{mah} {sok} üzerinde kocaman bir çukur var, araçlar zarar görüyor.',
    '{sok} üzerindeki asfalt tamamen bozuldu, {gun} gündür kimse ilgilenmedi.',
    '{mah} {yer} kaldırım taşları yerinden çıkmış, yaşlılar düşüyor.',
    'Doğalgaz kazısından sonra {sok} kapatılmadı, yol çamur içinde.',
    '{mah} girişindeki yolda yama yapılmış ama yine çöktü.',
    '{sok} ile {sok2} kesişiminde rögar kapağı yolun altında kalmış, tehlikeli.',
    'Okul yolundaki çukurlar yüzünden servisler giremiyor, {mah}.',
  ],
  aydinlatma: [
    '{mah} {sok} üzerindeki sokak lambaları {gun} gündür yanmıyor.',
    '{yer} akşamları zifiri karanlık, lamba arızalı.',
    '{sok} üzerindeki direkte lamba sürekli yanıp sönüyor.',
    'Parkın aydınlatması çalışmıyor, akşam çocuklar oynayamıyor. {mah}',
    '{mah} {sok} başındaki aydınlatma direği eğilmiş, düşecek gibi.',
  ],
  cop: [
    '{mah} {sok} üzerinde çöpler {gun} gündür toplanmadı, koku dayanılmaz.',
    '{yer} konteyner taşmış, kediler etrafa saçıyor.',
    'Çöp kamyonu bizim sokağa hiç uğramıyor. {sok}, {mah}.',
    '{mah} pazar yerinde pazar sonrası temizlik yapılmadı.',
    'Konteynerin kapağı kırık, sinek ve koku çok fazla. {sok}',
    'Moloz ve eski eşyalar sokağa bırakılmış ({yer}), kaldırılmasını rica ediyoruz.',
  ],
  'su-arizasi': [
    '{mah} {sok} üzerinde boru patlamış, sular caddeye akıyor!',
    'Sabahtan beri su yok, {mah}. Ne zaman gelecek?',
    '{yer} rögar taştı, pis su sokağa yayıldı.',
    'Sayaç önündeki vanadan su kaçağı var, {sok}.',
    '{mah} genelinde sular bulanık akıyor, içilecek gibi değil.',
    'Kanalizasyon kokusu evlere kadar geliyor, {sok} {mah}.',
  ],
  park: [
    '{mah} içindeki parkta salıncak kırık, çocuklar için tehlikeli.',
    '{yer} ağaç dalları elektrik tellerine değiyor, budanması lazım.',
    'Parktaki banklar kırılmış, oturacak yer kalmadı. {mah}',
    '{mah} içindeki parkta çimler kurumuş, sulama yapılmıyor.',
    'Fırtınada {sok} üzerinde ağaç devrildi, yolu kapattı.',
    'Oyun alanının zemini bozulmuş, çocuk düştü. {yer}',
  ],
  zabita: [
    '{mah} {sok} üzerinde gece yarısına kadar gürültü var, uyuyamıyoruz.',
    '{yer} seyyar satıcılar kaldırımı tamamen işgal etmiş.',
    'Dükkan önüne mal dizmişler, kaldırımdan geçilmiyor. {sok}',
    'Ekmeği 5 lira fazlaya satıyorlar, fiyat etiketi yok. {mah}',
    '{mah} içindeki bir inşaat hafta sonu sabah 7de başlıyor, ruhsatı var mı?',
    'Kaldırıma park eden araçlar yüzünden bebek arabasıyla yürüyemiyoruz, {sok}.',
  ],
  ulasim: [
    '{mah} hattındaki durağa otobüs 40 dakikadır gelmedi.',
    '{yer} durağın camı kırık, yağmurda bekleyemiyoruz.',
    'Sabah seferleri çok kalabalık, ek sefer konabilir mi? {mah} hattı.',
    'Otobüs şoförü durağa yanaşmadan geçti, {sok}.',
    '{mah} hattının güzergâhı neden değişti, duyuru yapılmadı.',
  ],
  dogalgaz: [
    '{sok} üzerinde yoğun gaz kokusu var, acil bakılması lazım!',
    '{mah} {yer} doğalgaz borusu açıkta kalmış.',
    'Apartman girişinde gaz kokusu alıyoruz, {sok} {mah}.',
  ],
  elektrik: [
    '{mah} genelinde {gun} saattir elektrik kesik, ne zaman gelecek?',
    '{yer} trafodan ses geliyor, kıvılcım çıktı.',
    '{sok} üzerinde kablolar sarkmış, çocuklar ulaşabilir.',
    'Sık sık elektrik kesintisi oluyor, beyaz eşyalar bozuluyor. {mah}',
  ],
};

const GENERIC_REQUEST = [
  '{mah} {sok} ile ilgili bir sorunumuz var: {kategori}.',
  '{kategori} konusunda yardım istiyoruz, {yer}.',
];

const OPENERS = ['Merhaba,', 'İyi günler.', 'Selamün aleyküm,', 'Sayın yetkili,', 'Kolay gelsin.', '', '', ''];
const MAYOR_OPENERS = ['Sayın Başkanım,', 'Başkanım merhaba,', 'Ahmet Bey iyi günler,', 'Değerli Başkanım,'];
const CLOSERS = [
  'Yardımcı olur musunuz?',
  'İlginizi rica ederim.',
  'Teşekkürler.',
  'Ne zaman çözülecek?',
  'Lütfen artık bir çözüm bulun!',
  'Şimdiden teşekkür ederim 🙏',
  'Bu kaçıncı yazışım!',
  '',
  '',
];

/** Messages that ask for no case: questions, thanks, praise. */
export const NON_REQUESTS = [
  'Nikah salonu randevusu için nereye başvurmam gerekiyor?',
  'Emlak vergisini internetten ödeyebilir miyim?',
  'Cuma günü pazar kurulacak mı, bayram nedeniyle?',
  'Belediyenin kurslarına kayıt ne zaman başlıyor?',
  'Evlilik cüzdanı için hangi belgeler gerekiyor?',
  'Yeni açılan kütüphanenin çalışma saatleri nedir?',
  'Dün yolumuzu yaptınız, çok teşekkür ederiz 👏',
  'Parktaki yeni oyun grubu harika olmuş, emeği geçenlere teşekkürler.',
  'Ramazan çadırı bu yıl nerede kurulacak?',
  'Engelli aracı için başvuru nasıl yapılıyor?',
  'Kültür merkezindeki konser biletleri nereden alınıyor?',
  'Sokak hayvanları için mama noktası var mı bizim mahallede?',
  'Ekipleriniz çok hızlıydı, sağ olun.',
  'Ruhsat başvurum ne aşamada öğrenebilir miyim?',
];

export const MAYOR_NON_REQUESTS = [
  'Başkanım mahallemize yaptığınız park için teşekkür ederiz.',
  'Başkanım kermesimize sizi de bekleriz.',
  'Sayın Başkanım, gençlik merkezi için bir görüşme talep ediyorum.',
  'Başkanım hayırlı olsun, yeni kütüphane çok güzel olmuş.',
  'Muhtarlarla toplantınızın tarihi belli mi Başkanım?',
];

export const FOLLOW_UPS = [
  'Hâlâ bekliyoruz, kimse gelmedi.',
  'Konum olarak gönderiyorum.',
  'Fotoğrafını da ekledim.',
  'Bugün de aynı durum devam ediyor.',
  'Komşular da şikayetçi.',
  'Ekip ne zaman gelir acaba?',
];

export const THANKS = [
  'Teşekkür ederim, ilginiz için sağ olun.',
  'Çok teşekkürler 🙏',
  'Sağ olun, hızlı dönüş için teşekkürler.',
  'Allah razı olsun.',
  'Tamam, teşekkürler.',
  'Ekipler geldi, düzeldi. Teşekkürler!',
];

/** Captions of photos sent with a request, by category code. */
export const PHOTO_CAPTIONS: Record<string, string[]> = {
  'yol-cukur': ['Çukurun fotoğrafı', 'Yolun son hali bu', 'Bakın şu asfalta'],
  aydinlatma: ['Yanmayan lamba', 'Akşam durum bu'],
  cop: ['Taşan konteyner', 'Çöpler sokakta'],
  'su-arizasi': ['Su caddeye akıyor', 'Patlak boru'],
  park: ['Kırık salıncak', 'Devrilen ağaç'],
  zabita: ['Kaldırım işgali', 'Seyyar tezgahlar'],
};

function fill(template: string, random: SeededRandom, place: RequestPlace, categoryName: string): string {
  const mah = random.pick([
    `${place.neighbourhood} Mah.`,
    `${place.neighbourhood} Mahallesi`,
    `${place.neighbourhood} mah.`,
  ]);
  return template
    .replace('{mah}', mah)
    .replace('{sok2}', random.pick(STREETS))
    .replace('{sok}', place.street)
    .replace('{yer}', place.landmark)
    .replace('{gun}', String(random.int(2, 6)))
    .replace('{kategori}', categoryName.toLocaleLowerCase('tr'));
}

/** A citizen's first message about a request, with varied openings, endings and spelling. */
export function requestText(
  random: SeededRandom,
  categoryCode: string,
  categoryName: string,
  place: RequestPlace,
  toMayor: boolean,
): string {
  const body = fill(random.pick(REQUESTS[categoryCode] ?? GENERIC_REQUEST), random, place, categoryName);
  const opener = toMayor ? random.pick(MAYOR_OPENERS) : random.pick(OPENERS);
  return typed(random, [opener, body, random.pick(CLOSERS)].filter(Boolean).join(' '));
}

/** Some people type without Turkish letters or capitals, as on a phone. */
export function typed(random: SeededRandom, text: string): string {
  if (random.chance(0.14)) {
    return withoutDiacritics(text);
  }
  if (random.chance(0.1)) {
    return text.toLocaleLowerCase('tr');
  }
  return text;
}

export function drawPlace(random: SeededRandom, neighbourhood: string): RequestPlace {
  return { neighbourhood, street: random.pick(STREETS), landmark: random.pick(LANDMARKS) };
}
