import { ErrorCode } from '../error-code';
import type { CatalogueEntries } from './catalogue-entry';

/** Neighbourhoods (issue 27): the checks of an uploaded GeoJSON boundary file, each naming the feature. */
export const NEIGHBOURHOOD_ERRORS: CatalogueEntries = {
  [ErrorCode.NeighbourhoodFileNotFeatureCollection]: {
    status: 400,
    tr: 'Dosya bir GeoJSON FeatureCollection değil ("type": "FeatureCollection" ve "features" dizisi gerekli)',
    en: 'The file is not a GeoJSON FeatureCollection ("type": "FeatureCollection" and a "features" array are needed)',
  },
  [ErrorCode.NeighbourhoodFileEmpty]: {
    status: 400,
    tr: 'Dosyada hiç mahalle sınırı yok',
    en: 'The file holds no neighbourhood boundary',
  },
  [ErrorCode.NeighbourhoodFileTooLarge]: {
    status: 400,
    tr: 'Dosya çok büyük: en çok {maxFeatures} mahalle ve toplam {maxPositions} köşe noktası yüklenebilir',
    en: 'The file is too large: at most {maxFeatures} neighbourhoods and {maxPositions} positions in all',
  },
  [ErrorCode.NeighbourhoodGeometryType]: {
    status: 400,
    tr: '{feature} öğesinin geometrisi Polygon ya da MultiPolygon olmalı ({type} geldi)',
    en: 'The geometry of feature {feature} must be a Polygon or MultiPolygon (got {type})',
  },
  [ErrorCode.NeighbourhoodRingTooShort]: {
    status: 400,
    tr: '{feature} öğesinin bir halkası en az 4 köşe noktasından oluşmalı ({count} var)',
    en: 'A ring of feature {feature} must have at least 4 positions ({count} given)',
  },
  [ErrorCode.NeighbourhoodRingNotClosed]: {
    status: 400,
    tr: '{feature} öğesinin bir halkası kapalı değil: ilk ve son köşe noktası aynı olmalı',
    en: 'A ring of feature {feature} is not closed: its first and last positions must be equal',
  },
  [ErrorCode.NeighbourhoodCoordinateInvalid]: {
    status: 400,
    tr: '{feature} öğesinde geçersiz koordinat: boylam -180..180, enlem -90..90 arasında sayı olmalı',
    en: 'Feature {feature} has an invalid position: longitude must be -180..180 and latitude -90..90',
  },
  [ErrorCode.NeighbourhoodNameMissing]: {
    status: 400,
    tr: '{feature} öğesinde "{nameProperty}" özelliği yok ya da boş',
    en: 'Feature {feature} has no "{nameProperty}" property, or it is empty',
  },
  [ErrorCode.NeighbourhoodNameDuplicate]: {
    status: 400,
    tr: '{feature} öğesinin adı daha önceki bir öğeyle aynı: {name}',
    en: 'The name of feature {feature} repeats an earlier feature: {name}',
  },
  [ErrorCode.NeighbourhoodCityUnknown]: {
    status: 400,
    tr: 'İl kodu tanınmadı: {cityCode} (01–81 arası iki haneli plaka kodu olmalı)',
    en: 'Unknown province code: {cityCode} (a two-digit plate code, 01–81)',
  },
  [ErrorCode.NeighbourhoodDistrictUnknown]: {
    status: 400,
    tr: '{city} ilinde "{district}" adlı ilçe yok',
    en: 'The province {city} has no district named "{district}"',
  },
};
