import { CitizenNoticeKind as K } from './citizen-notice-kind';

export type NoticeLanguage = 'tr' | 'en';
export const NOTICE_LANGUAGES: readonly NoticeLanguage[] = ['tr', 'en'];

/**
 * The placeholders each kind's text may use, in the order a WhatsApp template mapped to the kind
 * receives them as body parameters ({{1}}, {{2}}, …). The caller that enqueues a kind supplies
 * these values; a missing one renders empty.
 */
export const NOTICE_PLACEHOLDERS: Record<K, readonly string[]> = {
  [K.ConversationAcknowledged]: [],
  [K.CaseOpened]: ['caseNumber', 'department', 'category'],
  [K.Forwarded]: ['caseNumber', 'body'],
  [K.InProgress]: ['caseNumber', 'department'],
  [K.Resolved]: ['caseNumber', 'resolution'],
  [K.Rejected]: ['caseNumber', 'reason'],
  [K.BodyUpdate]: ['caseNumber', 'body', 'status', 'note'],
  [K.SatisfactionSurvey]: ['caseNumber'],
  [K.SatisfactionThanks]: ['caseNumber'],
  [K.StatusReply]: ['caseNumber', 'status', 'department'],
  [K.OutOfHours]: ['opensAt'],
  [K.OptOutConfirmed]: [],
};

/**
 * The product's texts. Turkish adds suffixes to names ("İZSU'ya"), which a placeholder cannot
 * know, so the wording keeps every placeholder where no suffix is needed.
 */
export const DEFAULT_NOTICE_TEXTS: Record<K, Record<NoticeLanguage, string>> = {
  [K.ConversationAcknowledged]: {
    tr: 'Mesajınız bize ulaştı, teşekkür ederiz. En kısa sürede size dönüş yapacağız.',
    en: 'We have received your message, thank you. We will get back to you as soon as possible.',
  },
  [K.CaseOpened]: {
    tr: 'Başvurunuz {caseNumber} numarasıyla alınmıştır. Başvurunuzun durumunu bu numarayla sorabilirsiniz.',
    en: 'Your request has been registered with number {caseNumber}. You can ask about its status with this number.',
  },
  [K.Forwarded]: {
    tr: 'Başvurunuz ({caseNumber}) ilgili kuruma iletildi: {body}.',
    en: 'Your request ({caseNumber}) has been forwarded to the responsible body: {body}.',
  },
  [K.InProgress]: {
    tr: 'Başvurunuz ({caseNumber}) üzerinde çalışılmaya başlandı.',
    en: 'Work has started on your request ({caseNumber}).',
  },
  [K.Resolved]: {
    tr: 'Başvurunuz ({caseNumber}) sonuçlandı: {resolution}',
    en: 'Your request ({caseNumber}) has been resolved: {resolution}',
  },
  [K.Rejected]: {
    tr: 'Başvurunuz ({caseNumber}) hakkında bilgilendirme: {reason}',
    en: 'About your request ({caseNumber}): {reason}',
  },
  [K.BodyUpdate]: {
    tr: 'Başvurunuzla ({caseNumber}) ilgili bilgi geldi. Kurum: {body}. Durum: {status}. {note}',
    en: 'An update on your request ({caseNumber}). From: {body}. Status: {status}. {note}',
  },
  [K.SatisfactionSurvey]: {
    tr: 'Başvurunuz ({caseNumber}) sonuçlandı. Hizmetimizi 1 (çok kötü) ile 5 (çok iyi) arasında puanlar mısınız?',
    en: 'Your request ({caseNumber}) has been resolved. Could you rate our service from 1 (very poor) to 5 (very good)?',
  },
  [K.SatisfactionThanks]: {
    tr: 'Değerlendirmeniz için teşekkür ederiz.',
    en: 'Thank you for your feedback.',
  },
  [K.StatusReply]: {
    tr: 'Başvurunuzun ({caseNumber}) güncel durumu: {status}.',
    en: 'The current status of your request ({caseNumber}): {status}.',
  },
  [K.OutOfHours]: {
    tr: 'Mesajınız bize ulaştı. Şu an mesai saatleri dışındayız; {opensAt} itibarıyla size dönüş yapacağız.',
    en: 'We have received your message. We are outside office hours; we will get back to you from {opensAt}.',
  },
  [K.OptOutConfirmed]: {
    tr: 'Otomatik bilgilendirme mesajları bu kanalda durduruldu. Yazdığınız mesajlar yine de yanıtlanacaktır.',
    en: 'Automatic notifications on this channel have been stopped. Your messages will still be answered.',
  },
};

/** Appended to the first automatic message a contact gets, when the organization asks for it (KVKK). */
export const PRIVACY_NOTICE_LINE: Record<NoticeLanguage, string> = {
  tr: 'Kişisel verilerinizin işlenmesine ilişkin aydınlatma metni: {url}',
  en: 'How we process your personal data: {url}',
};

/** `{status}` is a case status code, told in words. */
export const STATUS_WORDS: Record<NoticeLanguage, Record<string, string>> = {
  tr: {
    new: 'alındı',
    assigned: 'ilgili birime yönlendirildi',
    in_progress: 'üzerinde çalışılıyor',
    forwarded: 'ilgili kuruma iletildi',
    resolved: 'sonuçlandı',
    rejected: 'olumsuz sonuçlandı',
    merged: 'aynı konudaki başka bir başvuruyla birleştirildi',
  },
  en: {
    new: 'received',
    assigned: 'assigned to a department',
    in_progress: 'in progress',
    forwarded: 'forwarded to the responsible body',
    resolved: 'resolved',
    rejected: 'declined',
    merged: 'merged with another request about the same issue',
  },
};

/** Sample values for the settings preview. */
export const SAMPLE_VALUES: Record<string, string> = {
  caseNumber: '2026-000123',
  department: 'Fen İşleri',
  category: 'Yol / çukur',
  body: 'İZSU',
  resolution: 'Çukur asfaltla kapatıldı.',
  reason: 'Konu belediyemizin görev alanı dışındadır.',
  status: 'in_progress',
  note: 'Ekibimiz yönlendirildi.',
  opensAt: 'Pazartesi 08:30',
};
