import type { SeededRandom } from './seeded-random';

/** Given names and surnames the demo citizens are drawn from (Turkish spelling). */
export const FIRST_NAMES: string[] = (
  'Ayşe Mehmet Fatma Mustafa Emine Ahmet Hatice Ali Zeynep Hüseyin Elif Hasan Merve İbrahim Şule İsmail ' +
  'Özlem Osman Gülşen Yusuf Büşra Murat Esra Ömer Derya Ramazan Sevgi Halil Tuğba Süleyman Nurcan ' +
  'Abdullah Gökhan Kübra Serkan Çiğdem Emre Dilek Burak Songül Oğuz Yasemin Cengiz Hülya Erdal Sibel ' +
  'Kadir Nazlı Uğur Gönül Tolga Şeyma Recep Aysel Volkan İrem Barış Pınar Furkan Öykü'
).split(' ');

export const LAST_NAMES: string[] = (
  'Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin ' +
  'Kara Koç Kurt Özkan Şimşek Polat Öz Korkmaz Erdoğan Güneş Akgül Tekin Bozkurt Karataş Eren Ünal ' +
  'Aksoy Bulut Güler Uçar Çakır Ateş Köse Sarı Türkmen Gündüz Avcı Erciyes Kocabaş Sönmez Işık Uysal'
).split(' ');

/** The made-up district's neighbourhoods, each with a centre in a small area (Melikgazi-like). */
export const NEIGHBOURHOODS: { name: string; lat: number; lon: number }[] = [
  { name: 'Yeşiltepe', lat: 38.7312, lon: 35.4671 },
  { name: 'Cumhuriyet', lat: 38.7221, lon: 35.4874 },
  { name: 'Gültepe', lat: 38.7405, lon: 35.4952 },
  { name: 'Bahçelievler', lat: 38.7148, lon: 35.5036 },
  { name: 'Fatih', lat: 38.7265, lon: 35.5118 },
  { name: 'Yenidoğan', lat: 38.7089, lon: 35.4789 },
  { name: 'Esentepe', lat: 38.7447, lon: 35.4723 },
  { name: 'Çamlıbel', lat: 38.7176, lon: 35.4612 },
  { name: 'Hürriyet', lat: 38.7353, lon: 35.5204 },
  { name: 'Zafer', lat: 38.7021, lon: 35.4935 },
  { name: 'Mimar Sinan', lat: 38.7482, lon: 35.5081 },
  { name: 'Selçuklu', lat: 38.7237, lon: 35.4501 },
  { name: 'Karşıyaka', lat: 38.7119, lon: 35.521 },
  { name: 'Alpaslan', lat: 38.7398, lon: 35.4589 },
];

export const STREETS = [
  'Atatürk Caddesi',
  'İnönü Bulvarı',
  'Şehit Mustafa Sokak',
  'Lale Sokak',
  'Menekşe Sokak',
  'Gül Sokak',
  'Okul Sokak',
  'Cami Sokak',
  'Pınarbaşı Caddesi',
  'İstasyon Caddesi',
  'Çınar Sokak',
  'Karanfil Sokak',
  'Sümbül Sokak',
  'Fevzi Çakmak Caddesi',
  'Mevlana Caddesi',
  'Yunus Emre Sokak',
  'Erciyes Bulvarı',
  'Papatya Sokak',
];

/** Landmarks people name instead of an address. */
export const LANDMARKS = [
  'sağlık ocağının önü',
  'ilkokulun arkası',
  'pazar yeri',
  'camii yanı',
  'muhtarlığın karşısı',
  'eczanenin önü',
  'otobüs durağı',
  'çocuk parkı',
  'fırının köşesi',
  'spor salonunun yanı',
  'kütüphane önü',
  'semt pazarı girişi',
];

/** The municipality's officers (seeded users) and whose accounts they work on. */
export const OFFICERS: { name: string; email: string; desk: 'municipality' | 'mayor' | 'both' }[] = [
  { name: 'Zeynep Arslan', email: 'zeynep.arslan@belediye.local', desk: 'municipality' },
  { name: 'Emre Kocabaş', email: 'emre.kocabas@belediye.local', desk: 'municipality' },
  { name: 'Şule Yıldırım', email: 'sule.yildirim@belediye.local', desk: 'municipality' },
  { name: 'Oğuz Çetin', email: 'oguz.cetin@belediye.local', desk: 'municipality' },
  { name: 'Gülay Erdem', email: 'gulay.erdem@belediye.local', desk: 'both' },
  { name: 'Hakan Türkmen', email: 'hakan.turkmen@belediye.local', desk: 'municipality' },
  { name: 'Melike Özkan', email: 'melike.ozkan@belediye.local', desk: 'mayor' },
  { name: 'Burak Sönmez', email: 'burak.sonmez@belediye.local', desk: 'mayor' },
];

export interface DemoPerson {
  first: string;
  last: string;
  name: string;
  phone: string;
  handle: string;
}

const ASCII: Record<string, string> = { ç: 'c', ğ: 'g', ı: 'i', ö: 'o', ş: 's', ü: 'u', â: 'a', î: 'i', û: 'u' };

/** Lower-case ASCII, as people write a handle or type on a phone without Turkish letters. */
export function withoutDiacritics(text: string): string {
  return text.replace(/İ/g, 'I').replace(/[çğıöşüâîûÇĞÖŞÜÂÎÛ]/g, (c) => {
    const lower = ASCII[c.toLocaleLowerCase('tr')] ?? c;
    return c === c.toLocaleLowerCase('tr') ? lower : lower.toUpperCase();
  });
}

export function drawPerson(random: SeededRandom): DemoPerson {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const base = withoutDiacritics(`${first}${random.chance(0.5) ? '.' : ''}${last}`).toLowerCase();
  const handle = random.chance(0.5) ? `${base}${random.int(1, 99)}` : base.replace('.', '_');
  const operator = random.pick(['532', '533', '535', '536', '537', '538', '542', '543', '544', '505', '506', '555']);
  return { first, last, name: `${first} ${last}`, phone: `90${operator}${random.digits(7)}`, handle };
}

/** A point near a neighbourhood's centre (within about 600 m). */
export function pointNear(random: SeededRandom, place: { lat: number; lon: number }): { lat: number; lon: number } {
  return {
    lat: Math.round((place.lat + (random.next() - 0.5) * 0.011) * 1e6) / 1e6,
    lon: Math.round((place.lon + (random.next() - 0.5) * 0.014) * 1e6) / 1e6,
  };
}
