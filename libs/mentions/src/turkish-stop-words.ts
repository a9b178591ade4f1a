import { foldForSearch } from '@civic/domain';

/**
 * Common Turkish function words (conjunctions, pronouns, postpositions, particles), folded like the text
 * they are removed from, plus a few English ones, social-media noise, and address and courtesy words
 * (mah., sokak, teşekkürler) that fill citizens' posts without telling what they are about. "şu" is left out on purpose:
 * folded it is "su" (water), which a municipality needs to see.
 */
const WORDS = `acaba ama ancak artık aslında az bana bazen bazı belki ben beni benim bile bir biraz birçok birkaç biri birisi birşey biz bize bizi bizim böyle bu buna bunda bundan bunlar bunları bunların bunu bunun burada çok çünkü da daha dahi de defa değil diğer diye dolayı en gibi göre hala hâlâ hangi hem hep hepsi her herkes hiç için ile ilgili ise işte kadar kendi kendine ki kim kime kimse mı mi mu mü nasıl ne neden nedir nerede nereye niçin niye o olan olarak oldu olduğu olsun olur on ona onda ondan onlar onları onların onu onun orada öyle pek rağmen sadece sanki şey şuna şunu siz size sizi sizin son tüm üzere var ve veya ya yani yok zaten artik cok degil icin gore hic nicin sey uzere yine sonra önce bile lütfen lutfen the and for you https http www com amp rt via
mah mahalle mahallesi sok sokak sokağı cad cadde caddesi no zaman ederim ediyorum rica teşekkür teşekkürler sabah akşam gün gündür hafta yeni merhaba selam iyi günler`;

export const TURKISH_STOP_WORDS: readonly string[] = [
  ...new Set(
    WORDS.split(/\s+/)
      .map((word) => foldForSearch(word))
      .filter(Boolean),
  ),
];
