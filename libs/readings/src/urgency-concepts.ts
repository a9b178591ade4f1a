import { wordPattern } from './reading-text';

/**
 * Dangers told in any word order: a thing (gas, a cable, a wall) and what it is doing (smelling,
 * sparking, collapsing) in the same sentence, however far apart ("kablolar direğin dibinde, biri
 * koptu yerde duruyor"). The ordered patterns of urgency-patterns catch the usual phrasings; these
 * catch the rest. Folded words (foldText); a state must be happening now or about to.
 */
export interface DangerConcept {
  kind: string;
  things: RegExp;
  states: RegExp;
}

const w = (source: string) => wordPattern(source, 'u');

export const CONCEPTS: DangerConcept[] = [
  {
    kind: 'gas',
    things: w('(?:dogal ?)?gaz\\w*|tup\\w*|kombi\\w*|sofben\\w*|vana\\w*|lpg|propan'),
    states: w(
      // A water leak by the meter's valve ("vanadan su kaçağı var") is no gas leak.
      'kok(?:u|usu|uyor|tu|ar)\\w*|(?<!su )kacag\\w* (?:var|oldu)|(?<!su )kacak var|(?<!su )kaciyor|kacir(?:iyor|mis|di)\\w*|(?<!su )sizi(?:yor|nti var|ntisi var)\\w*|t+i+s+|islik\\w*',
    ),
  },
  {
    kind: 'electric',
    things: w(
      'kablo\\w*|tel|teller\\w*|telleri\\w*|teli|elektrik\\w*|direk\\w*|direg\\w*|trafo\\w*|pano\\w*|priz\\w*|sayac\\w*|cereyan\\w*|ceryan\\w*',
    ),
    states: w(
      'kivilcim\\w*|kop(?:tu|muş|mus|uk|an)\\w*|yere (?:dus|degi|sark|yat)\\w*|yerde\\w*|ciplak|acikta|yaniyor|alev\\w*|duman\\w*|patla(?:di|yor|ma)\\w*|carp(?:ti|iyor|ildi|abilir)\\w*|eriyor|cizir\\w*|devril\\w*|yikil\\w*|yatti',
    ),
  },
  {
    kind: 'collapse',
    things: w(
      'duvar\\w*|bina\\w*|istinat\\w*|apartman\\w*|cati\\w*|balkon\\w*|tavan\\w*|iskele\\w*|agac\\w*|cinar\\w*|kopru\\w*|vinc\\w*|yol|yolu|asfalt\\w*|zemin\\w*|toprak\\w*|sev|yamac\\w*|merdiven\\w*|tabela\\w*',
    ),
    states: w(
      'cok(?:tu|mus|uyor|ecek|mek uzere|meye)\\w*|goc(?:tu|uyor|mus|mek)\\w*|yikil(?:di|mis|iyor|acak|abilir|mak)\\w*|devril(?:di|mis|iyor|ecek|mek)\\w*|heyelan\\w*|catlayip|catirda\\w*',
    ),
  },
  {
    kind: 'flood',
    things: w('su|sular|suyu|lagim\\w*|kanalizasyon\\w*|sel|camurlu su|pis su'),
    states: w(
      '(?:eve|evimize|evlere|evin ici\\w*|iceri\\w*|icine|bodrum\\w*|daire\\w*|salon\\w*|dukkan\\w*|kata|zemin kat\\w*) (?:\\w+ ){0,2}(?:gir|dol|bas|yuksel|dol|hucum|dayan)\\w*|diz(?:imize|e|den)\\w*|bel(?:imize|e kadar)\\w*|mahsur\\w*',
    ),
  },
  {
    kind: 'flood',
    things: w('ev|evi|evimiz\\w*|evin ici|evleri|bodrum\\w*|daire\\w*|dukkan\\w*|salon\\w*|zemin kat\\w*|apartman\\w*'),
    states: w(
      '(?:su|sular|suyla|lagim\\w*|camur\\w*|kanalizasyon\\w*) (?:doldu|doluyor|basti|basiyor|girdi|giriyor)\\w*|(?:tamamen )?doldu|su icinde|sular? altinda',
    ),
  },
  {
    kind: 'person',
    things: w('rogar\\w*|logar\\w*|menhol\\w*|kuyu\\w*|kazi\\w*|kapag\\w*|kapak\\w*|kanal\\w*'),
    states: w('dusecek|dusebilir|dusmeden|dusmek uzere|dusmesin|icine dus\\w*'),
  },
  {
    kind: 'person',
    things: w(
      'cocuk\\w*|cocug\\w*|bebek\\w*|yasli\\w*|kadin\\w*|adam\\w*|amca\\w*|teyze\\w*|kisi\\w*|biri|birisi|insan\\w*|yolcu\\w*|ogrenci\\w*|kiz\\w*|sofor\\w*|komsu\\w*',
    ),
    states: w(
      'dustu\\w*|dusmus|yarali\\w*|yaralan(?:di|mis|iyor)\\w*|kan(?:iyor|lar icinde)|bayil(?:di|mis)\\w*|mahsur\\w*|sikis(?:ti|mis)\\w*|bogul\\w*|isiril\\w*|isirdi\\w*|saldir(?:di|iyor)\\w*|kovaliyor\\w*|kaybol(?:du|mus)\\w*|carpildi|fenalas\\w*|nefes alamiyor\\w*|(?:icinde|iceride|icerde|altinda|arasinda) kal(?:di|mis)\\w*',
    ),
  },
  {
    kind: 'fire',
    things: w(
      'konteyner\\w*|cop\\w*|agac\\w*|ev|evi|bina\\w*|arac\\w*|araba\\w*|ot|otlar\\w*|orman\\w*|park\\w*|bahce\\w*|cati\\w*|balkon\\w*|dukkan\\w*|mutfak\\w*|otobus\\w*|minibus\\w*|kamyon\\w*|sayac\\w*|priz\\w*',
    ),
    states: w(
      'yaniyor|alev\\w*|tutus(?:tu|uyor)\\w*|duman (?:cikiyor|yukseliyor|sardi)\\w*|ates (?:aldi|sardi|yayiliyor)\\w*',
    ),
  },
];
