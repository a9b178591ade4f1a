import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'PublicUrlList' })
export class PublicUrlListResponse {
  @ApiProperty({ description: 'Open311 GeoReport v2 base URL' }) open311Base: string;
  @ApiProperty() services: string;
  @ApiProperty({ description: 'GET lists requests; POST files one (with a client key)' }) requests: string;
  @ApiProperty() transparency: string;
  @ApiProperty({ description: 'A request page is this followed by its public id' }) requestPage: string;
}

/** What the administration screen shows about the organization's public data. */
@ApiSchema({ name: 'PublicDataInfo' })
export class PublicDataInfoResponse {
  @ApiProperty() publicData: boolean;
  @ApiProperty({ description: 'The organization slug the public URLs carry' }) slug: string;
  @ApiProperty({ type: PublicUrlListResponse }) urls: PublicUrlListResponse;
}
