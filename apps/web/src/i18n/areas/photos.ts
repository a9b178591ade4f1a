/** Photos (issue 27): thumbnails, the photo viewer, and the position found in a photo. */
export const photosTr = {
  'photos.open': 'Fotoğrafı büyüt: {name}',
  'photos.viewer': 'Fotoğraf görüntüleyici',
  'photos.position': '{index} / {count}',
  'photos.previous': 'Önceki fotoğraf',
  'photos.next': 'Sonraki fotoğraf',
  'photos.close': 'Kapat',
  'photos.download': 'İndir',
  'photos.keys': 'Ok tuşlarıyla ya da kaydırarak gezinin, Esc ile kapatın.',
  'photos.unreadable': 'Fotoğraf gösterilemiyor',
  'photos.photoAlt': 'Vatandaşın gönderdiği fotoğraf',
  'photos.location.title': 'Fotoğrafta konum bilgisi var',
  'photos.location.text':
    'Telefon bu fotoğrafı {latitude}, {longitude} konumunda çekmiş. Başvurunun konumu henüz belirtilmedi.',
  'photos.location.use': 'Fotoğraftaki konumu kullan',
  'photos.location.map': 'Haritada gör',
  'photos.location.applied': 'Başvurunun konumu fotoğraftaki konum olarak kaydedildi.',
};

export const photosEn: Record<keyof typeof photosTr, string> = {
  'photos.open': 'Enlarge photo: {name}',
  'photos.viewer': 'Photo viewer',
  'photos.position': '{index} of {count}',
  'photos.previous': 'Previous photo',
  'photos.next': 'Next photo',
  'photos.close': 'Close',
  'photos.download': 'Download',
  'photos.keys': 'Use the arrow keys or swipe to move, Esc to close.',
  'photos.unreadable': 'The photo cannot be shown',
  'photos.photoAlt': 'Photo sent by the citizen',
  'photos.location.title': 'The photo holds a location',
  'photos.location.text': 'The phone took this photo at {latitude}, {longitude}. The request has no location yet.',
  'photos.location.use': 'Use the location in the photo',
  'photos.location.map': 'See on the map',
  'photos.location.applied': "The request's location was set to the one in the photo.",
};
