import { DepartmentKind } from '@civic/domain';

/** The kinds of external body a Turkish municipality forwards to; each province names its own. */
export type ExternalBodyRole = 'water' | 'gas' | 'electricity' | 'transit' | 'metropolitan' | 'highways' | 'police';

/** The municipality's own departments (müdürlükler): the same in every province. */
export const DEFAULT_DEPARTMENTS: string[] = [
  'Fen İşleri',
  'Zabıta',
  'Park ve Bahçeler',
  'Temizlik İşleri',
  'Su ve Kanalizasyon',
  'Ulaşım Hizmetleri',
  'Beyaz Masa',
];

/** Generic external bodies, used where no province preset is chosen (or it has no body for the role). */
export const GENERIC_EXTERNAL_BODIES: Record<ExternalBodyRole, string> = {
  water: 'Su ve Kanalizasyon İdaresi',
  gas: 'Doğal Gaz Dağıtım Şirketi',
  electricity: 'Elektrik Dağıtım Şirketi',
  transit: 'Toplu Taşıma İşletmesi',
  metropolitan: 'Büyükşehir Belediyesi',
  highways: 'Karayolları Bölge Müdürlüğü',
  police: 'İl Emniyet Müdürlüğü',
};

export interface ProvincePreset {
  code: string;
  /** The province's name as shown to the administrator. */
  name: string;
  bodies: Partial<Record<ExternalBodyRole, string>>;
}

/**
 * External bodies of the provinces of the municipalities in the design notes (Melikgazi/Kayseri,
 * Bornova/İzmir, Elbistan/Kahramanmaraş, Erzurum), spelled as the bodies write their short names.
 * Checked from memory, not against the sites (no browsing when written); marked "unsure" where the
 * spelling or the region number should be confirmed on the body's own site.
 */
export const PROVINCE_PRESETS: ProvincePreset[] = [
  {
    code: 'izmir',
    name: 'İzmir',
    bodies: {
      water: 'İZSU',
      gas: 'İzmirgaz',
      electricity: 'Gediz Elektrik',
      transit: 'ESHOT',
      metropolitan: 'İzmir Büyükşehir Belediyesi',
      highways: 'Karayolları 2. Bölge Müdürlüğü',
      police: 'İzmir İl Emniyet Müdürlüğü',
    },
  },
  {
    code: 'kayseri',
    name: 'Kayseri',
    bodies: {
      water: 'KASKİ',
      gas: 'Kayserigaz',
      // unsure: the distributor signs as "Kayseri ve Civarı Elektrik T.A.Ş." (KCETAŞ).
      electricity: 'Kayseri ve Civarı Elektrik (KCETAŞ)',
      transit: 'Kayseri Ulaşım',
      metropolitan: 'Kayseri Büyükşehir Belediyesi',
      highways: 'Karayolları 6. Bölge Müdürlüğü',
      police: 'Kayseri İl Emniyet Müdürlüğü',
    },
  },
  {
    code: 'kahramanmaras',
    name: 'Kahramanmaraş',
    bodies: {
      // unsure: Kahramanmaraş's water administration also abbreviates to KASKİ.
      water: 'KASKİ (Kahramanmaraş)',
      // unsure: the gas distributor's exact trade name (Aksa group).
      gas: 'Aksa Kahramanmaraş Doğal Gaz',
      electricity: 'AKEDAŞ Elektrik Dağıtım',
      metropolitan: 'Kahramanmaraş Büyükşehir Belediyesi',
      // unsure: the region number covering Kahramanmaraş.
      highways: 'Karayolları 5. Bölge Müdürlüğü',
      police: 'Kahramanmaraş İl Emniyet Müdürlüğü',
    },
  },
  {
    code: 'erzurum',
    name: 'Erzurum',
    bodies: {
      water: 'ESKİ',
      // unsure: "Palen" (Palandöken Enerji Doğal Gaz) as the distributor writes itself.
      gas: 'Palen Doğal Gaz',
      electricity: 'Aras Elektrik Dağıtım (Aras EDAŞ)',
      metropolitan: 'Erzurum Büyükşehir Belediyesi',
      highways: 'Karayolları 12. Bölge Müdürlüğü',
      police: 'Erzurum İl Emniyet Müdürlüğü',
    },
  },
];

export const PROVINCE_CODES = PROVINCE_PRESETS.map((p) => p.code);

export function provincePreset(code: string | null | undefined): ProvincePreset | null {
  return PROVINCE_PRESETS.find((p) => p.code === code) ?? null;
}

const ROLES = Object.keys(GENERIC_EXTERNAL_BODIES) as ExternalBodyRole[];

/** The external body of each role: the province's where the preset has one, the generic one otherwise. */
export function externalBodiesFor(province: string | null | undefined): Record<ExternalBodyRole, string> {
  const preset = provincePreset(province);
  return Object.fromEntries(
    ROLES.map((role) => [role, preset?.bodies[role] ?? GENERIC_EXTERNAL_BODIES[role]]),
  ) as Record<ExternalBodyRole, string>;
}

/** The units a new organization starts with: the departments and one external body per role. */
export function defaultUnits(province: string | null | undefined): { name: string; kind: DepartmentKind }[] {
  return [
    ...DEFAULT_DEPARTMENTS.map((name) => ({ name, kind: DepartmentKind.Department })),
    ...Object.values(externalBodiesFor(province)).map((name) => ({ name, kind: DepartmentKind.ExternalBody })),
  ];
}

/** A category's owner: a department by name, or the external body of a role. */
export type CategoryOwner = { department: string } | { body: ExternalBodyRole };

/** Categories with their SLA (hours), owning unit and starting keyword rule (see routing-matcher for the * syntax). */
export const DEFAULT_CATEGORIES: {
  code: string;
  name: string;
  slaHours: number;
  owner: CategoryOwner;
  keywords: string[];
}[] = [
  {
    code: 'yol-cukur',
    name: 'Yol / çukur',
    slaHours: 72,
    owner: { department: 'Fen İşleri' },
    keywords: ['çukur*', 'asfalt*', 'yol', 'yolda', 'yolun*', 'kaldırım*', 'yama*', 'bozuk yol*'],
  },
  {
    code: 'aydinlatma',
    name: 'Aydınlatma',
    slaHours: 48,
    owner: { department: 'Fen İşleri' },
    keywords: ['aydınlatma*', 'lamba*', 'sokak lamba*', 'karanlık', 'direk*'],
  },
  {
    code: 'cop',
    name: 'Çöp',
    slaHours: 24,
    owner: { department: 'Temizlik İşleri' },
    keywords: ['çöp*', 'konteyner*', 'atık*', 'koku*', 'temizlik*'],
  },
  {
    code: 'su-arizasi',
    name: 'Su arızası',
    slaHours: 12,
    owner: { department: 'Su ve Kanalizasyon' },
    keywords: ['su', 'suyu', 'sular', 'kanalizasyon*', 'boru*', 'logar*', 'rögar*', 'su kaça*'],
  },
  {
    code: 'park',
    name: 'Park',
    slaHours: 72,
    owner: { department: 'Park ve Bahçeler' },
    keywords: ['park*', 'ağaç*', 'bank*', 'çim*', 'oyun alan*', 'budama*'],
  },
  {
    code: 'zabita',
    name: 'Zabıta',
    slaHours: 24,
    owner: { department: 'Zabıta' },
    keywords: ['zabıta*', 'seyyar*', 'gürültü*', 'işgal*', 'dilenci*', 'kaldırım işgal*'],
  },
  {
    code: 'ulasim',
    name: 'Ulaşım',
    slaHours: 48,
    owner: { department: 'Ulaşım Hizmetleri' },
    keywords: ['otobüs*', 'durak*', 'sefer*', 'metro*', 'dolmuş*', 'tramvay*'],
  },
  {
    code: 'dogalgaz',
    name: 'Doğalgaz',
    slaHours: 6,
    owner: { body: 'gas' },
    keywords: ['doğalgaz*', 'doğal gaz*', 'gaz koku*', 'gaz kaça*'],
  },
  {
    code: 'elektrik',
    name: 'Elektrik',
    slaHours: 12,
    owner: { body: 'electricity' },
    keywords: ['elektrik*', 'kesinti*', 'trafo*', 'kablo*'],
  },
];
