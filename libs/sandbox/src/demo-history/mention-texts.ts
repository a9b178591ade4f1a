import { NEIGHBOURHOODS } from './people-and-places';
import type { SeededRandom } from './seeded-random';

export type DemoWatchlistKey = 'municipality' | 'mayor' | 'water';

/** The mayor's office's watchlists: the municipality, the mayor and this season's issue. */
export function demoWatchlists(
  organizationName: string,
): Record<
  DemoWatchlistKey,
  { name: string; terms: string[]; handles: string[]; hashtags: string[]; exclusionTerms: string[] }
> {
  return {
    municipality: {
      name: organizationName,
      terms: [organizationName, 'belediyemiz', 'belediye'],
      handles: ['@OrnekBelediye'],
      hashtags: ['#örnekbelediyesi'],
      exclusionTerms: ['belediye spor'],
    },
    mayor: {
      name: 'Başkan Ahmet Kılıç',
      terms: ['Ahmet Kılıç', 'Başkan Kılıç', 'başkanımız'],
      handles: ['@BaskanKilic'],
      hashtags: [],
      exclusionTerms: [],
    },
    water: {
      name: 'Su kesintisi',
      terms: ['su kesinti*', 'susuz*', 'sular kesik'],
      handles: [],
      hashtags: ['#sukesintisi'],
      exclusionTerms: [],
    },
  };
}

/** Public posts found by search (X) about each watchlist: praise, complaints, news, questions. */
const SEARCH_POSTS: Record<DemoWatchlistKey, string[]> = {
  municipality: [
    "@OrnekBelediye {mah} Mahallesi'ndeki yeni park çok güzel olmuş, teşekkürler 👏",
    'Örnek Belediyesi bu kış karla mücadelede gerçekten iyiydi.',
    '@OrnekBelediye ne zaman bizim sokağa da asfalt gelecek? #{mahtag}',
    'Belediye otobüsleri yine gecikti, her sabah aynı hikaye @OrnekBelediye',
    "Örnek Belediyesi'nin ücretsiz kursları başladı, kayıtlar Kültür Merkezi'nde #örnekbelediyesi",
    "Belediye ekipleri {mah} Mah.'de kaldırımları yeniliyor",
    '@OrnekBelediye sokak hayvanları için yaptığınız barınaklar harika ❤️',
    'Belediyemiz halk pazarını yeniledi, eline sağlık herkesin',
    '#örnekbelediyesi konser programı açıklandı, cuma akşamı meydanda',
  ],
  mayor: [
    "@BaskanKilic {mah} Mahallesi'ni ziyaret etti, esnafla sohbet etti",
    'Başkan Ahmet Kılıç yeni kreşin açılışını yaptı',
    '@BaskanKilic Başkanım bizim sokağı da unutmayın lütfen',
    'Başkan Kılıç muhtarlarla istişare toplantısında bir araya geldi',
    'Başkanımız bugün gençlerle kahvaltıda buluştu @BaskanKilic',
    '@BaskanKilic seçim vaadi olan kapalı pazar yeri ne oldu?',
  ],
  water: [
    '{mah} Mah. yine su kesintisi, sabahtan beri susuzuz #sukesintisi',
    'Haber verilmeden su kesintisi yapılmaz ki! {mah} #sukesintisi',
    'Üç gündür aralıklı su kesintisi var, ne zaman düzelecek?',
    '{mah} tarafında sular kesik, bilgi veren yok @OrnekBelediye',
    'Bebek var evde, su kesintisi ne zaman bitecek? #sukesintisi',
    "KASKİ'nin planlı su kesintisi duyurusu: {mah} ve çevresi 10.00-16.00 arası susuz kalacak",
  ],
};

function mahTag(name: string): string {
  return name.replace(/\s/g, '').toLocaleLowerCase('tr');
}

export function searchPostText(random: SeededRandom, key: DemoWatchlistKey): string {
  const mah = random.pick(NEIGHBOURHOODS).name;
  return random.pick(SEARCH_POSTS[key]).replace('{mah}', mah).replace('{mahtag}', mahTag(mah));
}
