import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { SingleLineName } from '../common/single-line-name.decorator';

export class CannedResponseDto {
  @ApiProperty({ example: 'Teşekkür' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @SingleLineName()
  title: string;

  @ApiProperty({ example: 'Sayın {{ad}}, {{başvuruNo}} numaralı başvurunuz için teşekkür ederiz. {{kurum}}' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  body: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'tesekkur',
    description: 'Typed after "/" in the reply box; letters, digits and dashes',
  })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsString()
  @Matches(/^\/?[\p{L}\p{N}_-]{1,40}$/u, { message: 'shortcut must be 1-40 letters, digits, dashes or underscores' })
  shortcut?: string | null;

  @ApiPropertyOptional({
    default: false,
    description: 'true: shared with the whole organization (administrators only); false: only the creator sees it',
  })
  @IsOptional()
  @IsBoolean()
  shared?: boolean;
}
