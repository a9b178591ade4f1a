/** Neighbourhoods (mahalleler, issue 27), Turkish first; the compiler checks each has an English twin. */
export const placesTr = {
  'audit.act.neighbourhoods.uploaded': 'Mahalle sınırları yüklendi',
  'audit.type.neighbourhood_boundary_set': 'Mahalle sınırları',
};

export const placesEn: Record<keyof typeof placesTr, string> = {
  'audit.act.neighbourhoods.uploaded': 'Neighbourhood boundaries uploaded',
  'audit.type.neighbourhood_boundary_set': 'Neighbourhood boundaries',
};
