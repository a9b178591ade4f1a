import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'QrCode' })
export class QrCodeResponse {
  @ApiProperty() size: number;
  @ApiProperty({ description: 'Dark modules as one SVG path on a size x size grid' }) path: string;
}

@ApiSchema({ name: 'TotpSetup' })
export class TotpSetupResponse {
  @ApiProperty({ description: 'Base32' }) secret: string;
  @ApiProperty() otpauthUrl: string;
  @ApiProperty({ type: QrCodeResponse }) qrCode: QrCodeResponse;
}
