/** Reply attachments and citizens' pictures, Turkish first; the compiler checks each has an English twin. */
export const attachmentsTr = {
  'att.add': 'Dosya ekle',
  'att.remove': '{name} dosyasını kaldır',
  'att.limits': 'Bu kanal: {rules}',
  'att.rule': '{types} en çok {size} MB',
  'att.list': 'Yanıta eklenen dosyalar',
  'att.uploading': '{name} yükleniyor…',
  'att.tooLarge': '{name} çok büyük: bu kanal en çok {size} MB kabul ediyor.',
  'att.wrongType': '{name} bu kanala gönderilemez; kabul edilenler: {types}.',
  'att.tooMany': 'Bu kanalda bir yanıta en çok {max} dosya eklenebilir.',
  'att.notAllowed': 'Bu konuşmada yanıta dosya eklenemez.',
  'att.failed': '{name} yüklenemedi: {message}',
  'att.photo': 'Fotoğraf',
  'att.pdf': 'PDF',
  'att.avatar': '{name} profil resmi',
} as const;

export const attachmentsEn: Record<keyof typeof attachmentsTr, string> = {
  'att.add': 'Attach file',
  'att.remove': 'Remove {name}',
  'att.limits': 'This channel: {rules}',
  'att.rule': '{types} up to {size} MB',
  'att.list': 'Files attached to the reply',
  'att.uploading': 'Uploading {name}…',
  'att.tooLarge': '{name} is too large: this channel takes at most {size} MB.',
  'att.wrongType': '{name} cannot be sent on this channel; accepted: {types}.',
  'att.tooMany': 'A reply on this channel can carry at most {max} files.',
  'att.notAllowed': 'Replies in this conversation cannot carry files.',
  'att.failed': '{name} could not be uploaded: {message}',
  'att.photo': 'Photo',
  'att.pdf': 'PDF',
  'att.avatar': "{name}'s profile picture",
};
