/**
 * Word cues for the cases fastText's lid.176 gets wrong on short citizen messages: Arabic typed in
 * Latin letters (Arabizi), Kurmanji without its letters, Turkish without diacritics. All folded
 * (lower case, Turkish letters and circumflexes to ASCII) as foldText leaves them.
 */

const words = (list: string): Set<string> => new Set(list.split(' '));

/** Arabizi words distinctive enough to count alone: greetings, particles, service words. */
export const ARABIZI_WORDS = words(
  'marhaba marhba mar7aba salam alaykum aleikum shukran shokran shukraan yalla yallah habibi ' +
    'wallah wallahi walla inshallah inshalla mashallah mish mesh mafi mafe fih fiha fiya enta ' +
    'inta nehna ni7na ahna howe hiye hayda hayde hada hathi leh lesh shu shou sho kteer ktir ' +
    'kter ktiir kaman kamen bidi baddi badna bedna mnih mneeh yom yawm youm ayam iyam mayy ' +
    'mayye moya kahraba kahruba kahrabaa zbele zbale zebala bayt beit beyt bayti walad wlad ' +
    'atfal ghaz mushkila mushkile moshkle lissa lessa baladiye baladiyye baladia baladiya',
);

/** Short Arabizi words that other languages share: they count only beside a digit-letter word or a strong one. */
export const ARABIZI_WEAK_WORDS = words(
  'el al fi fe ma ana ya w wa aw la li min mn ala may mai bet beti nar eh hal bas',
);

/** Kurmanji words that Turkish does not have (after folding). */
export const KURMANJI_WORDS = words(
  'ji li di ez em hun ew xwe tune tuneye heye hene buye ku ci cima kengi gelek roje rojan ' +
    'heftiye meh ava ave elektrike ceryan kolan kolana kolane kuce kuceya mala malan zarok ' +
    'zarokan zaroka gund bajar bajare saredari saredariya sharedari spas sipas xerab xirab ' +
    'xerabe bese niha neha nehatiye dikin nake nakin kirin bikin ket ketiye vi wi yen je disa ' +
    'hej hevi ezbeni kerema xera reya cekin ceken ceke qet cawa behna bihna sewat diwar gemar ' +
    'qirej hatiye tu hinek kesek kesi dikare dikarin were werin binere binerin nezik nezike ' +
    'boriya lule gelo rast mezin picuk zu hati here herin bibinin cebikin careser tistek tist ' +
    'cend pisti iro duh sibe evar dema carek qasi xelk xelke zarokên zaroken jin pir kal bav ' +
    'birasti deriye avahi cade reye navce taxa taxe derdora hemu tene jixwe isev cedibe nabe ' +
    'nabin dibe dibin bun bune kirine kiriye dane daye dide didin dixwazim dixwazin xwestin ' +
    'hevidar spasi geleki zehf zede baran berf germ ronahi cira qelebalix rawestgeh bihaye erd ' +
    'erde ketin hilwesiya sikesti sikest qul cala cale',
);

/** Turkish function words and very common message words (folded), for short texts fastText misses. */
export const TURKISH_WORDS = words(
  've bir bi bu su o da de mi mu ne var yok ama icin gibi cok daha hala artik yine gene hic ' +
    'her kadar sonra once neden niye nerede nerde zaman gun gundur aydir haftadir sokak sokagi ' +
    'sokakta mahalle mah cad cd sk apt belediye belediyesi lutfen ltf tesekkurler tesekkur tsk ' +
    'tskler sagolun merhaba mrb slm selam acil yol cop isik lamba otobus durak bizim biz ben ' +
    'siz sizin evin ev onunde karsisinda yaninda degil olmadi oldu geldi gelmedi alinmadi ' +
    'yapilmadi rezalet berbat abi abla hocam kardesim yani bile hep sadece ya yaa',
);

/** Common English words, so short English texts are not taken for Turkish by the Latin-script default. */
export const ENGLISH_WORDS = words(
  'the is are was were and not no please pls street there been for our my it its of to we you ' +
    'your this that has have with from why when what still again since days weeks thanks thank ' +
    'hi hello bus light water road rubbish garbage bins near outside can someone anyone here ' +
    'very just would could be at an a i me in on',
);
