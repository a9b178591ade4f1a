import { Module } from '@nestjs/common';
import { MediaLinkSigner } from './media-link.signer';

/** The signer alone, for the api (the worker, which has no sign-in secrets module, does not need it). */
@Module({ providers: [MediaLinkSigner], exports: [MediaLinkSigner] })
export class MediaLinkModule {}
