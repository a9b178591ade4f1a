import { wordPattern } from './reading-text';
import type { DangerPattern } from './urgency-patterns';

/**
 * More ways people say the dangers of urgency-patterns, written from knowledge of how Turkish (also
 * English, Arabic and Kurmanji) speakers report them, not from the evaluation set: typos and no
 * diacritics ("kivilcm", "gas kokusu"), other verbs ("evi su aldı", "çürük yumurta kokusu"), people
 * stuck or down ("asansörde mahsur", "yerde baygın"), and things about to give way ("düşmek üzere").
 * Folded text (foldText); they join the strong and weak lists after the tuned patterns.
 */
const W = '[\\p{L}\\p{N}]';
const gap = (n: number) => `(?:${W}+[^\\p{L}\\p{N}]+){0,${n}}?`;
const rx = (source: string) => wordPattern(source);
const ARABIC = /[\u0600-\u06FF]/;
const marked = (patterns: DangerPattern[]) =>
  patterns.map((p) => ({
    ...p,
    arabic: ARABIC.test(p.pattern.source) && !/[a-z]{3}/.test(p.pattern.source.replace(/\\[a-zA-Z]/g, '')),
  }));

const THING =
  '(?:duvar|bina|cati|balkon|tavan|agac|cinar|kavak|direk|direg|kopru|iskele|istinat|tabela|vinc|dal|dallar|kolon|cephe|parapet|baca|kiremit|merdiven)\\w*';

// What burns fuel indoors, and what carbon monoxide does to people (folded; Turkish, English, Kurmanji, Arabic).
// Not "bayıldım" (also "I loved it"), "sersem" alone (an insult) or "veresiye" (on credit).
const HEATER =
  '(?:soba|kombi|sofben|kalorifer|mangal|jenerator|boiler|heater|stove|furnace|generator|sobba|صوبا|صوبيا|شوفاج|مدفا)\\w*';
const CO_SYMPTOM = `(?:bas\\w* (?:agri|agry|don)\\w*|kus(?:tu|tum|tuk|tular|uyor|uyo|uyoruz|uyorlar|ma|mak|acak)\\w*|bulanti\\w*|mide\\w* bulan\\w*|uyusuk\\w*|bayildi(?![mk])\\w*|bayil(?:iyor|iyo|acak|mis)\\w*|baygin\\w*|sersemle\\w*|sersemlik\\w*|uyanmiyor\\w*|headaches?|threw up|throwing up|vomit\\w*|dizz\\w*|nause\\w*|drowsy|fainted|passed out|ser\\w* ${gap(3)}dies\\w*|veres(?:iya|in)\\w*|gej\\w*|rasi 3am ydoor|ma 3am yfi2|dayekh\\w*|bista7ra2|صداع|دوخة|دايخ|استفرغ\\S*|يستفرغ\\S*|مغمى)`;

export const STRONG_PARAPHRASES: DangerPattern[] = marked([
  // Gas: "gas kokusu", "çürük yumurta kokusu", "doğalgaz patladı", a hiss.
  {
    kind: 'gas',
    pattern: rx(
      `gas\\w* ${gap(2)}kok\\w*|(?:curuk|bozuk) yumurta ${gap(2)}koku\\w*|(?:dogal ?)?gaz\\w* ${gap(2)}patla(?:di|yor|ma|mak)\\w*|gaz\\w* ${gap(2)}(?:sesi geliyor|fisirti\\w*)`,
    ),
  },
  {
    kind: 'gas',
    pattern: rx(
      '(?:smell\\w*|stink\\w*|stench|reek\\w*) (?:\\w+ ){0,3}?(?:gas|rotten eggs?)|rotten eggs? smell\\w*|gas (?:\\w+ ){0,2}?(?:hiss\\w*|escaping)|hissing (?:sound|noise) (?:\\w+ ){0,3}?(?:gas|pipe|meter)',
    ),
  },
  {
    kind: 'gas',
    pattern: rx(
      '(?:شام|شامين|شامة|نشم|بشم) (?:\\S+ )?(?:ريحة |رايحة )?(?:ال)?غاز|(?:ال)?غاز (?:\\S+ )?(?:عم )?(?:يطلع|طالع|يتسرب|بيتسرب|عم يهرب)',
    ),
  },
  { kind: 'gas', pattern: rx(`(?:bihn|behn)\\w* ${gap(3)}gaz\\w*`) },
  {
    kind: 'gas',
    pattern: rx(
      `kimyasal (?:koku|sizinti|kacak)\\w*|(?:asit|klor|amonyak)\\w* ${gap(1)}(?:koku|kacag|kacak|sizinti)\\w*|vana\\w* ${gap(3)}(?:gaz )?kok(?:u|usu|uyor)\\w*`,
    ),
  },
  { kind: 'gas', pattern: rx('gaz (?:var gibi|varmis gibi|dolmus|doldu)|f+i+s+ (?:f+i+s+ )?(?:diye|sesi?)\\w*') },
  // Electricity: typos of kıvılcım, arcing wires, bare or peeled cables, shocks.
  {
    kind: 'electric',
    pattern: rx(
      `kiv\\w*lc\\w*m\\w*|kivlcm\\w*|ark (?:yapiyor|yapti|atiyor)|teller\\w* birbirine (?:degiyor|carpiyor|carpisiyor|surtunup)\\w*|(?:soyuk|soyulmus|ciplak|acik) ${gap(1)}(?:kablo|tel|elektrik kablo|elektrik tel)\\w*|(?:kablo|tel)\\w* ${gap(2)}(?:eriyor|erimis|kor olmus|kizarmis|kivilcim)\\w*|(?:elektrik|cereyan|akim) ${gap(1)}carp(?:ti|iyor|acak)\\w*`,
    ),
  },
  {
    kind: 'electric',
    pattern: rx(
      '(?:got|get|getting|gave) (?:me |him |her |us |them )?(?:an |a )?(?:electric )?shock\\w*|electric shock\\w*|shocked by|(?:bare|live|loose|exposed|sparking) (?:electric |electrical |power )?(?:wires?|cables?)|wires? (?:\\w+ ){0,3}?(?:exposed|hanging (?:down|low)|on the (?:ground|floor|pavement|road))',
    ),
  },
  {
    kind: 'electric',
    pattern: rx(
      `(?:su|sular|sel)\\w* ${gap(3)}(?:trafo|pano|priz|sayac|sigorta)\\w* ${gap(1)}(?:ulas|gir|deg|bas|dol|yaklas)\\w*|(?:kablo|tel)\\w* ${gap(3)}(?:disarida|disari cik\\w*|ortada|ortalikta|su birikinti\\w*|suyun icinde)`,
    ),
  },
  { kind: 'electric', pattern: rx('مكهرب\\S*|كهربا\\S* (?:\\S+ ){0,2}?(?:ضربت|ضرب|كهربت|مسكت)\\S*') },
  // Collapse: about to give way, cracks opening, a lift falling.
  {
    kind: 'collapse',
    pattern: rx(
      `${THING} ${gap(3)}(?:dusmek uzere|dusecek gibi|kopmak uzere|yikilacak gibi|devrilecek gibi|cokecek gibi|yikilmak uzere|devrilmek uzere|cokmek uzere)|(?:catlak|yarik)\\w* ${gap(2)}(?:buyuyor|genisliyor|aciliyor|buyudu|genisledi)|(?:bina|apartman|kopru|iskele|balkon|cati)\\w* ${gap(2)}sallan(?:iyor|di)\\w*|asansor\\w* ${gap(2)}(?:dustu|coktu|dusuyor|halat\\w* kop\\w*)`,
    ),
  },
  {
    kind: 'collapse',
    pattern: rx(
      '(?:going to|gonna|could) (?:fall|collapse|come down|give way)(?: any (?:minute|moment|second))?|(?:tree|wall|pole|branch|roof|building|balcony|ceiling|scaffold\\w*|crane|sign)s? (?:\\w+ ){0,3}?(?:cracking|collapsing|swaying|giving way|toppl\\w*)',
    ),
  },
  {
    kind: 'collapse',
    pattern: rx(
      '(?:رح|عم|بدو|بدها) (?:يوقع|توقع|ينهار|تنهار|يسقط|تسقط)|(?:ال)?حيط\\S* (?:\\S+ ){0,3}?(?:مايل|وقع|طايح|ساقط)\\S*',
    ),
  },
  {
    kind: 'collapse',
    pattern: rx(
      `her an (?:dus|devril|yikil|cok|kop|patla)\\w*|(?:salinca[kg]|kaydira[kg]|tahterevalli|pota|kale direg|tribun|kamelya|kameriye|pergola|oyun grub)\\w* ${gap(3)}(?:devril(?:di|iyor|ecek)|yikil(?:di|iyor|acak)|cok(?:tu|uyor)|dustu|dusuyor)\\w*|fren\\w* ${gap(1)}(?:tutmuyor|tutmadi|patladi|bosaldi)`,
    ),
  },
  // Water in homes: "evi su aldı", "su diz boyu", English and Arabic.
  {
    kind: 'flood',
    pattern: rx(
      `(?:evi|evimizi|evleri|bodrumu|bodrum kati\\w*|salonu|daireyi|dukkani|mutfagi|odayi|garaji|zemin kati\\w*|alt kati\\w*) ${gap(2)}(?:su|sular|sel|lagim\\w*|camur\\w*) (?:al|bas|dol)\\w*|(?:su|sular)\\w* ${gap(2)}(?:diz|bel|bacak|gogus)\\w* (?:boyu|boyunu|hizasi\\w*|kadar|seviye\\w*)|(?:diz|bel)\\w* boyu su\\w*`,
    ),
  },
  {
    kind: 'flood',
    pattern: rx(
      '(?:house|home|flat|apartment|basement|shop|ground floor|kitchen|living room|bedroom)s? (?:\\w+ ){0,3}?(?:flooded|flooding|under water|underwater|full of water|filling (?:up )?with water)|water (?:is )?(?:pouring|rushing|flowing|coming|gushing) (?:\\w+ ){0,2}?(?:in|inside|into)|(?:knee|waist)[ -]deep',
    ),
  },
  {
    kind: 'flood',
    pattern: rx('المي\\S* (?:\\S+ ){0,3}?(?:للركب|للركبة|للخصر)|البيت (?:\\S+ ){0,2}?(?:غرقان|غرق)\\S*'),
  },
  // People stuck, fallen in, down and not moving.
  {
    kind: 'person',
    pattern: rx(
      `(?:asansor|lift)\\w* ${gap(3)}(?:mahsur|sikis|kaldi|kaldik|kaldilar|kalmis|kapali kal)\\w*|(?:suya|denize|dereye|havuza|kanala|cukura|kuyuya|rogara|logara|menhole|bosluga|delige) ${gap(1)}(?:dustu|dusmus|dusecek|dusuyor|kapildi|suruklen\\w*)`,
    ),
  },
  {
    kind: 'person',
    pattern: rx(
      `(?:yerde|yolda|kaldirimda|sokakta|merdivende|parkta|durakta) ${gap(1)}(?:baygin|bayilmis|hareketsiz|kanlar icinde|kivraniyor|yatiyor kalkamiyor)|nefes almiyor|kendinde degil|bilinci (?:kapali|yerinde degil)|(?:kriz|nobet) geciriyor|kan kaybed\\w*|kafasini (?:carpti|vurdu)|(?:kolu|bacagi|kafasi) (?:kirildi|yarildi)`,
    ),
  },
  {
    kind: 'person',
    pattern: rx(
      "stuck in (?:the |a )?(?:lift|elevator)|(?:lift|elevator) (?:\\w+ ){0,3}?(?:stuck|trapped)|not breathing|can'?t breathe|fell (?:into|in|down) (?:the |a |an )?(?:hole|manhole|drain|well|pit|ditch|river|sea|canal)|lying (?:on the (?:ground|road|street|pavement)|unconscious)|passed out|(?:having|had) a (?:seizure|heart attack)",
    ),
  },
  {
    kind: 'person',
    pattern: rx(
      '(?:ب|)(?:ال)?(?:مصعد|اسانسير)\\S* (?:\\S+ ){0,3}?(?:علق|عالق|علقان|محبوس)\\S*|(?:علق|عالق|علقان|محبوس)\\S* (?:\\S+ ){0,3}?(?:ب|)(?:ال)?(?:مصعد|اسانسير)|مغمى عليه|مغمي عليه|وقع\\S* (?:ب|في)(?:ال)?(?:ريغار|بالوعة|حفرة|بير)\\S*',
    ),
  },
  {
    kind: 'person',
    pattern: rx(
      `(?:cocuk|cocug|bebek|yasli|kadin|adam|amca|teyze|ogrenci|kiz|oglan|yolcu|insan|biri)\\w* ${gap(4)}yaralan(?:di|iyor|acak|mis)\\w*|(?:tuvalet|lavabo|suzgec|gider)\\w* ${gap(2)}(?:lagim|pis su|kanalizasyon)\\w* ${gap(1)}fiskir\\w*|(?:lagim|kanalizasyon|pis su)\\w* ${gap(3)}(?:eve|evin|iceri|icine|salona|banyoya|mutfaga)\\w* ${gap(1)}fiskir\\w*`,
    ),
  },
  {
    kind: 'traffic',
    pattern: rx(
      `(?:sarhos|alkollu)\\w* (?:sofor|surucu)\\w*|(?:sofor|surucu)\\w* ${gap(2)}(?:sarhos|alkollu|uyuyor|uyukluyor)\\w*|(?:kucik|seh)\\w* ${gap(3)}(?:zarok|disopin|dimesin)\\w*`,
    ),
  },
  {
    kind: 'collapse',
    pattern: rx(
      'هبوط\\S* (?:\\S+ ){0,2}?(?:بالطريق|بالشارع|بالارض)|(?:ال)?حفرة\\S* (?:\\S+ ){0,3}?(?:تتسع|عم تكبر|عم تكبر)',
    ),
  },
  {
    kind: 'person',
    pattern: rx(
      `(?:kopek|pitbull|pit bull|kangal|rottweiler)\\w* ${gap(6)}(?:saldir|isir|kovala|sikistir|ustune atil|kilitlen|etrafini sar|itti|itiyor)\\w*|(?:ari|esek arisi|yilan|akrep)\\w* ${gap(3)}(?:soktu|sokuyor|isirdi|saldir\\w*)|supheli (?:paket|canta|poset|bavul)\\w*`,
    ),
  },
  {
    kind: 'flood',
    pattern: rx(
      `(?:lagim|kanalizasyon|pis su|gider)\\w* ${gap(2)}geri tep\\w*|(?:lagim|kanalizasyon)\\w* ${gap(3)}(?:evin|eve|iceri|banyo|tuvalet|bodrum)\\w* ${gap(1)}(?:tas|dol|gir|tep)\\w*`,
    ),
  },
  // Fire: more words for it burning now.
  {
    kind: 'fire',
    pattern: rx(
      'kara duman\\w*|duman (?:kapladi|basti|doldu|her yeri|yogun)\\w*|dumandan (?:goz|nefes|goremiyoruz|bogul)\\w*|kundak\\w*|cayir cayir|yanmaya basladi|tutusmus|alev alev',
    ),
  },
  { kind: 'fire', pattern: rx('ablaze|in flames|(?:fire|smoke) (?:is )?(?:spreading|pouring|billowing)') },
  { kind: 'fire', pattern: rx('عم (?:تحترق|يحترق)|اشتعل\\S*|مشتعل\\S*|ولعان\\S*|ولعت') },
  // A life on a machine in a power cut: the battery's hours are the emergency.
  {
    kind: 'person',
    pattern: rx(
      `(?:solunum|oksijen|ventilator)\\w* (?:cihaz|makine|konsantrator|tup)\\w* ${gap(8)}(?:aku|sarj|pil|batarya)\\w*|(?:oxygen|breathing) (?:machine|concentrator|device)\\w* ${gap(6)}(?:battery|batteries)`,
    ),
  },
  // A car stuck on the tram or rail tracks; people made ill by the tap water.
  {
    kind: 'traffic',
    pattern: rx(
      `(?:tramvay |tren )?ray(?:lar)?\\w* ${gap(2)}(?:arac|araba|otomobil|kamyon|otobus)\\w* ${gap(1)}(?:kal|sikis|stop)\\w*`,
    ),
  },
  {
    kind: 'person',
    pattern: rx(
      `(?:icen|icenler|icince|ictikten)\\w* ${gap(4)}(?:kus|zehirlen|hastanelik|fenalas)\\w*|(?:kol|bacag|bacak|elin)\\w* kilitlen\\w*`,
    ),
  },
  { kind: 'person', pattern: rx('(?:بنت|ولد|طفل)\\S* (?:\\S+ ){0,2}?(?:علق|انحشر|محشور)\\S*') },
  // Carbon monoxide told by its symptoms: a stove, boiler or heater, and headaches, vomiting, dizziness or drowsiness.
  {
    kind: 'gas',
    pattern: rx(`${HEATER} ${gap(14)}${CO_SYMPTOM}|${CO_SYMPTOM} ${gap(14)}${HEATER}`),
  },
  // Arabizi: water into the house, a pole coming down over people.
  {
    kind: 'flood',
    pattern: rx(`(?:el )?ma+y+e?\\w* ${gap(1)}fa(?:tet|tat|yte)\\w* (?:3al|3a|ala|bel) ?(?:beyt|bet|bayt|beit)\\w*`),
  },
  {
    kind: 'collapse',
    pattern: rx(`3amo+d\\w* ${gap(4)}(?:mayel|3am yenzal|3am yo2a3|w2e3|wa2a3)\\w*`),
  },
]);

export const WEAK_PARAPHRASES: DangerPattern[] = marked([
  {
    kind: 'person',
    pattern: rx(
      `can tehlikesi\\w*|hayati tehlike\\w*|dokunabilir|dokunacak|yilan\\w*|havai fisek\\w*|yatti|kokunden sokul\\w*|(?:pano|elektrik kutu|sigorta kutu|trafo)\\w* ${gap(1)}(?:kapag\\w* )?(?:acik|acilmis|kapaksiz)|kapaksiz (?:rogar|logar|kuyu|menhol)\\w*`,
    ),
  },
  {
    kind: 'traffic',
    pattern: rx(
      `ters yonde|kontrolden cik\\w*|fren\\w* ${gap(1)}tutma(?:di|yor)|gocuk (?:olustu|var|acildi)|drunk driver|driving (?:drunk|on the phone)`,
    ),
  },
]);
