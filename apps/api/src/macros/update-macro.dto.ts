import { PartialType } from '@nestjs/swagger';
import { MacroDto } from './macro.dto';

export class UpdateMacroDto extends PartialType(MacroDto) {}
