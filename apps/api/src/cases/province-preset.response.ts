import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { PresetApplied, ProvincePresetView } from '@civic/cases';

/** A province's preset list of external bodies. */
@ApiSchema({ name: 'ProvincePreset' })
export class ProvincePresetResponse implements ProvincePresetView {
  @ApiProperty({ example: 'kayseri' }) code: string;
  @ApiProperty({ example: 'Kayseri' }) name: string;
  @ApiProperty({ type: [String], example: ['KASKİ', 'Kayserigaz'] }) bodies: string[];
}

/** What applying a preset changed. */
@ApiSchema({ name: 'PresetApplied' })
export class PresetAppliedResponse implements PresetApplied {
  @ApiProperty({ example: 'kayseri' }) province: string;
  @ApiProperty({ type: [String], description: 'External bodies added (missing before)' }) added: string[];
  @ApiProperty({ type: [String], description: 'Category codes moved from a generic body to the province’s body' })
  categoriesMoved: string[];
}
