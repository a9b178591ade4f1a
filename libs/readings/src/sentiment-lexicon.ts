import { collapseRuns, foldText } from './reading-text';

/**
 * The sentiment lexicon: Turkish first (the municipality's language), then English, Arabic and
 * Kurmanji. Keys are folded like the message (foldText) and then have every letter run collapsed
 * ("tesekkur" → "tesekur"), so "teşekkürlerrr" and "TESEKKURLER" meet them. A `*` makes the entry a
 * stem that matches any suffix ("rezalet*" → "rezaletsiniz"); without it the word must match whole.
 * Weights are rough strengths from -3 to 3, set by reading the tuning (odd-numbered) messages.
 */
export interface LexiconEntry {
  weight: number;
  /** Praise that turns into sarcasm beside a complaint ("bravo", "tebrikler", "helal olsun"). */
  praise?: boolean;
  /** The lexicon's spelling, shown in the cues. */
  word: string;
}

const GROUPS: [number, string][] = [
  // Turkish, negative.
  [-3, 'rezalet* rezil* berbat* igrenc* kepaze* skandal* felaket* facia* harabe* vurdumduymaz* beceriksiz*'],
  [-2.2, 'ayip* utan* yazik* insaf* sorumsuz* bikt* bikkin* bezdi* usandi* sacma* isyan* magdur* perisan* mahvol*'],
  [-2, 'kotu* yeter yetti yeterr lanet* zulum eziyet* iskence* cile* dayanilmaz* cekilmez* yasanmaz* sinir* ofke*'],
  [-1.8, 'uzucu* uzgun* uzuldu* kirgin* umursa* ihmal* bahane* oyala* savsak* vaat* sikayetci* tepki*'],
  [-1.5, 'defalarca pis* pislik* kokmus* leş les* korku* kork* tehlikeli* zarar* ziyan* bosa bosuna maalesef malesef'],
  [-0.6, 'kimse kimsenin kimseye kimsecikler artik sikayet*'],
  [-1.2, 'susuz* mazot* camur* klasik* hicbir adalet* zehir* tuzak* cevapsiz*'],
  [-1, 'hala hala* yine gene her seferinde nerede nerde nerdesiniz neredesiniz olmaz zifiri*'],
  [-0.8, 'yok yoktu yokmus karanlik* bekliyoruz bekletiyor* ayni* surekli* koku* kokuyor* tehlike* tasti* taşmış'],
  [-0.5, 'sorun* problem* ariza* bozuk* kirik* kirilmis* hic vergi* vergilerimiz donuyoruz uyuyam* saatlerce'],
  // Distress: an emergency is told with fear, never neutrally.
  [-1.2, 'acil imdat cabuk mahsur yarali* kivilcim* alev* yangin* caresiz*'],
  [-0.8, 'yardim duman* patla* dustu dusecek yikil* devril* hemen'],
  // Turkish, positive.
  [2.5, 'harika* mukemmel* muhtesem* mukemel* efsane* eline elinize ellerinize emeginize emegi'],
  [2, 'tesekur* tsk tsklr tskler tskrlr tesekurler sagol* sagolun sagolsun memnun* minnettar* duyarli* basari*'],
  [1.8, 'super* guzel* kibar* nazik* durust* faydali* keyifli* sukur* sukurler mutlu* sevindi* sevindik begen*'],
  [1.2, 'iyi iyiydi hizli* hizlica cozul* cozdu* cozmus* duzel* hallet* kurtar*'],
  [1.2, 'halloldu ilginiz ilgilendiniz ilgilenip ilgilenen rahatla* rahat yenilendi yenilemis tamir'],
  [0.8, 'nihayet temizlendi temizlenmis yapilmis yapildi kabul onarilmis onarildi geldi geldiler'],
  // English.
  [-3, 'terrible awful disgusting horrible worst disgrace* pathetic appalling'],
  [-2.2, 'unacceptable ridiculous shame* angry furious useless disappoint* frustrat* outrage*'],
  [-1.8, 'bad poor annoying* dangerous dirty stink* sick nobody ignored ignoring joke waste'],
  [-1, 'still again never anymore complain* nothing'],
  [-0.6, 'broken smell* problem* issue*'],
  [2.5, 'excellent amazing wonderful fantastic perfect brilliant impressed fab superb'],
  [2, 'thank* thanks thx ty great appreciate* appreciated helpful love lovely happy pleased grateful'],
  [1.5, 'good nice kind quick* fast fixed resolved sorted clean cleared safe'],
  // Arabic (the folded forms keep the letters; marks and hamza seats are dropped by foldText).
  [-3, 'مهزلة كارثة فضيحة مقرف زفت'],
  [-2, 'سيء سيئ سيئة اهمال عيب حرام زهقنا تعبنا غاضب للاسف بهدلة'],
  [-1.2, 'حدا احد ليش لسا لسه بعدو وين صرلنا صرلو منذ ابدا'],
  [-0.6, 'شو مبارح'],
  [-0.6, 'مقطوع مقطوعة مشكلة مشكله خربان خربانة مكسر مكسور عتمة'],
  [2.5, 'ممتاز ممتازة رائع رائعة يعطيكن يعطيكم العافية جزاكم مشكورين'],
  [2, 'شكرا شكراً شكرًا مشكور تسلم تسلمو حلوة حلو منيح نضيفة نظيفة مرتاحة'],
  [1.2, 'تمام سريع بسرعة'],
  // Kurmanji.
  [-2.2, 'serm* heyf rezalet* mixabin aciz westiyan'],
  [-1.5, 'xerab* xirab* nebas* qirej* nayê naye edi hejî heji'],
  [2.2, 'spas sipas destxwes destxweş sax biji rumet'],
  [1.5, 'xwes* bash'],
];

/** Praise words that sarcasm turns ("bravo 👏 4 aydır çukur", "tebrikler belediye"). */
const PRAISE = 'bravo* tebrik* aferin* helal harika* super* masallah* yasasin* guzel* great brilliant';
GROUPS.push([2, 'bravo* tebrik* aferin* helal masallah* yasasin*'], [1.5, 'congrats*']);

function build(): { exact: Map<string, LexiconEntry>; stems: Map<string, LexiconEntry> } {
  const exact = new Map<string, LexiconEntry>();
  const stems = new Map<string, LexiconEntry>();
  const praise = new Set(PRAISE.split(' ').map((w) => collapseRuns(foldText(w.replace(/\*$/, '')))));
  for (const [weight, words] of GROUPS) {
    for (const raw of words.split(' ')) {
      const stem = raw.endsWith('*');
      const key = collapseRuns(foldText(raw.replace(/\*$/, '').replace(/_/g, ' ')));
      const entry: LexiconEntry = { weight, word: raw.replace(/\*$/, ''), praise: praise.has(key) || undefined };
      (stem ? stems : exact).set(key, entry);
    }
  }
  return { exact, stems };
}

const LEXICON = build();
const LONGEST_STEM = Math.max(...[...LEXICON.stems.keys()].map((k) => k.length));

/** The entry for a folded token, whole word first, then the longest stem it starts with; with the rest of the word. */
export function lookUp(token: string): { entry: LexiconEntry; rest: string } | null {
  const key = collapseRuns(token);
  const whole = LEXICON.exact.get(key);
  if (whole) {
    return { entry: whole, rest: '' };
  }
  for (let n = Math.min(key.length, LONGEST_STEM); n >= 3; n--) {
    const entry = LEXICON.stems.get(key.slice(0, n));
    if (entry) {
      return { entry, rest: key.slice(n) };
    }
  }
  return null;
}

/** Emoji and their weight; 👏 and 🙂 are praise that sarcasm turns. */
export const EMOJI_WEIGHTS: Record<string, { weight: number; praise?: boolean }> = {
  '😡': { weight: -2 },
  '🤬': { weight: -2.5 },
  '😠': { weight: -2 },
  '😤': { weight: -1.8 },
  '😢': { weight: -1.2 },
  '😭': { weight: -1.5 },
  '😞': { weight: -1.5 },
  '😔': { weight: -1.2 },
  '😩': { weight: -1.8 },
  '😫': { weight: -1.8 },
  '🙄': { weight: -1.8 },
  '😒': { weight: -1.8 },
  '😑': { weight: -1.2 },
  '🤦': { weight: -1.8 },
  '💩': { weight: -2 },
  '👎': { weight: -2 },
  '🤢': { weight: -1.8 },
  '🤮': { weight: -2.2 },
  '😨': { weight: -1.2 },
  '😱': { weight: -1.2 },
  '🥵': { weight: -1.2 },
  '🥶': { weight: -1.2 },
  '😣': { weight: -1.2 },
  '😖': { weight: -1.2 },
  '🙃': { weight: -1.5 },
  '👍': { weight: 1.8 },
  '🙏': { weight: 1 },
  '😊': { weight: 1.8 },
  '☺': { weight: 1.8 },
  '😍': { weight: 2 },
  '🥰': { weight: 2 },
  '❤': { weight: 1.8 },
  '💐': { weight: 1.8 },
  '🌹': { weight: 1.5 },
  '👌': { weight: 1.5 },
  '💯': { weight: 1.5 },
  '🤗': { weight: 1.5 },
  '✨': { weight: 1 },
  '💪': { weight: 1.5 },
  '😀': { weight: 1.5 },
  '😃': { weight: 1.5 },
  '😄': { weight: 1.5 },
  '👏': { weight: 1.5, praise: true },
  '🙂': { weight: 0.8, praise: true },
};
