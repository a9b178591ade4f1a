import { DepartmentKind } from '@civic/domain';

/** The units a new organization starts with (an İzmir district municipality, as in Bornova). */
export const DEFAULT_UNITS: { name: string; kind: DepartmentKind }[] = [
  { name: 'Fen İşleri', kind: DepartmentKind.Department },
  { name: 'Zabıta', kind: DepartmentKind.Department },
  { name: 'Park ve Bahçeler', kind: DepartmentKind.Department },
  { name: 'Temizlik İşleri', kind: DepartmentKind.Department },
  { name: 'Su ve Kanalizasyon', kind: DepartmentKind.Department },
  { name: 'Ulaşım Hizmetleri', kind: DepartmentKind.Department },
  { name: 'Beyaz Masa', kind: DepartmentKind.Department },
  { name: 'İZSU', kind: DepartmentKind.ExternalBody },
  { name: 'ESHOT', kind: DepartmentKind.ExternalBody },
  { name: 'İzmirgaz', kind: DepartmentKind.ExternalBody },
  { name: 'Gediz Elektrik', kind: DepartmentKind.ExternalBody },
  { name: 'Büyükşehir Belediyesi', kind: DepartmentKind.ExternalBody },
  { name: 'Karayolları Bölge Müdürlüğü', kind: DepartmentKind.ExternalBody },
];

/** Categories with their SLA (hours), owning unit and starting keyword rule (see routing-matcher for the * syntax). */
export const DEFAULT_CATEGORIES: { code: string; name: string; slaHours: number; owner: string; keywords: string[] }[] =
  [
    {
      code: 'yol-cukur',
      name: 'Yol / çukur',
      slaHours: 72,
      owner: 'Fen İşleri',
      keywords: ['çukur*', 'asfalt*', 'yol', 'yolda', 'yolun*', 'kaldırım*', 'yama*', 'bozuk yol*'],
    },
    {
      code: 'aydinlatma',
      name: 'Aydınlatma',
      slaHours: 48,
      owner: 'Fen İşleri',
      keywords: ['aydınlatma*', 'lamba*', 'sokak lamba*', 'karanlık', 'direk*'],
    },
    {
      code: 'cop',
      name: 'Çöp',
      slaHours: 24,
      owner: 'Temizlik İşleri',
      keywords: ['çöp*', 'konteyner*', 'atık*', 'koku*', 'temizlik*'],
    },
    {
      code: 'su-arizasi',
      name: 'Su arızası',
      slaHours: 12,
      owner: 'Su ve Kanalizasyon',
      keywords: ['su', 'suyu', 'sular', 'kanalizasyon*', 'boru*', 'logar*', 'rögar*', 'su kaça*'],
    },
    {
      code: 'park',
      name: 'Park',
      slaHours: 72,
      owner: 'Park ve Bahçeler',
      keywords: ['park*', 'ağaç*', 'bank*', 'çim*', 'oyun alan*', 'budama*'],
    },
    {
      code: 'zabita',
      name: 'Zabıta',
      slaHours: 24,
      owner: 'Zabıta',
      keywords: ['zabıta*', 'seyyar*', 'gürültü*', 'işgal*', 'dilenci*', 'kaldırım işgal*'],
    },
    {
      code: 'ulasim',
      name: 'Ulaşım',
      slaHours: 48,
      owner: 'Ulaşım Hizmetleri',
      keywords: ['otobüs*', 'durak*', 'sefer*', 'eshot', 'metro*', 'dolmuş*'],
    },
    {
      code: 'dogalgaz',
      name: 'Doğalgaz',
      slaHours: 6,
      owner: 'İzmirgaz',
      keywords: ['doğalgaz*', 'gaz koku*', 'gaz kaça*', 'izmirgaz'],
    },
    {
      code: 'elektrik',
      name: 'Elektrik',
      slaHours: 12,
      owner: 'Gediz Elektrik',
      keywords: ['elektrik*', 'kesinti*', 'trafo*', 'kablo*'],
    },
  ];
