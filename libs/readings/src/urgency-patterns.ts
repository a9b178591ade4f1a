import { wordPattern } from './reading-text';
import { WordStartScanner } from './word-start.scanner';

/**
 * What makes a message urgent: danger to people now. Patterns run on the folded text (foldText:
 * lower case, Turkish letters to ASCII, so "ÇÖKTÜ", "çöktü" and "coktu" meet), one sentence at a time.
 * Set by reading the tuning (odd-numbered) messages of the evaluation set; the held-out ones were not read.
 *
 * - strong: a danger on its own (gas smell, sparks, a fire, a collapse, water in homes, a person hurt);
 * - weak: a danger only with people exposed (children, passers-by) or a call for haste (şu an, hemen, !!).
 */
const W = '[\\p{L}\\p{N}]';
/** Up to n words in between. */
const gap = (n: number) => `(?:${W}+[^\\p{L}\\p{N}]+){0,${n}}?`;
/** Arabic proclitics written onto the word: و ب ل ال ("والسلك", "بالمي"). */
const AP = '(?:و|ف|ب|ل|وال|فال|بال|لل|ال)?';
const rx = (source: string) => wordPattern(source);

export interface DangerPattern {
  kind: 'gas' | 'electric' | 'collapse' | 'flood' | 'person' | 'fire' | 'traffic';
  pattern: RegExp;
  /** Written in Arabic letters: skipped for a text that has none. */
  arabic?: boolean;
}

const ARABIC = /[\u0600-\u06FF]/;
/** Arabic only: Arabic letters and no Latin word (escapes such as \\S aside). */
const arabicOnly = (source: string) => ARABIC.test(source) && !/[a-z]{3}/.test(source.replace(/\\[a-zA-Z]/g, ''));
const marked = (patterns: DangerPattern[]) => patterns.map((p) => ({ ...p, arabic: arabicOnly(p.pattern.source) }));

const STRUCTURE =
  '(?:duvar|bina|istinat|apartman|cati|balkon|tavan|iskele|yapi|agac|cinar|kavak|direk|direg|kameriye|kamelya|kolon|merdiven|yol|asfalt|zemin|toprak|sev|yamac|ev|dam|kopru|vinc|tabela|reklam pano|dal|dallar)\\w*';

export const STRONG: DangerPattern[] = marked([
  // Gas.
  {
    kind: 'gas',
    pattern: rx(
      `(?:dogal ?)?gaz\\w* ${gap(4)}(?:kok\\w*|(?:kacag|kacak)\\w*(?! (?:kontrol|ihbar|kullan|bedel|tespit|dedektor|alarm|cihaz))|kacir\\w*|sizi\\w*|sizint\\w*)`,
    ),
  },
  { kind: 'gas', pattern: rx(`kok(?:u|usu|uyor|tu)\\w* ${gap(2)}(?:dogal ?)?gaz\\w*`) },
  { kind: 'gas', pattern: rx(`gaz borus\\w* ${gap(2)}(?:kiril|patla|delin|kop|catla|kes)\\w*`) },
  {
    kind: 'gas',
    pattern: rx(
      `(?:kombi|sofben|ocak|tup|sayac|vana)\\w* ${gap(3)}(?:patla\\w*|alev\\w*|duman\\w*|islik\\w*|gaz kac\\w*)|(?:lpg|propan|tup gaz)\\w* ${gap(2)}kok\\w*`,
    ),
  },
  {
    kind: 'gas',
    pattern: rx(`t+i+s+ sesi|tis+ diye|karbonmonoksit\\w*|zehirlen\\w*|tup\\w* ${gap(1)}(?:sizdir|kacir)\\w*`),
  },
  { kind: 'gas', pattern: rx(`gas ${gap(1)}(?:smell|leak)\\w*|smell\\w* ${gap(2)}gas|leaking gas|gas is leaking`) },
  {
    kind: 'gas',
    pattern: rx('(?:رائحة|ريحة|ريحه|رايحة|تسرب|تسريب) ?(?:ال)?غاز\\S*|ri7[ae]t? (?:el )?g?h?az\\w*|re7et g?h?az\\w*'),
  },
  { kind: 'gas', pattern: rx(`(?:bihn|behn)\\w* ${gap(1)}gaz\\w*|gaz\\w* ${gap(1)}(?:diherik|direv|derdikev)\\w*`) },
  // Electricity: sparks, a live or fallen cable, a pole or transformer giving way.
  {
    kind: 'electric',
    pattern: rx(
      'kivilcim\\w*|elektrik carp\\w*|carpil(?:di|iyor|abilir)\\w*|(?:elektrik|akim|cereyan|ceryan) veriyor|akim var\\w*|(?:elektrik|cereyan) kacag\\w*',
    ),
  },
  {
    kind: 'electric',
    pattern: rx(
      `(?:pano|sigorta kutu|elektrik kutu|saat kutu)\\w* ${gap(3)}(?:yaniyor|duman\\w*|alev\\w*|patla\\w*|kivilcim\\w*)`,
    ),
  },
  {
    kind: 'electric',
    pattern: rx(
      `(?:kablo|tel|elektrik hatt?|yuksek gerilim)\\w* ${gap(3)}(?:yere|yerde|yola|yolda|acikta|ciplak|soyul\\w*|kop\\w*|dus\\w*|suya|yan(?:iyor|di|mis)|alev\\w*|duman\\w*|cizir\\w*|patla\\w*|degiyor|cocuklarin)|(?:kop|dus|ciplak|acikta|yerdeki)\\w* ${gap(1)}(?:kablo|tel|elektrik teli)\\w*`,
    ),
  },
  {
    kind: 'electric',
    pattern: rx(`trafo\\w* ${gap(3)}(?:duman|alev|yaniyor|patla(?:di|yor|mis|ma)|kivilcim|ates)\\w*`),
  },
  { kind: 'electric', pattern: rx(`(?:duman|alev|patla(?:di|ma|yor))\\w* ${gap(3)}trafo\\w*`) },
  {
    kind: 'electric',
    pattern: rx(
      `(?:direk|direg)\\w* ${gap(3)}(?:devril|yikil|dus|yatiyor|yatti|yamul|kop)\\w*|(?:devril|yikil|yatir|yamul)\\w* ${gap(2)}(?:direk|direg)\\w*`,
    ),
  },
  {
    kind: 'electric',
    pattern: rx(
      `sparks?|sparking|electrocut\\w*|(?:fallen|broken|snapped|loose|hanging|dangling) ${gap(2)}(?:cable|wire|power line|line)s?|live (?:wire|cable)s?|exposed (?:wire|cable)s?|(?:line|wire|cable|pole)s? ${gap(3)}(?:down|fallen|fell|on the (?:ground|road|street|pavement)|sparking)|transformer ${gap(3)}(?:fire|smok|explod|spark|burn)\\w*`,
    ),
  },
  {
    kind: 'electric',
    pattern: rx(
      `${AP}شرار\\S*|تشرر|يشرر|(?:يطقطق|تطقطق|طقطقة)|صعق\\S*|ماس كهرب\\S*|${AP}(?:سلك|شريط|كابل|كبل)\\S* (?:\\S+ ){0,3}?(?:مقطوع|ساقط|واقع|عالارض|بالمي|مكشوف|ممدود)`,
    ),
  },
  {
    kind: 'electric',
    pattern: rx(`cirusk\\w*|ceyran ${gap(2)}heye|(?:kablo|tel)\\w* ${gap(3)}(?:ket|daliqiye|vekiri|erde)\\w*`),
  },
  // Collapse, sinkholes, landslides.
  {
    kind: 'collapse',
    pattern: rx(
      `${STRUCTURE} ${gap(4)}(?:cok(?:tu|mus|uyor|ecek|mek uzere|meye)|yikil(?:di|mis|iyor|acak|abilir|mak)|devril(?:di|mis|iyor|ecek|mek)|kaydi kaydi)\\w*`,
    ),
  },
  {
    kind: 'collapse',
    pattern: rx('heyelan\\w*|obruk\\w*|toprak kay\\w*|(?:delik|cokme|yarik) acil(?:di|mis|iyor)\\w*|yol yaril\\w*'),
  },
  {
    kind: 'collapse',
    pattern: rx(`(?:cukur|obruk|delik|kazi|kanal|dere)\\w* ${gap(2)}(?:dustu|dusmus|batti|gomuldu|yuvarlandi)\\w*`),
  },
  {
    kind: 'collapse',
    pattern: rx(
      '(?:icine|cukura|rogara|logara|kuyuya|kanala|delige) (?:dustu|dusmus|girdi|batti)\\w*|goc(?:tu|uyor|mus)\\w*',
    ),
  },
  {
    kind: 'collapse',
    pattern: rx(
      `collaps\\w*|caved? in|sinkhole|hole opening|about to (?:fall|collapse|come down)|(?:tree|wall|pole|branch|roof|building)s? ${gap(3)}(?:fell|fallen|falling|leaning|came down|coming down|cracked)`,
    ),
  },
  {
    kind: 'collapse',
    pattern: rx(
      `انهار\\S*|انهيار\\S*|ينهار|هبوط (?:مفاجئ|ارض)\\S*|${AP}(?:شجرة|حائط|جدار|سقف|عمود)\\S* (?:\\S+ ){0,3}?(?:مايلة|مايل|سقط\\S*|وقع\\S*|طايح\\S*)|(?:وقع|وقعت|سقط|سقطت)\\S* (?:\\S+ ){0,2}?(?:عمود|شجرة|جدار)`,
    ),
  },
  { kind: 'collapse', pattern: rx(`hilwes\\w*|erd ket|ket xware|(?:dar|diwar|stun)\\w* ${gap(2)}(?:ket|xwar)\\w*`) },
  // Water in homes, people trapped.
  {
    kind: 'flood',
    pattern: rx(
      `(?:su|sular|suyu|lagim\\w*|kanalizasyon\\w*|camur\\w*|pis su) ${gap(4)}(?:eve|evimize|evlere|evin|iceri\\w*|icine|bodrum\\w*|daire\\w*|salon\\w*|dukkan\\w*|kata|apartman\\w*|okul\\w*) ${gap(2)}(?:gir|dol|bas|yuksel|ak|dok|tas|hucum)\\w*|(?:evi|evimizi|evleri|bodrumu|salonu|daireyi|dukkani) ${gap(2)}(?:su|sular|sel|lagim\\w*) bas\\w*|(?:eve|evimize|evlere|iceri\\w*|bodrum\\w*|salon\\w*|dukkan\\w*|daire\\w*) ${gap(3)}(?:su|suyu|sular|lagim\\w*|kanalizasyon\\w*|camur\\w*) ${gap(1)}(?:gir|dol|bas)\\w*|(?:ev|evin|evimizin|evlerin|daire\\w*|bodrum\\w*|dukkan\\w*|apartman\\w*|okul\\w*) ${gap(1)}(?:ici|icine|iceri\\w*) ${gap(2)}(?:su|sular|lagim\\w*|camur\\w*|kanalizasyon\\w*)|sel (?:geliyor|basti|var|aliyor)|dizimize|dizden yukari|belimize|bele kadar`,
    ),
  },
  {
    kind: 'flood',
    pattern: rx(
      'mahsur\\w*|bogul\\w*|sular? yukseliyor|(?:dere|cay|kanal|baraj)\\w* (?:tasti|tasiyor|tasmak)\\w*|trapped|drown\\w*|flood\\w* (?:\\w+ ){0,4}?(?:home|house|flat|basement|inside|into)|water (?:\\w+ ){0,3}?(?:into|entering|coming in)',
    ),
  },
  {
    kind: 'flood',
    pattern: rx(
      'فيضان|غرق\\S*|غمر\\S*|عالق\\S*|محاصر\\S*|(?:المي|المياه|الماء|مي)\\S* (?:\\S+ ){0,3}?(?:دخلت|فاتت|فايتة|تفوت)|(?:دخلت|فاتت|طافت)\\S* (?:\\S+ ){0,2}?(?:المي|المياه|مي)',
    ),
  },
  { kind: 'flood', pattern: rx(`lehi\\w*|xeniq\\w*|(?:av|ava|ave)\\w* ${gap(2)}(?:ket|dikeve) ${gap(1)}mal\\w*`) },
  // People hurt or attacked.
  {
    kind: 'person',
    pattern: rx(
      `(?:cocuk|cocug|kiz|ogrenci|bebek|yasli|kadin|adam|amca|teyze|kisi|yolcu|insan|biri|sofor|surucu)\\w* ${gap(4)}(?:dustu|dustuler|mahsur|sikis\\w*|yarali|yaralandi|bayildi|bogul\\w*|isiril\\w*|saldir\\w*|kovala\\w*|kaldi kapiyi|kapiyi acamiyor|acamiyor|kaybol\\w*|kafasini yardi|bayildi|fenalasti|sikisti|asili|raylara dustu|raya dustu)\\w*`,
    ),
  },
  {
    kind: 'person',
    pattern: rx(
      `(?:dustu|isirdi|saldir\\w*|kovala\\w*|sikistir\\w*|pesine dus\\w*) ${gap(3)}(?:cocuk|kiz|ogrenci|bebek|yasli)\\w*`,
    ),
  },
  { kind: 'person', pattern: rx(`kopek\\w* ${gap(6)}(?:saldir|isir|kovala|sikistir|ustune atil|pesine dustu)\\w*`) },
  {
    kind: 'person',
    pattern: rx(
      'ambulans\\w*|yarali\\w*|kan(?:iyor|lar icinde)|imdat|bicak\\w*|silah\\w*|darp\\w*|kalp krizi (?:geciriyor|gecirdi)\\w*|nefes alamiyor\\w*|kaza (?:oldu|yapti)\\w*',
    ),
  },
  {
    kind: 'person',
    pattern: rx(
      'ambulance|injured|hurt|bleeding|unconscious|(?:child|kid|girl|boy|baby)\\w* (?:\\w+ ){0,3}?(?:fell|trapped|stuck|bitten|attacked)|(?:dogs?|pack) (?:\\w+ ){0,3}?(?:chas|attack|bit)\\w*|chasing (?:kids|children)',
    ),
  },
  {
    kind: 'person',
    pattern: rx(
      'اسعاف\\S*|مصاب\\S*|جريح\\S*|انفجار\\S*|(?:كلاب)\\S* (?:\\S+ ){0,3}?(?:تلحق|تهاجم|عضت)\\S*|(?:بنت|ولد|طفل)\\S* (?:\\S+ ){0,3}?(?:وقعت|وقع|سقط\\S*)',
    ),
  },
  {
    kind: 'person',
    pattern: rx(`birindar\\w*|ambulans\\w*|(?:zarok|kuck)\\w* ${gap(3)}(?:ket|birindar|xeter|gez)\\w*`),
  },
  // Fire.
  {
    kind: 'fire',
    pattern: rx(
      'yangin\\w*|alevler\\w*|alev (?:ald|aldi|aliyor|cikti)\\w*|tutustu\\w*|(?:duman|ates)\\w* (?:cikiyor|yukseliyor|var|geliyor|sardi|yayiliyor|hizla|aliyor)|ates (?:ald|aldi|aliyor)\\w*',
    ),
  },
  {
    kind: 'fire',
    pattern: rx(
      `(?:konteyner|cop|agac|ev|bina|arac|araba|otopark|ot|otlar|orman|park|kablo|bahce|cati|balkon|dukkan|mutfak|baca|soba|yigin|otobus|minibus|dolmus|tramvay|metro|vagon|kamyon|pano|trafo)\\w* ${gap(3)}(?:yaniyor|yandi|tutus\\w*|alev\\w*)`,
    ),
  },
  { kind: 'fire', pattern: rx('fire|on fire|burning|flames?|smoke|explosion|exploded') },
  { kind: 'fire', pattern: rx('حريق|حرائق|النار|نار|تولع|تولّع|دخان|اطفائ\\S*') },
  { kind: 'fire', pattern: rx('agir (?:nezi|ket|girt|berbu|heye|peket)|sewat\\w*|disewite|dusewite|itfaiye\\w*') },
]);

export const WEAK: DangerPattern[] = marked([
  {
    kind: 'collapse',
    pattern: rx(
      `sallan\\w*|yana yat\\w*|yatmis|egil(?:di|iyor|mis)|kokleri\\w*|sark(?:iyor|mis|an|ik)\\w*|ucurdu|asili|dusuyor|dusecek|dusmek uzere|yikilabilir|devrilecek|devrilmek uzere|cokecek|cokebilir|gerildi|takil\\w* sallan\\w*|catirda\\w*|koptu|kirildi|yuvarlan\\w*|leaning|cracked|hanging|swinging|loose|مايلة|مايل|daliqiye|su bas(?:ti|iyor|mis)\\w*`,
    ),
  },
  {
    kind: 'person',
    pattern: rx(
      `acik (?:rogar|logar|kuyu|cukur|kanal)\\w*|(?:rogar|logar|kuyu|kazi|cukur|kanal|menhol)\\w* ${gap(3)}(?:acik|kapag\\w* yok|kapaksiz)|kapag\\w* ${gap(1)}(?:yok|firladi)|delik acik|open manhole|خطر\\S*|مفتوحة|حادث\\S*|xeter\\w*|dusebilir|dusmeden|siringa\\w*|igne\\w*|kavga\\w*|sopa\\w*|itfaiye\\w*|duman\\w*|yanik koku\\w*|kaza\\w*`,
    ),
  },
  {
    kind: 'traffic',
    pattern: rx(
      `savrul\\w*|geri kay\\w*|durduramiyor|fren\\w* ${gap(1)}(?:tutmu|patla)\\w*|makas at\\w*|kapi\\w* acik gidiyor|telefonla konus\\w*|hiz yap\\w*`,
    ),
  },
]);

/**
 * The patterns in Latin letters as one scan, each an alternative (where two would match overlapping
 * words, the first one wins): what `\b(?:(P1)|(P2)|…)` would find, through WordStartScanner.
 */
export function combined(patterns: DangerPattern[]): { scanner: WordStartScanner; kinds: DangerPattern['kind'][] } {
  const sources = patterns.map((p) => p.pattern.source);
  if (!sources.every((s) => s.startsWith('\\b(?:') && s.endsWith(')\\b'))) {
    throw new Error('combined: patterns in Latin letters only (\\b edges)');
  }
  return {
    scanner: new WordStartScanner(
      sources.map((s) => s.slice(2, -2)),
      'ascii',
    ),
    kinds: patterns.map((p) => p.kind),
  };
}

/** People nearby: what turns a weak danger into an urgent one. */
export const EXPOSED = rx(
  'cocuk\\w*|cocug\\w*|insan\\w*|yasli\\w*|araclar\\w*|arabalar\\w*|yolcu\\w*|ogrenci\\w*|okul\\w*|servis\\w*|altinda\\w*|altindan|yanindan|kenarindan|ustunden|bebek\\w*|yuruyenler|yuruyus yapanlar|yayalar|biri|birisi|birileri|gelen gecen|gelip gecen|yoldan gecen\\w*|vatandas\\w*|kalabalik|durak\\w*|oyun alan\\w*|salincak\\w*|kids|children|child|people|school|pedestrians|playground|passers-?by|someone|somebody|residents|ولاد|الولاد|اطفال|الناس|زغار|zarok\\w*|mirov|xelk\\w*',
);

/** A call for haste. */
export const HASTE = rx(
  'su an|simdi|hemen|acil|cabuk|imdat|yardim|az once|su dakika|derhal|ivedi\\w*|acele|yetisin|kurtarin|right now|now|asap|urgent|emergency|help|immediately|hurry|quickly|فورا|اسرعوا|هلأ|هلق|بسرعة|تعالوا|الحقونا|zu werin|zû werin',
);
